package org.guanjia.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The outcome of an import.
 *
 * @param dryRun       checked only, nothing written by design
 * @param written      the data was written (false for a dry run or when there were problems)
 * @param files        the counts per file, in the order of the format
 * @param problems     the first problems in order (capped); empty when all is well
 * @param problemCount all problems found, including those left out of {@code problems}
 * @param rows         data rows read in all files
 */
public record ImportReport(boolean dryRun, boolean written, List<FileCounts> files,
        List<ImportProblem> problems, int problemCount, long rows, Duration took) {

    public ImportReport {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean ok() {
        return problemCount == 0;
    }

    /**
     * The problems as a CSV file (UTF-8 with BOM so spreadsheets read the Chinese right):
     * file, row, column, message.
     */
    public byte[] problemsCsv(BiFunction<String, Object[], String> translate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            csv.printRecord("file", "row", "column", "message");
            for (ImportProblem p : problems) {
                csv.printRecord(p.file(), p.row(), p.column() == null ? "" : p.column(),
                        InterchangeFiles.escapeFormula(translate.apply(p.messageKey(), p.args())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

package org.guanjia.interchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of the format with Apache Commons CSV (RFC 4180, comma, header first), row by
 * row. UTF-8 only: a BOM is skipped; UTF-16 (with a BOM, or without one, recognised by NUL
 * bytes at the start) and malformed UTF-8 are refused, the latter with the row it is in.
 */
final class CsvFileReader {

    private static final int SNIFF = 4096;

    private CsvFileReader() {
    }

    static void read(Path path, int maxCellChars, RowSink sink) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            raw.mark(SNIFF);
            byte[] head = raw.readNBytes(SNIFF);
            raw.reset();
            if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                    || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
                sink.fatal(0, "imp.problem.utf16");
                return;
            }
            for (byte b : head) {
                if (b == 0) {
                    sink.fatal(0, "imp.problem.utf16");
                    return;
                }
            }
            if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
                raw.skipNBytes(3);
            }
            // a row may hold 64 cells of the maximum length; beyond that the reader stops
            StrictUtf8Reader reader = new StrictUtf8Reader(raw, 64L * maxCellChars + 65_536);
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                boolean header = true;
                while (true) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        r = records.next();
                    } catch (UncheckedIOException e) {
                        long row = parser.getRecordNumber() + 1;
                        if (e.getCause() instanceof StrictUtf8Reader.NotUtf8) {
                            sink.fatal(row, "imp.problem.notUtf8");
                        } else if (e.getCause() instanceof StrictUtf8Reader.RowTooLong) {
                            sink.fatal(row, "imp.problem.rowTooLong", maxCellChars);
                        } else {
                            sink.fatal(row, "imp.problem.csvSyntax", String.valueOf(e.getCause().getMessage()));
                        }
                        return;
                    } catch (IllegalStateException e) {
                        sink.fatal(parser.getRecordNumber() + 1, "imp.problem.csvSyntax", String.valueOf(e.getMessage()));
                        return;
                    }
                    reader.mark();
                    List<String> cells = new ArrayList<>(r.size());
                    for (int i = 0; i < r.size(); i++) {
                        cells.add(r.get(i));
                    }
                    if (header) {
                        sink.header(cells);
                        header = false;
                    } else {
                        sink.row(r.getRecordNumber(), cells);
                    }
                }
                if (header) {
                    sink.fatal(0, "imp.problem.empty");
                }
            }
        }
    }
}

package org.guanjia.interchange;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.guanjia.interchange.InterchangeFiles.ColumnSpec;
import org.guanjia.interchange.InterchangeFiles.ColumnType;
import org.guanjia.interchange.InterchangeFiles.FileSpec;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Where an export goes: a folder of files or a ZIP, each file CSV or XLSX. CSV files are UTF-8
 * with a byte-order mark (spreadsheets then read the Chinese right; the importer accepts it),
 * RFC 4180, CRLF; a cell that a spreadsheet would run as a formula is written with a leading
 * apostrophe (see {@link InterchangeFiles#escapeFormula}). XLSX files are written streaming (POI SXSSF), text
 * as text cells (never formulas), amounts and integers as numbers.
 */
public abstract class ExportTarget implements Closeable {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().get();

    private final ExportFormat format;

    protected ExportTarget(ExportFormat format) {
        this.format = format;
    }

    public ExportFormat format() {
        return format;
    }

    /** A ZIP when the path ends in {@code .zip}, else a folder (created when missing). */
    public static ExportTarget of(Path path, ExportFormat format) throws IOException {
        if (path.getFileName() != null
                && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return zip(new BufferedOutputStream(Files.newOutputStream(path)), format);
        }
        Files.createDirectories(path);
        return new Folder(path, format);
    }

    /** A ZIP written to {@code out}; closing the target closes {@code out}. */
    public static ExportTarget zip(OutputStream out, ExportFormat format) {
        return new Zip(new ZipOutputStream(out, StandardCharsets.UTF_8), format);
    }

    /** Opens the file of {@code spec} with its header written. */
    abstract FileWriter open(FileSpec spec, List<String> header) throws IOException;

    /** One file being written. */
    interface FileWriter extends Closeable {
        void row(List<ColumnSpec> columns, String[] cells) throws IOException;
    }

    /** Writes the file's bytes to {@code out}, which it must not close. */
    final FileWriter writer(OutputStream out, FileSpec spec, List<String> header,
            Runnable finished) throws IOException {
        return format == ExportFormat.CSV ? csv(out, header, finished) : xlsx(out, spec, header, finished);
    }

    private static FileWriter csv(OutputStream out, List<String> header, Runnable finished)
            throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSV);
        printer.printRecord(header);
        String[] escaped = new String[header.size()];
        return new FileWriter() {
            @Override
            public void row(List<ColumnSpec> columns, String[] cells) throws IOException {
                for (int i = 0; i < cells.length; i++) {
                    ColumnType type = columns.get(i).type();
                    escaped[i] = type == ColumnType.TEXT || type == ColumnType.CODE
                            ? InterchangeFiles.escapeFormula(cells[i]) : cells[i];
                }
                printer.printRecord((Object[]) escaped);
            }

            @Override
            public void close() throws IOException {
                printer.close(true);
                finished.run();
            }
        };
    }

    private static FileWriter xlsx(OutputStream out, FileSpec spec, List<String> header,
            Runnable finished) {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        book.setCompressTempFiles(true);
        SXSSFSheet sheet = book.createSheet(spec.name());
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        CellStyle money = book.createCellStyle();
        money.setDataFormat(book.createDataFormat().getFormat("0.00"));
        Row head = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            Cell c = head.createCell(i);
            c.setCellValue(header.get(i));
            c.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
        return new FileWriter() {
            private int next = 1;

            @Override
            public void row(List<ColumnSpec> columns, String[] cells) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] == null || cells[i].isEmpty()) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    switch (columns.get(i).type()) {
                        case DECIMAL -> {
                            c.setCellValue(new BigDecimal(cells[i]).doubleValue());
                            c.setCellStyle(money);
                        }
                        case INTEGER -> c.setCellValue(Long.parseLong(cells[i]));
                        default -> c.setCellValue(cells[i]);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    book.write(new KeepOpen(out));
                } finally {
                    book.close();
                    finished.run();
                }
            }
        };
    }

    private static final class Folder extends ExportTarget {
        private final Path dir;

        Folder(Path dir, ExportFormat format) {
            super(format);
            this.dir = dir;
        }

        @Override
        FileWriter open(FileSpec spec, List<String> header) throws IOException {
            Path file = dir.resolve(format().fileName(spec));
            Path part = dir.resolve(file.getFileName() + ".part");
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
            return writer(out, spec, header, () -> {
                try {
                    out.close();
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends ExportTarget {
        private final ZipOutputStream zip;

        Zip(ZipOutputStream zip, ExportFormat format) {
            super(format);
            this.zip = zip;
        }

        @Override
        FileWriter open(FileSpec spec, List<String> header) throws IOException {
            zip.putNextEntry(new ZipEntry(format().fileName(spec)));
            return writer(zip, spec, header, () -> {
                try {
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Lets a writer flush into a shared stream without closing it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

package org.guanjia.interchange;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What an export wrote: rows per file. {@code estateCode} null = all data. */
public record ExportSummary(String estateCode, ExportFormat format, List<FileRows> files,
        Duration took) {

    public record FileRows(String file, long rows) {
    }

    public long rows() {
        return files.stream().mapToLong(FileRows::rows).sum();
    }

    /** One line for the audit log: the scope and the rows per non-empty file. */
    public String describe() {
        return (estateCode == null ? "all estates" : "estate " + estateCode) + ", "
                + format.extension() + ": " + files.stream().filter(f -> f.rows() > 0)
                        .map(f -> f.file() + " " + f.rows()).collect(Collectors.joining(", "));
    }
}

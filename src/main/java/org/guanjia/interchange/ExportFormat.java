package org.guanjia.interchange;

import org.guanjia.interchange.InterchangeFiles.FileSpec;

/** The file type of an export: CSV (UTF-8 with BOM, so spreadsheets read the Chinese) or XLSX. */
public enum ExportFormat {
    CSV("csv"),
    XLSX("xlsx");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String fileName(FileSpec spec) {
        return spec.name() + "." + extension;
    }
}

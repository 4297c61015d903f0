package org.guanjia.interchange;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep a hostile or mistaken upload from filling the disk or the memory
 * ({@code guanjia.import.*}).
 *
 * @param maxFileBytes   largest file accepted (a CSV, an XLSX or a ZIP as given)
 * @param maxEntryBytes  largest uncompressed ZIP entry (counted while inflating)
 * @param maxTotalBytes  largest uncompressed total of a ZIP
 * @param maxEntries     most entries in a ZIP
 * @param maxCellChars   longest cell
 */
@ConfigurationProperties(prefix = "guanjia.import")
public record ImportLimits(long maxFileBytes, long maxEntryBytes, long maxTotalBytes, int maxEntries,
        int maxCellChars) {

    public static final ImportLimits DEFAULTS = new ImportLimits(0, 0, 0, 0, 0);

    public ImportLimits {
        if (maxFileBytes <= 0) {
            maxFileBytes = 512L << 20;
        }
        if (maxEntryBytes <= 0) {
            maxEntryBytes = 1L << 30;
        }
        if (maxTotalBytes <= 0) {
            maxTotalBytes = 4L << 30;
        }
        if (maxEntries <= 0) {
            maxEntries = 100;
        }
        if (maxCellChars <= 0) {
            maxCellChars = 10_000;
        }
    }
}

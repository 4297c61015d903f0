package org.guanjia.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the backups ({@code guanjia.backup.*}, see README "Backups").
 *
 * @param dir  the folder of the backups; empty = {@code backups} next to the database file
 * @param keep how many backups are kept; older ones are deleted after each new one
 * @param cron when the scheduled backup runs (Spring cron, in the estates' time zone);
 *             {@code -} turns it off
 */
@ConfigurationProperties("guanjia.backup")
public record BackupSettings(Path dir, int keep, String cron) {

    public BackupSettings {
        if (keep < 1) {
            throw new IllegalArgumentException("guanjia.backup.keep must be at least 1, was " + keep);
        }
    }

    /** The folder of the backups of the database {@code dbFile}. */
    public Path folder(Path dbFile) {
        return dir != null && !dir.toString().isBlank() ? dir : dbFile.toAbsolutePath().getParent().resolve("backups");
    }
}

package org.guanjia.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.guanjia.base.DatabaseLock;

/**
 * Puts a backup in place of the database file, for the {@code restore} command (the server
 * must be stopped). The backup is checked first (a DuckDB file with a migration history); the
 * database file must not be in use (DuckDB's lock); the current file and its write-ahead log are
 * kept beside it as {@code *.before-restore-<time>} rather than deleted; the backup is copied
 * to a temporary name and moved into place, so a failure half-way leaves the old file.
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Why a restore was refused, in one line for the user. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private Restore() {
    }

    /** Restores {@code backup} as {@code database}; returns where the old file was kept (or null). */
    public static Path restore(Path backup, Path database) throws IOException {
        return restore(backup, database, Clock.systemDefaultZone());
    }

    /**
     * As {@link #restore(Path, Path)}, the old file's name stamped with {@code clock}'s time (the
     * estates' zone, as the backups' names are).
     */
    public static Path restore(Path backup, Path database, Clock clock) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new Refused("No backup file " + backup);
        }
        long migrations = check(backup);
        if (migrations == 0) {
            throw new Refused("The file " + backup + " is not a Guanjia backup (no migration history)");
        }
        Path target = database.toAbsolutePath();
        Path wal = target.resolveSibling(target.getFileName() + ".wal");
        Path kept = null;
        if (Files.exists(target)) {
            ensureNotInUse(target);
            String stamp = LocalDateTime.now(clock).format(STAMP);
            kept = target.resolveSibling(target.getFileName() + ".before-restore-" + stamp);
            Files.move(target, kept);
            if (Files.exists(wal)) {
                Files.move(wal, wal.resolveSibling(wal.getFileName() + ".before-restore-" + stamp));
            }
        } else {
            Files.createDirectories(target.getParent());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".restoring");
        Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }

    /** The number of applied migrations in a backup; refuses what DuckDB cannot open. */
    private static long check(Path backup) {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + backup.toAbsolutePath(), readOnly);
                Statement st = c.createStatement();
                ResultSet r = st.executeQuery("select count(*) from flyway_schema_history where success")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new Refused("The file " + backup + " is not a Guanjia backup: " + firstLine(e.getMessage()));
        }
    }

    /** Opens the database for writing and closes it again: refused while another process holds it. */
    private static void ensureNotInUse(Path database) {
        String held;
        try {
            held = DatabaseLock.heldBy(database);
        } catch (SQLException e) {
            throw new Refused("The database " + database + " cannot be opened: " + firstLine(e.getMessage()));
        }
        if (held != null) {
            throw new Refused(held);
        }
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

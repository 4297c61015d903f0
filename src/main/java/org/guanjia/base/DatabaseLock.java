package org.guanjia.base;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's file lock: one process may open a database file. Names the process that holds it in
 * one line, for the command line (a command run next to the server) and the restore.
 */
public final class DatabaseLock {

    private static final Pattern PID = Pattern.compile("PID (\\d+)");

    private DatabaseLock() {
    }

    /**
     * The one-line message for a failure caused by DuckDB's file lock, or null when the failure
     * has another cause. DuckDB says: {@code IO Error: Could not set lock on file "…":
     * Conflicting lock is held in /usr/bin/java (PID 1234)…}.
     */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Could not set lock on file")) {
                int file = m.indexOf('"');
                int fileEnd = file < 0 ? -1 : m.indexOf('"', file + 1);
                String path = fileEnd > file ? m.substring(file + 1, fileEnd) : "the database file";
                Matcher pid = PID.matcher(m);
                return "The database " + path + " is in use by another process"
                        + (pid.find() ? " (PID " + pid.group(1) + ")" : "")
                        + ", probably a running Guanjia server: stop it, or run the command on a copy"
                        + " of the file (GUANJIA_DB).";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /**
     * Opens the database file for writing and closes it again: the one-line message when another
     * process holds it, null when it opens. Any other failure to open it is thrown.
     */
    public static String heldBy(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath())) {
            c.isValid(1);
            return null;
        } catch (SQLException e) {
            String held = message(e);
            if (held != null) {
                return held;
            }
            throw e;
        }
    }
}

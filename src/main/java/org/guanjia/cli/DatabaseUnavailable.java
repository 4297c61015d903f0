package org.guanjia.cli;

/**
 * The database file cannot be opened because another process holds it: DuckDB allows one
 * process per file, so a command cannot run next to the server on the same file.
 */
final class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String message) {
        super(message);
    }

    /**
     * The one-line message for a start-up failure caused by DuckDB's file lock, or null when the
     * failure has another cause. DuckDB says: {@code IO Error: Could not set lock on file
     * "…": Conflicting lock is held in /usr/bin/java (PID 1234)…}.
     */
    static String lockHolder(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Could not set lock on file")) {
                int file = m.indexOf('"');
                int fileEnd = file < 0 ? -1 : m.indexOf('"', file + 1);
                String path = fileEnd > file ? m.substring(file + 1, fileEnd) : "the database file";
                java.util.regex.Matcher pid = java.util.regex.Pattern.compile("PID (\\d+)").matcher(m);
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
}

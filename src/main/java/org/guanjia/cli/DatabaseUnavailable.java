package org.guanjia.cli;

import org.guanjia.base.DatabaseLock;

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
     * failure has another cause ({@link DatabaseLock#message}).
     */
    static String lockHolder(Throwable failure) {
        return DatabaseLock.message(failure);
    }
}

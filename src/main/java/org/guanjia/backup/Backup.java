package org.guanjia.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file: a complete DuckDB database as of {@code takenAt}. */
public record Backup(Path file, long bytes, Instant takenAt) {
}

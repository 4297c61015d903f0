package org.guanjia.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.Role;
import org.guanjia.base.photo.PhotoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online backups of the database file. A backup is consistent without stopping the app: the
 * automatic checkpoint is held off, a checkpoint writes every committed transaction into the
 * file, and the file is copied while later commits go to the write-ahead log only (DuckDB
 * changes the blocks of the last checkpoint only when it checkpoints again). The copy is then
 * opened read-only to prove it is a database, the photos not yet in the backup folder's
 * {@code photos} mirror are copied there, and the oldest backups beyond
 * {@code guanjia.backup.keep} are deleted.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    static final String PREFIX = "guanjia-";
    static final String SUFFIX = ".duckdb";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final GuanjiaProperties properties;
    private final BackupSettings settings;
    private final Clock clock;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final PhotoStore photoStore;

    BackupService(DataSource dataSource, GuanjiaProperties properties, BackupSettings settings, Clock clock,
            AuditService audit, CurrentUser currentUser, PlatformTransactionManager transactionManager,
            PhotoStore photoStore) {
        this.photoStore = photoStore;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** The scheduled backup (daily by default). */
    @Scheduled(cron = "${guanjia.backup.cron}", zone = "${guanjia.timezone}")
    void scheduled() {
        CurrentUser.asSystem(() -> {
            Backup b = create(null);
            log.info("Scheduled backup written: {} ({} bytes)", b.file(), b.bytes());
            return b;
        });
    }

    /** The folder backups go to. */
    public Path folder() {
        return settings.folder(properties.dbPath());
    }

    /** Writes a backup into {@code folder} (null = the configured folder) and prunes old ones there. */
    public synchronized Backup create(Path folder) {
        currentUser.require(Role.ADMIN);
        Path dir = (folder == null ? folder() : folder).toAbsolutePath();
        Path source = properties.dbPath().toAbsolutePath();
        String name = PREFIX + LocalDateTime.now(clock).format(STAMP) + SUFFIX;
        Path target = dir.resolve(name);
        Path partial = dir.resolve(name + ".partial");
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                throw new IllegalStateException("A backup of this second exists already: " + target);
            }
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("set global checkpoint_threshold = '1TB'");
                try {
                    st.execute("force checkpoint");
                    Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    st.execute("reset global checkpoint_threshold");
                }
                try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                verify(st, partial);
            }
            // after the copy, in a transaction of its own: the checkpoint waits for open ones
            transaction.executeWithoutResult(status -> audit.record("backup", "database", name,
                    "backup written to " + target));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            int photos = mirrorPhotos(dir.resolve("photos"));
            log.debug("Backup {}: {} new photos copied", target, photos);
            prune(dir);
            return new Backup(target, Files.size(target), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("Could not delete {}", partial, e);
            }
        }
    }

    /** The backups in the configured folder, newest first. */
    public List<Backup> list() {
        currentUser.require(Role.ADMIN);
        return backups(folder());
    }

    static List<Backup> backups(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(BackupService::isBackup).toList()) {
                found.add(new Backup(f, Files.size(f), Files.getLastModifiedTime(f).toInstant()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the names carry the time to the second: their order is the backups' order
        found.sort(Comparator.comparing((Backup b) -> b.file().getFileName().toString()).reversed());
        return found;
    }

    private static boolean isBackup(Path f) {
        String n = f.getFileName().toString();
        return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && Files.isRegularFile(f);
    }

    /**
     * Copies the photos that are not in {@code mirror} yet. A photo file never changes once
     * stored (its key is new for every upload), so the mirror only grows; a photo is written
     * before its record commits, so every photo the database copy refers to is already there.
     */
    private int mirrorPhotos(Path mirror) throws IOException {
        Path photos = photoStore.dir();
        if (!Files.isDirectory(photos)) {
            return 0;
        }
        int copied = 0;
        try (Stream<Path> files = Files.walk(photos)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = mirror.resolve(photos.relativize(f).toString());
                if (Files.exists(to)) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                Path part = to.resolveSibling(to.getFileName() + ".partial");
                Files.copy(f, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
                copied++;
            }
        }
        return copied;
    }

    private void prune(Path dir) throws IOException {
        List<Backup> all = backups(dir);
        for (Backup old : all.subList(Math.min(all.size(), settings.keep()), all.size())) {
            Files.deleteIfExists(old.file());
            log.info("Old backup deleted: {}", old.file());
        }
    }

    /** Opens the copy read-only beside the live database and reads its migration history. */
    private static void verify(Statement st, Path copy) throws SQLException {
        String alias = "backup_check";
        st.execute("attach '" + copy.toString().replace("'", "''") + "' as " + alias + " (read_only)");
        try {
            st.execute("select count(*) from " + alias + ".flyway_schema_history");
        } finally {
            st.execute("detach " + alias);
        }
    }
}

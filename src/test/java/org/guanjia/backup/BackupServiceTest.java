package org.guanjia.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.photo.PhotoStore;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Backups of the running database, compared table by table with the live data, their pruning,
 * and the restore into a new file (every table again, and the sequences continue).
 */
@SpringBootTest(properties = {
        "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}/guanjia.duckdb",
        "guanjia.demo=true", "guanjia.demo-scale=0.02",
        "guanjia.backup.keep=2",
        // no fill of the closed complaint periods between the backup and the comparison
        "guanjia.kpi.close-cron=-",
        "guanjia.admin-password=test-admin-password"})
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackupServiceTest {

    @Autowired
    BackupService backups;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    PhotoStore photoStore;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_backup_holds_every_table_as_committed_and_opens_on_its_own() throws Exception {
        TestUsers.signIn("admin", Role.ADMIN, null);
        clock.set(LocalDateTime.of(2025, 3, 1, 10, 0, 0));
        MasterDataFixtures.create("BK" + UUID.randomUUID().toString().substring(0, 4) + "-", estates, staff);
        TestUsers.signIn("admin", Role.ADMIN, null);

        Backup b = backups.create(dir);

        assertThat(b.file()).exists().hasFileName("guanjia-20250301-100000.duckdb");
        assertThat(b.bytes()).isPositive();
        List<String> tables = tables();
        assertThat(tables).contains("statements", "payments", "payment_allocations", "complaints", "audit_log");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("attach '" + b.file() + "' as b (read_only)");
            try {
                for (String t : tables) {
                    if (t.equals("audit_log")) {
                        continue; // the backup's own audit row comes after the copy
                    }
                    assertThat(count(st, "select count(*) from (select * from main." + t + " except all select * from b."
                            + t + ")")).as(t + " rows missing in the backup").isZero();
                    assertThat(count(st, "select count(*) from (select * from b." + t + " except all select * from main."
                            + t + ")")).as(t + " rows only in the backup").isZero();
                }
                assertThat(count(st, "select count(*) from b.statements")).isPositive();
            } finally {
                st.execute("detach b");
            }
            assertThat(count(st, "select count(*) from audit_log where action = 'backup'")).isPositive();
        }
    }

    @Test
    void photos_are_mirrored_into_the_backup_folder_once() throws IOException {
        TestUsers.signIn("admin", Role.ADMIN, null);
        clock.set(LocalDateTime.of(2025, 3, 5, 9, 0, 0));
        Path photo = photoStore.dir().resolve("2025/03/" + UUID.randomUUID() + ".png");
        Files.createDirectories(photo.getParent());
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        backups.create(dir);
        Path mirrored = dir.resolve("photos").resolve(photoStore.dir().relativize(photo).toString());
        assertThat(mirrored).hasSameBinaryContentAs(photo);
        Files.writeString(mirrored, "kept as it was");
        clock.set(LocalDateTime.of(2025, 3, 5, 9, 0, 1));
        backups.create(dir);

        assertThat(mirrored).hasContent("kept as it was");
    }

    @Test
    void only_the_newest_backups_are_kept() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.set(LocalDateTime.of(2025, 3, 2, 8, 0, i));
            written.add(backups.create(dir).file());
        }

        assertThat(BackupService.backups(dir)).extracting(Backup::file).containsExactly(written.get(3), written.get(2));
        assertThat(written.get(0)).doesNotExist();
    }

    @Test
    void only_an_admin_takes_backups() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
        assertThatThrownBy(() -> backups.create(dir)).isInstanceOf(AccessDeniedException.class);
        assertThat(BackupService.backups(dir)).isEmpty();
    }

    @Test
    void a_restore_gives_a_new_file_with_every_table_and_sequences_that_go_on() throws Exception {
        TestUsers.signIn("admin", Role.ADMIN, null);
        clock.set(LocalDate.of(2025, 3, 3));
        Backup b = backups.create(dir);
        Path restored = dir.resolve("restored").resolve("guanjia.duckdb");

        assertThat(Restore.restore(b.file(), restored)).isNull();

        List<String> tables = tables();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + restored); Statement st = c.createStatement()) {
            st.execute("attach '" + b.file() + "' as b (read_only)");
            for (String t : tables) {
                assertThat(count(st, "select count(*) from (select * from main." + t + " except all select * from b." + t
                        + ")")).as(t).isZero();
                assertThat(count(st, "select count(*) from main." + t)).as(t).isEqualTo(count(st,
                        "select count(*) from b." + t));
            }
            long maxId = count(st, "select coalesce(max(id), 0) from payment_allocations");
            assertThat(count(st, "select nextval('payment_allocations_seq')")).isGreaterThan(maxId);
        }
    }

    @Test
    void a_restore_keeps_the_replaced_file_and_refuses_what_is_not_a_backup() throws IOException {
        TestUsers.signIn("admin", Role.ADMIN, null);
        clock.set(LocalDate.of(2025, 3, 4));
        Backup b = backups.create(dir);
        Path target = dir.resolve("target.duckdb");
        Files.copy(b.file(), target);
        Files.writeString(target.resolveSibling("target.duckdb.wal"), "stale log");

        clock.set(LocalDateTime.of(2025, 3, 4, 21, 42, 40));
        Path kept = Restore.restore(b.file(), target, clock);

        // stamped in the estates' time, as the backups' names are
        assertThat(kept.getFileName().toString()).isEqualTo("target.duckdb.before-restore-20250304-214240");
        assertThat(kept).exists().hasSameBinaryContentAs(b.file());
        assertThat(target).hasSameBinaryContentAs(b.file());
        assertThat(target.resolveSibling("target.duckdb.wal")).doesNotExist();
        Path junk = Files.writeString(dir.resolve("junk.duckdb"), "not a database");
        assertThatThrownBy(() -> Restore.restore(junk, target)).isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("junk.duckdb").hasMessageContaining("not a Guanjia backup");
        assertThatThrownBy(() -> Restore.restore(dir.resolve("none.duckdb"), target))
                .isInstanceOf(Restore.Refused.class).hasMessageContaining("No backup file");
        assertThat(target).hasSameBinaryContentAs(b.file());
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet r = st.executeQuery("select table_name from duckdb_tables() where database_name = current_database()"
                        + " and schema_name = 'main' and not temporary order by 1")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}

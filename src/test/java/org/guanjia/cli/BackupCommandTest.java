package org.guanjia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore commands, on a demo database of their own. */
class BackupCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path db, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("guanjia.db-path", db.toString()));
    }

    @Test
    void backup_prints_the_file_and_restore_puts_it_back_only_when_the_database_is_free() throws Exception {
        Path db = dir.resolve("live.duckdb");
        assertThat(run(db, "demo", "--scale", "0.02")).isEqualTo(Cli.OK);
        Path folder = dir.resolve("backups");

        assertThat(run(db, "backup", "--to", folder.toString())).as(err::toString).isEqualTo(Cli.OK);
        Path backup = Path.of(out.toString().strip());
        assertThat(backup).exists().hasParent(folder);
        assertThat(backup.getFileName().toString()).startsWith("guanjia-").endsWith(".duckdb");

        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("holding");
            assertThat(run(db, "restore", backup.toString())).isEqualTo(Cli.DATABASE_UNAVAILABLE);
            // the same one line as every command's (base.DatabaseLock), the holder named
            assertThat(err.toString().strip()).contains("live.duckdb", "in use by another process",
                    "PID " + holder.pid()).doesNotContain("\n");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(run(db, "restore", backup.toString())).as(err::toString).isEqualTo(Cli.OK);
        assertThat(out.toString().strip()).isEqualTo(db.toAbsolutePath().toString());
        assertThat(db).hasSameBinaryContentAs(backup);
        try (var kept = Files.list(dir)) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("live.duckdb.before-restore-"));
        }
        // the restored database opens and answers
        assertThat(run(db, "kpi", "collection", "--by", "estate", "--grain", "year", "--from", "2024-01", "--to",
                "2024-12")).as(err::toString).isEqualTo(Cli.OK);

        // the replaced file is stamped in the estates' time zone: a zone that does not exist is
        // named, and nothing is restored
        err.getBuffer().setLength(0);
        assertThat(Cli.run(new String[] {"restore", backup.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of("guanjia.db-path", db.toString(),
                        "guanjia.timezone", "Mars/Olympus"))).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("GUANJIA_TIMEZONE", "Mars/Olympus");

        Path junk = Files.writeString(dir.resolve("junk.duckdb"), "no database");
        assertThat(run(db, "restore", junk.toString())).isEqualTo(Cli.DATA_ERRORS);
        assertThat(err.toString()).contains("junk.duckdb", "not a Guanjia backup");
    }
}

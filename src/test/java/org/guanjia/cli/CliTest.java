package org.guanjia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path db, String... args) {
        return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("guanjia.db-path", db.toString()));
    }

    @Test
    void commands_are_told_apart_from_the_server_start() {
        assertThat(Cli.isCommand(new String[] {"demo", "--scale", "0.1"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(Cli.isCommand(new String[] {})).isFalse();
        assertThat(Cli.isCommand(new String[] {"serve"})).isFalse();
        assertThat(Cli.isCommand(new String[] {"--server.port=9000"})).isFalse();
    }

    @Test
    void a_usage_error_exits_2_with_the_usage_and_opens_no_database() {
        Path db = dir.resolve("never.duckdb");
        assertThat(run(db, "demo", "--scale", "lots")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--scale", "Usage:");
        assertThat(out.toString()).isEmpty();
        assertThat(run(db, "demo", "--scale", "0")).isEqualTo(Cli.USAGE);
        assertThat(run(db, "no-such-command")).isEqualTo(Cli.USAGE);
        assertThat(db).doesNotExist();
    }

    @Test
    void a_database_held_by_another_process_is_named_in_one_line_and_exits_3() throws Exception {
        Path db = dir.resolve("held.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                DatabaseHolder.class.getName(), db.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("holding");
            assertThat(run(db, "demo", "--scale", "0.02")).as(err::toString).isEqualTo(Cli.DATABASE_UNAVAILABLE);
            assertThat(err.toString().strip()).contains("held.duckdb", "in use by another process",
                    "PID " + holder.pid()).doesNotContain("\n");
            assertThat(out.toString()).isEmpty();

            // as a user runs it: a process of its own, whose standard error is that one line
            // (the application's failed start used to log some 140 lines before it)
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-cp", System.getProperty("java.class.path"),
                    org.guanjia.Application.class.getName(), "backup", "--to", dir.toString());
            command.environment().put("GUANJIA_DB", db.toString());
            Process backup = command.start();
            String stdout = new String(backup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(backup.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(backup.exitValue()).as(stderr).isEqualTo(Cli.DATABASE_UNAVAILABLE);
            assertThat(stderr.strip()).contains("held.duckdb", "in use by another process",
                    "PID " + holder.pid()).doesNotContain("\n");
            assertThat(stdout).isEmpty();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void demo_fills_an_empty_database_once_and_prints_only_its_report() {
        Path db = dir.resolve("demo.duckdb");
        assertThat(run(db, "demo", "--scale", "0.02", "--seed", "7")).isEqualTo(Cli.OK);
        assertThat(out.toString()).startsWith("Demo data written:").contains("statements",
                "payments");
        assertThat(out.toString()).doesNotContain("INFO", "WARN");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run(db, "demo")).isEqualTo(Cli.DATA_ERRORS);
        assertThat(err.toString()).contains("already holds data");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void kpi_bench_times_each_query_and_the_machine_reference() {
        Path db = dir.resolve("bench.duckdb");
        assertThat(run(db, "demo", "--scale", "0.02", "--seed", "7")).isEqualTo(Cli.OK);
        out.getBuffer().setLength(0);
        assertThat(run(db, "kpi-bench", "--months", "3", "--repeat", "1", "--warmup", "0",
                "--datasets", "collection,satisfaction", "--grains", "month,year"))
                .as(err::toString).isEqualTo(Cli.OK);
        String text = out.toString();
        // one line per dataset, grain and scope: 2 x 2 x 4
        assertThat(text).contains("dataset,grain,scope,rows,median_ms,max_ms",
                "collection,month,estate,", "collection,year,butler,", "satisfaction,month,building,",
                "queries 16, median ");
        assertThat(text.lines().filter(l -> l.matches("(collection|satisfaction),(month|year),"
                + "(estate|cluster|building|butler),\\d+,\\d+,\\d+"))).hasSize(16);
        assertThat(text).containsPattern("over 300 ms: \\d+ of 16");
        assertThat(text).containsPattern("machine reference \\d+ ms before the timed queries,"
                + " \\d+ ms after");
        assertThat(text).doesNotContain("quarter");
        // the process's CPU and page faults over the timed queries (Linux; "unknown" elsewhere)
        assertThat(text).containsPattern("timed queries: process CPU ([\\d,]+ ms user, [\\d,]+ ms"
                + " system, [\\d,]+ minor page faults|unknown)");
        // the heap and DuckDB's allocator options the figures were taken with
        assertThat(text).containsPattern("memory: heap [\\d,]+ MB at start, [\\d,]+ MB at most, "
                + "(pre-touched|not pre-touched|pre-touch unknown); DuckDB's allocator ");
    }

    @Test
    void the_memory_line_names_the_heap_and_the_allocator_options() {
        assertThat(KpiBenchCommand.memorySetup(4L << 30, 4L << 30, true,
                "dirty_decay_ms:10000,muzzy_decay_ms:10000"))
                .isEqualTo("memory: heap 4,096 MB at start, 4,096 MB at most, pre-touched;"
                        + " DuckDB's allocator DUCKDB_JE_MALLOC_CONF=dirty_decay_ms:10000,"
                        + "muzzy_decay_ms:10000");
        assertThat(KpiBenchCommand.memorySetup(384L << 20, 8L << 30, false, " "))
                .isEqualTo("memory: heap 384 MB at start, 8,192 MB at most, not pre-touched;"
                        + " DuckDB's allocator with its own decay (DUCKDB_JE_MALLOC_CONF unset)");
        assertThat(KpiBenchCommand.memorySetup(384L << 20, 8L << 30, null, null))
                .contains("pre-touch unknown", "(DUCKDB_JE_MALLOC_CONF unset)");
        // this process: its heap at most, as the JVM's other reading of it gives (Runtime;
        // -Xmx2g under pom.xml), and not pre-touched (the tests' JVMs never are)
        assertThat(KpiBenchCommand.memorySetup()).startsWith("memory: heap ")
                .contains(String.format(Locale.ROOT, " %,d MB at most, not pre-touched;",
                        Runtime.getRuntime().maxMemory() >> 20));
    }

    @Test
    void process_cpu_is_read_from_proc_self_stat_where_linux_has_it() {
        long[] before = KpiBenchCommand.processCpu();
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            assertThat(before).isNull();
            assertThat(KpiBenchCommand.cpuSpent(before, before)).isEqualTo("process CPU unknown");
            return;
        }
        // 64 MB of fresh memory outside the heap (zeroed, so every page is touched): page faults,
        // at least one per 2 MB even where the kernel gives huge pages
        ByteBuffer touched = ByteBuffer.allocateDirect(64 << 20);
        long[] after = KpiBenchCommand.processCpu();
        // the memory is in use (and a new direct buffer is zeroed) until after the reading
        assertThat(touched.get((64 << 20) - 1)).isZero();
        assertThat(before).hasSize(3);
        assertThat(after[0]).isGreaterThanOrEqualTo(before[0]);
        assertThat(after[1]).isGreaterThanOrEqualTo(before[1]);
        assertThat(after[2] - before[2]).isGreaterThanOrEqualTo(32);
        assertThat(KpiBenchCommand.cpuSpent(new long[] {1000, 20, 5},
                new long[] {13340, 2130, 12345}))
                .isEqualTo("process CPU 12,340 ms user, 2,110 ms system, 12,340 minor page faults");
    }
}

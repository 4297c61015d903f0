package org.guanjia.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.guanjia.analytics.ComplaintPeriodJob;
import org.guanjia.analytics.ComplaintPeriods;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import org.guanjia.base.GuanjiaProperties;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kpi-bench}: times every KPI dataset at every grain and scope on the database
 * (issue 5 "Speed"); a benchmark to run by hand on a large demo database, not a test.
 */
@Command(name = "kpi-bench", mixinStandardHelpOptions = true,
        description = "Time every KPI dataset at every grain and scope over the last --months "
                + "months (a benchmark; fill a database with 'demo --scale N' first).")
class KpiBenchCommand extends SpringCommand {

    @Option(names = "--months", description = "Months of history per query (default "
            + "${DEFAULT-VALUE}).", defaultValue = "36")
    int months;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "As-of date (default today).")
    String asOf;

    @Option(names = "--repeat", description = "Runs per query; the median counts (default "
            + "${DEFAULT-VALUE}).", defaultValue = "3")
    int repeat;

    @Option(names = "--datasets", split = ",", description = "Only these datasets (default all).")
    List<String> datasets;

    @Option(names = "--grains", split = ",", description = "Only these grains (snapshot, month, "
            + "quarter, year; default all).")
    List<String> grains;

    @Option(names = "--scopes", split = ",", description = "Only these scopes (default all).")
    List<String> scopes;

    @Option(names = "--budget", paramLabel = "SECONDS", description = "Stop the untimed runs, and "
            + "then starting timed queries, after this many seconds each and list the queries not "
            + "timed (default no limit).")
    long budget;

    @Option(names = "--warmup", description = "Untimed runs of every query first, as on a server "
            + "that has been running (default ${DEFAULT-VALUE}; 0: the first query is timed in a "
            + "cold JVM).", defaultValue = "1")
    int warmup;

    /** Issue 5's target per query. */
    private static final long TARGET_MS = 300;

    /** The machine's load average next to the figures (the benchmark machine is shared). */
    static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + l[0] + ", " + l[1] + ", " + l[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /**
     * The process's CPU time in user and system mode (milliseconds) and its minor page faults so
     * far, from Linux's /proc/self/stat (clock ticks of 10 ms, Linux's USER_HZ); null elsewhere.
     * On this shared virtual machine a query's time depends on more than its own work: a new
     * process's first runs of a query by month took 424-469 ms with 16,000-20,000 page faults
     * and 100-150 ms of system time each, later runs 230-300 ms with 3,000-5,000 faults and
     * 30-60 ms (docs/performance.md "A fresh machine").
     */
    static long[] processCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name in parentheses: state is the first (field 3)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10,
                Long.parseLong(f[7])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the process spent between two {@link #processCpu} readings, as a line's end. */
    static String cpuSpent(long[] before, long[] after) {
        if (before == null || after == null) {
            return "process CPU unknown";
        }
        return String.format(Locale.ROOT,
                "process CPU %,d ms user, %,d ms system, %,d minor page faults",
                after[0] - before[0], after[1] - before[1], after[2] - before[2]);
    }

    /**
     * The environment variable DuckDB's bundled allocator (jemalloc, with DuckDB's prefix) reads
     * its options from when the database library loads. With DuckDB's own short decay it hands
     * the pages a query freed back to the system between two queries, and the next query takes
     * a page fault on each again: at 500,000 units 247,000-521,000 faults and 5.0-8.6 s of
     * system CPU over the timed queries, against 51,000-140,000 and 1.1-4.3 s with
     * {@code dirty_decay_ms:10000,muzzy_decay_ms:10000} and a pre-touched heap
     * (docs/performance.md "Page faults"). The Docker image sets it.
     */
    static final String ALLOCATOR_ENV = "DUCKDB_JE_MALLOC_CONF";

    /**
     * The memory settings the figures depend on, as a line: the JVM heap at start and at most
     * (MB), whether its pages are touched at start ({@code -XX:+AlwaysPreTouch}, null: unknown),
     * and the options of DuckDB's allocator ({@link #ALLOCATOR_ENV}, null or blank: unset).
     */
    static String memorySetup(long initialBytes, long maxBytes, Boolean preTouch,
            String allocator) {
        return String.format(Locale.ROOT, "memory: heap %,d MB at start, %,d MB at most, %s;"
                + " DuckDB's allocator %s", initialBytes >> 20, maxBytes >> 20,
                preTouch == null ? "pre-touch unknown"
                        : preTouch ? "pre-touched" : "not pre-touched",
                allocator == null || allocator.isBlank()
                        ? "with its own decay (" + ALLOCATOR_ENV + " unset)"
                        : ALLOCATOR_ENV + "=" + allocator);
    }

    /** {@link #memorySetup} of this process. */
    static String memorySetup() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Boolean preTouch;
        try {
            preTouch = Boolean.valueOf(ManagementFactory
                    .getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("AlwaysPreTouch").getValue());
        } catch (RuntimeException e) {
            // a JVM without HotSpot's options
            preTouch = null;
        }
        return memorySetup(heap.getInit(), heap.getMax(), preTouch, System.getenv(ALLOCATOR_ENV));
    }

    /**
     * A fixed DuckDB computation of the kind the KPI macros are made of (5 million rows grouped
     * into 100,000 groups, on every core), timed as the median of three runs: the same on any
     * database, so its time tells how fast the shared machine is at the moment, which moves
     * the KPI queries' times by up to half within minutes.
     */
    static final String REFERENCE = "select count(*), sum(s) from (select i % 100000 as k,"
            + " sum(i) as s from range(5000000) t(i) group by k)";

    /** The median of three runs of {@link #REFERENCE}, in milliseconds. */
    static long reference(DSLContext dsl) {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            dsl.fetch(REFERENCE);
            runs.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(runs);
        return runs.get(1);
    }

    @Override
    protected int execute() throws Exception {
        KpiService kpis = bean(KpiService.class);
        DSLContext dsl = bean(DSLContext.class);
        LocalDate day = asOf == null ? LocalDate.now(bean(Clock.class)) : LocalDate.parse(asOf);
        YearMonth to = YearMonth.from(day);
        YearMonth from = to.minusMonths(months - 1L);
        for (String table : List.of("units", "statements", "payments", "payment_allocations",
                "complaints", "repairs", "visits", "vacancy_inspections", "unit_status")) {
            out().printf("%-22s %,12d rows%n", table,
                    dsl.fetchValue("select count(*) from " + table, Long.class));
        }
        Path file = bean(GuanjiaProperties.class).dbPath();
        out().printf("database file %s: %,d MB%n", file, Files.size(file) / (1024 * 1024));
        out().println(memorySetup());
        // what the server stores on its schedule: the complaint periods closed as of today
        long fillStart = System.nanoTime();
        ComplaintPeriods.Filled filled = bean(ComplaintPeriodJob.class)
                .fill(LocalDate.now(bean(Clock.class)));
        out().printf("closed complaint periods: %d stored now (%,d rows, %d ms), %d stored in all%n",
                filled.periods(), filled.rows(), (System.nanoTime() - fillStart) / 1_000_000,
                dsl.fetchValue("select count(*) from kpi_complaint_closed_periods", Long.class));
        List<String[]> labels = new ArrayList<>();
        List<KpiQuery> queries = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            if (datasets != null && !datasets.contains(d.code())) {
                continue;
            }
            List<String> dGrains = d == Dataset.AGING
                    ? List.of("snapshot", "month", "quarter", "year")
                    : List.of("month", "quarter", "year");
            for (String grain : dGrains) {
                if (grains != null && !grains.contains(grain)) {
                    continue;
                }
                for (String scope : d.scopes()) {
                    if (scopes != null && !scopes.contains(scope)) {
                        continue;
                    }
                    labels.add(new String[] {d.code(), grain, scope});
                    queries.add(grain.equals("snapshot")
                            ? KpiQuery.parse(d.code(), scope, null, null, null, day.toString(),
                                    null)
                            : KpiQuery.parse(d.code(), scope, grain, from.toString(),
                                    to.toString(), day.toString(), null));
                }
            }
        }
        // the JIT compiles the service's code and DuckDB reads the tables during the first
        // queries: timed in a cold JVM, the first few are slower than on a running server
        long warmStart = System.nanoTime();
        int warmed = 0;
        warming:
        for (int w = 0; w < warmup; w++) {
            for (KpiQuery q : queries) {
                // a budget bounds the warm-up as well
                if (budget > 0 && System.nanoTime() - warmStart > budget * 1_000_000_000L) {
                    break warming;
                }
                kpis.dataset(q);
                warmed++;
            }
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        long referenceBefore = reference(dsl);
        out().printf("as of %s, %s..%s, median of %d runs after %d untimed queries (%.1f s); %s;"
                + " machine reference %d ms%n%n", day, from, to, repeat, warmed, warmSeconds, load(),
                referenceBefore);
        out().println("dataset,grain,scope,rows,median_ms,max_ms");
        List<Long> medians = new ArrayList<>();
        List<String> over = new ArrayList<>();
        String slowest = "";
        long slowestMs = -1;
        long benchStart = System.nanoTime();
        long[] cpuStart = processCpu();
        List<String> notRun = new ArrayList<>();
        for (int k = 0; k < queries.size(); k++) {
            String label = labels.get(k)[0] + " " + labels.get(k)[1] + " by " + labels.get(k)[2];
            if (budget > 0 && System.nanoTime() - benchStart > budget * 1_000_000_000L) {
                notRun.add(label);
                continue;
            }
            List<Long> runs = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                KpiTable t = kpis.dataset(queries.get(k));
                runs.add((System.nanoTime() - start) / 1_000_000);
                rows = t.rows().size();
            }
            Collections.sort(runs);
            long median = runs.get(runs.size() / 2);
            medians.add(median);
            if (median > TARGET_MS) {
                over.add(String.format("%s %d ms (+%d)", label, median, median - TARGET_MS));
            }
            if (median > slowestMs) {
                slowestMs = median;
                slowest = label;
            }
            out().printf("%s,%d,%d,%d%n", String.join(",", labels.get(k)), rows, median,
                    runs.get(runs.size() - 1));
            out().flush();
        }
        if (medians.isEmpty()) {
            out().println("no query run");
            return Cli.OK;
        }
        long[] cpuEnd = processCpu();
        Collections.sort(medians);
        long total = medians.stream().mapToLong(Long::longValue).sum();
        out().printf("%nqueries %d, median %d ms, slowest %d ms (%s), total %d ms%n",
                medians.size(), medians.get(medians.size() / 2), slowestMs, slowest, total);
        out().printf("over %d ms: %d of %d%n", TARGET_MS, over.size(), medians.size());
        out().printf("timed queries: %s%n", cpuSpent(cpuStart, cpuEnd));
        over.forEach(o -> out().println("  " + o));
        if (!notRun.isEmpty()) {
            out().printf("not run (budget of %d s spent): %d%n", budget, notRun.size());
            notRun.forEach(o -> out().println("  " + o));
        }
        out().printf("%s; machine reference %d ms before the timed queries, %d ms after (%s)%n",
                load(), referenceBefore, reference(dsl), REFERENCE);
        return Cli.OK;
    }
}

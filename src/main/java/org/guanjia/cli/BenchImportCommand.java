package org.guanjia.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.guanjia.interchange.ImportReport;
import org.guanjia.interchange.ImportService;
import org.guanjia.interchange.ImportSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bench-import}: the import benchmark of issue 4. Writes a generated company as
 * interchange CSV files (units, N statements, N payments — about a third of the payments pay a
 * named statement, the others are paid ahead) into a temporary folder, imports them into a new
 * temporary database (never GUANJIA_DB), and prints rows per second of each phase and the peak
 * heap. Run it with a small heap (e.g. {@code java -Xmx1g -jar guanjia.jar bench-import}) to
 * show that memory stays bounded.
 */
@Command(name = "bench-import", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark of the import on generated data, in a temporary database.")
class BenchImportCommand extends SpringCommand {

    @Option(names = "--statements", defaultValue = "1000000", description = "Statements (default ${DEFAULT-VALUE}).")
    int statements;

    @Option(names = "--payments", defaultValue = "1000000", description = "Payments (default ${DEFAULT-VALUE}).")
    int payments;

    @Option(names = "--units", defaultValue = "20000", description = "Units (default ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--keep", description = "Keep the generated files and database.")
    boolean keep;

    private Path work;

    @Override
    protected void validate() {
        if (units < 1 || statements < 0 || payments < 0) {
            throw new ParameterException(spec.commandLine(), "--units must be at least 1, counts not negative");
        }
        try {
            work = Files.createTempDirectory("guanjia-bench-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the benchmark never touches the real database: it gets a new one of its own
        System.setProperty("guanjia.db-path", work.resolve("bench.duckdb").toString());
    }

    @Override
    protected int execute() throws IOException {
        Path files = Files.createDirectories(work.resolve("files"));
        long g0 = System.nanoTime();
        long rows = generate(files);
        err().printf(Locale.ROOT, "Generated %,d rows in %.1f s into %s%n", rows, secs(System.nanoTime() - g0), files);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        System.gc();
        sampler.start();

        Map<String, Long> marks = new LinkedHashMap<>();
        Map<String, Long> cpuMarks = new LinkedHashMap<>();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ImportReport report;
        try (ImportSource source = ImportSource.of(files)) {
            report = bean(ImportService.class).run(source, false, (f, key, args) -> {
                marks.putIfAbsent(key, System.nanoTime());
                cpuMarks.putIfAbsent(key, cpuNanos());
            });
        }
        long end = System.nanoTime();
        long cpuEnd = cpuNanos();
        sampler.interrupt();
        if (!report.ok()) {
            err().println("The generated data was refused: " + report.problems());
            return Cli.DATA_ERRORS;
        }
        String[] steps = {"imp.step.checking", "imp.step.writing", "imp.step.allocating", "imp.step.saving",
            "imp.step.done"};
        String[] labels = {"read + check cells", "checks across rows", "write", "allocation", "commit"};
        long r = report.rows();
        out().printf(Locale.ROOT, "rows %,d (%,d statements, %,d payments, %,d units)%n", r, statements, payments, units);
        out().printf(Locale.ROOT, "%-20s %8s %14s %10s%n", "step", "wall", "rows/s", "cpu");
        long wallFrom = start;
        long cpuFrom = cpuStart;
        for (int i = 0; i < steps.length; i++) {
            long wallTo = marks.getOrDefault(steps[i], end);
            long cpuTo = cpuMarks.getOrDefault(steps[i], cpuEnd);
            out().printf(Locale.ROOT, "%-20s %6.1f s %,14.0f %8.1f s%n", labels[i], secs(wallTo - wallFrom),
                    r / secs(wallTo - wallFrom), secs(cpuTo - cpuFrom));
            wallFrom = wallTo;
            cpuFrom = cpuTo;
        }
        out().printf(Locale.ROOT, "%-20s %6.1f s %,14.0f %8.1f s%n", "overall", secs(end - start), r / secs(end - start),
                secs(cpuEnd - cpuStart));
        out().printf(Locale.ROOT, "peak heap            %,6d MB (max heap %,d MB)%n", peak.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!keep) {
            // the database is closed with the command's context, before the JVM exits
            Path folder = work;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    delete(folder);
                } catch (IOException e) {
                    // a temporary folder: the system cleans it up eventually
                }
            }));
        } else {
            err().println("Kept " + work);
        }
        return Cli.OK;
    }

    /** CPU time of the whole process (the JVM and DuckDB's threads), where the platform says it. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double secs(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }

    private long generate(Path dir) throws IOException {
        Random random = new Random(42);
        int clusters = Math.max(1, units / 500);
        int buildings = Math.max(1, units / 100);
        long rows = 0;
        write(dir, "estates.csv", "estate_code,name,city", "E1,Bench Garden,Chengdu");
        try (BufferedWriter w = writer(dir, "clusters.csv")) {
            w.write("cluster_code,estate_code,name\n");
            for (int c = 0; c < clusters; c++) {
                w.write("C" + c + ",E1,Cluster " + c + "\n");
            }
        }
        try (BufferedWriter w = writer(dir, "buildings.csv")) {
            w.write("building_code,cluster_code,name,floors\n");
            for (int b = 0; b < buildings; b++) {
                w.write("B" + b + ",C" + (b % clusters) + ",Building " + b + ",18\n");
            }
        }
        int[] area = new int[units];
        try (BufferedWriter w = writer(dir, "units.csv")) {
            w.write("unit_code,building_code,floor,room,area_sqm,delivered_on\n");
            for (int u = 0; u < units; u++) {
                area[u] = 60 + random.nextInt(90);
                w.write("U" + u + ",B" + (u % buildings) + "," + (1 + u % 18) + "," + u + "," + area[u]
                        + ".00,2015-01-01\n");
            }
        }
        rows += 1 + clusters + buildings + units;
        int months = Math.max(1, (statements + units - 1) / units);
        YearMonth first = YearMonth.of(2025, 1).minusMonths(months);
        try (BufferedWriter w = writer(dir, "statements.csv")) {
            w.write("statement_no,unit_code,period,amount,issued_on\n");
            for (int i = 0; i < statements; i++) {
                int u = i % units;
                YearMonth m = first.plusMonths(i / units);
                w.write("S" + i + ",U" + u + "," + m + "," + amount(area[u]) + "," + m.atDay(1) + "\n");
            }
        }
        try (BufferedWriter w = writer(dir, "payments.csv")) {
            w.write("payment_no,unit_code,paid_on,amount,channel,statement_no\n");
            String[] channels = {"cash", "bank_debit", "transfer", "online"};
            for (int i = 0; i < payments; i++) {
                int u = i % units;
                int month = Math.min(months - 1, i / units);
                YearMonth m = first.plusMonths(month);
                long statement = (long) month * units + u;
                boolean targeted = i % 3 == 0 && statement < statements;
                LocalDate paid = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                w.write("P" + i + ",U" + u + "," + paid + "," + amount(area[u]) + "," + channels[i % 4] + ","
                        + (targeted ? "S" + statement : "") + "\n");
            }
        }
        return rows + statements + payments;
    }

    private static String amount(int area) {
        return area * 3 + "." + (area % 10) + "0";
    }

    private static BufferedWriter writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static void write(Path dir, String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}

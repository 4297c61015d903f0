package org.guanjia.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guanjia.bench.BenchDataService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bench-data}: fills an empty database (GUANJIA_DB) with the company of the speed
 * benchmarks of issues 5 and 6 (default 500,000 units, 3 years ending with this month) by
 * set-based SQL, allocated as an import is. Prints the time of every step, the row counts and
 * the size of the database file. Then run {@code kpi-bench} and {@code dash-bench} on it.
 */
@Command(name = "bench-data", mixinStandardHelpOptions = true,
        description = "Fill an EMPTY database (GUANJIA_DB) with benchmark data: --units units and "
                + "--years years of statements, payments and daily work (accounts bench-admin and "
                + "bench-manager, password 'bench').")
class BenchDataCommand extends SpringCommand {

    @Option(names = "--units", defaultValue = "500000", description = "Units (default ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--years", defaultValue = "3", description = "Years of history ending with the "
            + "current month (default ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--finish", description = "Only allocate and checkpoint a database whose "
            + "bench-data run stopped after writing (e.g. interrupted during the allocation).")
    boolean finish;

    @Override
    protected void validate() {
        if (units < 1 || units > 10_000_000 || years < 1 || years > 20) {
            throw new ParameterException(spec.commandLine(),
                    "--units must be 1..10000000 and --years 1..20");
        }
    }

    @Override
    protected int execute() {
        BenchDataService bench = bean(BenchDataService.class);
        Optional<String> used = bench.firstNonEmptyTable();
        if (used.isPresent() && !finish) {
            err().println("The database is not empty (table " + used.get()
                    + " holds rows); bench-data fills only an empty one.");
            return Cli.DATA_ERRORS;
        }
        out().printf(Locale.ROOT, "%-22s %12s %9s%n", "step", "rows", "seconds");
        java.util.function.BiConsumer<String, long[]> print = (step, rowsMs) -> {
            out().printf(Locale.ROOT, "%-22s %,12d %9.1f%n", step, rowsMs[0], rowsMs[1] / 1000.0);
            out().flush();
        };
        BenchDataService.Report report = finish ? bench.finish(print) : bench.generate(units, years, seed, print);
        out().println();
        for (Map.Entry<String, Long> e : report.counts().entrySet()) {
            out().printf(Locale.ROOT, "%-22s %,12d rows%n", e.getKey(), e.getValue());
        }
        out().printf(Locale.ROOT, "total %.1f s; database file %s: %,d MB; last generated day %s%n",
                report.totalMs() / 1000.0, bench.databaseFile(), report.fileBytes() >> 20, report.lastDay());
        return Cli.OK;
    }
}

package org.guanjia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.Role;
import org.guanjia.bench.internal.BenchDataWriter;
import org.guanjia.billing.AllocationService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The data of the speed benchmarks (issues 5 and 6): a company of N units with Y years of
 * history, written by set-based SQL into an empty database, then allocated by billing's
 * one-pass replay (KPI.md's rule, the same code as an import). Deterministic by seed.
 */
@Service
public class BenchDataService {

    /** The tables a run fills, in the order of the report. */
    public static final List<String> TABLES = List.of("estates", "clusters", "buildings", "units",
            "unit_status", "owners", "staff", "assignments", "fee_schedules", "statements", "payments",
            "payment_allocations", "unit_credits", "collection_actions", "complaints", "repairs", "visits",
            "vacancy_inspections", "patrols", "agenda_items", "app_users");

    /** Password of the benchmark's accounts bench-admin and bench-manager. */
    public static final String PASSWORD = "bench";

    /** What a run wrote: per step {rows, ms}, the row counts, the file size. */
    public record Report(Map<String, Long> counts, long totalMs, long fileBytes, LocalDate lastDay) {
    }

    private final BenchDataWriter writer;
    private final AllocationService allocation;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final GuanjiaProperties properties;
    private final KpiSummaryMaintenance summaries;

    BenchDataService(BenchDataWriter writer, AllocationService allocation, PasswordEncoder encoder,
            CurrentUser currentUser, Clock clock, GuanjiaProperties properties,
            KpiSummaryMaintenance summaries) {
        this.writer = writer;
        this.allocation = allocation;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.clock = clock;
        this.properties = properties;
        this.summaries = summaries;
    }

    /** The first table that already holds rows (the generator fills only an empty database). */
    public Optional<String> firstNonEmptyTable() {
        return writer.firstNonEmptyTable();
    }

    /**
     * Fills the empty database: {@code units} units, {@code years} years of months ending with
     * the clock's month; the last generated day is yesterday. {@code step} gets each step's
     * name, rows and milliseconds as it ends.
     */
    public Report generate(int units, int years, long seed, BiConsumer<String, long[]> step) {
        currentUser.require(Role.ADMIN);
        Optional<String> used = writer.firstNonEmptyTable();
        if (used.isPresent()) {
            throw new IllegalStateException("The database is not empty: table " + used.get() + " holds rows");
        }
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        BenchDataWriter.Plan plan = new BenchDataWriter.Plan(units, years * 12, seed, today, LocalDateTime.now(clock));
        writer.write(plan, step);
        long t = System.nanoTime();
        org.guanjia.billing.Recomputed r = allocation.recomputeMany(writer.unitCodes());
        step.accept("payment_allocations", new long[] {r.allocations(), (System.nanoTime() - t) / 1_000_000});
        t = System.nanoTime();
        summaries.rebuildVacancy();
        step.accept("(vacancy summaries)", new long[] {0, (System.nanoTime() - t) / 1_000_000});
        t = System.nanoTime();
        summaries.rebuildWork();
        step.accept("(butler work counts)", new long[] {0, (System.nanoTime() - t) / 1_000_000});
        t = System.nanoTime();
        writer.addUsers(encoder.encode(PASSWORD));
        writer.checkpoint();
        step.accept("(users, checkpoint)", new long[] {2, (System.nanoTime() - t) / 1_000_000});
        long bytes;
        try {
            bytes = Files.size(properties.dbPath());
        } catch (IOException e) {
            bytes = -1;
        }
        return new Report(writer.counts(TABLES), (System.nanoTime() - start) / 1_000_000, bytes, today.minusDays(1));
    }

    /**
     * Finishes a run that stopped after writing (statements and payments there, no allocation
     * yet): allocates every unit, adds the accounts, checkpoints.
     */
    public Report finish(BiConsumer<String, long[]> step) {
        currentUser.require(Role.ADMIN);
        if (writer.counts(List.of("payment_allocations")).get("payment_allocations") > 0) {
            throw new IllegalStateException("The database is already allocated");
        }
        long start = System.nanoTime();
        org.guanjia.billing.Recomputed r = allocation.recomputeMany(writer.unitCodes());
        step.accept("payment_allocations", new long[] {r.allocations(), (System.nanoTime() - start) / 1_000_000});
        long t = System.nanoTime();
        summaries.rebuildVacancy();
        step.accept("(vacancy summaries)", new long[] {0, (System.nanoTime() - t) / 1_000_000});
        t = System.nanoTime();
        summaries.rebuildWork();
        step.accept("(butler work counts)", new long[] {0, (System.nanoTime() - t) / 1_000_000});
        t = System.nanoTime();
        if (writer.counts(List.of("app_users")).get("app_users") == 0) {
            writer.addUsers(encoder.encode(PASSWORD));
        }
        writer.checkpoint();
        step.accept("(users, checkpoint)", new long[] {2, (System.nanoTime() - t) / 1_000_000});
        long bytes;
        try {
            bytes = Files.size(properties.dbPath());
        } catch (IOException e) {
            bytes = -1;
        }
        return new Report(writer.counts(TABLES), (System.nanoTime() - start) / 1_000_000, bytes,
                LocalDate.now(clock).minusDays(1));
    }

    /** The database file's path. */
    public Path databaseFile() {
        return properties.dbPath();
    }
}

package org.guanjia.billing;

import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.billing.internal.AllocationRepository;
import org.guanjia.billing.internal.AllocationRepository.UnitInput;
import org.guanjia.billing.internal.FreshAllocation;
import org.guanjia.estate.EstateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * Keeps payment_allocations and unit_credits equal to the {@link Allocator} replay of each
 * unit's statements and payments. Callers that change statements or payments call
 * {@link #recompute} for the units they touched, in their own transaction.
 *
 * <p>Beware (DuckDB 2.0): while allocation rows reference a payment or statement, that row can
 * be neither deleted nor have a key or foreign-key column updated (statement_no, unit_code,
 * fee_type, ...), not even to the same value and not even after deleting the allocation rows
 * earlier in the same transaction; DuckDB rewrites such an update as delete + insert and checks
 * the foreign key of payment_allocations. Amounts, dates and voided_on update fine.
 */
@Service
@TrustedInput("unit codes come from stored statements and payments")
@Transactional(readOnly = true)
public class AllocationService {

    private static final Logger log = LoggerFactory.getLogger(AllocationService.class);

    /** Units per round: their inputs and stored rows are read and written together. */
    static final int UNITS_PER_CHUNK = 500;

    private static final Comparator<LedgerLine> OLDEST_FIRST = Comparator
            .comparing(LedgerLine::period)
            .thenComparing(LedgerLine::statementNo, Allocator.CODE_POINT_ORDER);

    private final AllocationRepository repo;
    private final FreshAllocation fresh;
    private final EstateService estates;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final KpiSummaryMaintenance summaries;

    public AllocationService(AllocationRepository repo, FreshAllocation fresh, EstateService estates,
            CurrentUser currentUser, Clock clock, KpiSummaryMaintenance summaries) {
        this.summaries = summaries;
        this.repo = repo;
        this.fresh = fresh;
        this.estates = estates;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Replaces the allocation rows and the credit of the given units by a fresh replay, all in
     * one transaction. A unit without statements or payments is left without rows.
     */
    @Transactional
    public Recomputed recompute(Collection<String> unitCodes) {
        currentUser.require(Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK);
        Recomputed r = replay(new ArrayList<>(new LinkedHashSet<>(unitCodes)));
        // the KPI summaries of the units' buildings follow in the same transaction
        summaries.refreshUnits(unitCodes);
        return r;
    }

    private Recomputed replay(List<String> units) {
        int allocations = 0;
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        for (int from = 0; from < units.size(); from += UNITS_PER_CHUNK) {
            Recomputed r = recomputeChunk(units.subList(from,
                    Math.min(units.size(), from + UNITS_PER_CHUNK)));
            allocations += r.allocations();
            credit = credit.add(r.credit());
        }
        return new Recomputed(units.size(), allocations, credit);
    }

    /**
     * {@link #recompute} for many units at once (an import): units that have no stored
     * allocation yet are replayed in one streaming pass ({@link FreshAllocation}), the others by
     * {@link #recompute}. Same rows as {@link #recompute}, in the caller's transaction.
     */
    @Transactional
    public Recomputed recomputeMany(Collection<String> unitCodes) {
        currentUser.require(Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK);
        List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes));
        Set<String> stored = fresh.withStoredResults(units);
        List<String> others = units.stream().filter(u -> !stored.contains(u)).toList();
        Recomputed r = replay(units.stream().filter(stored::contains).toList());
        long start = System.nanoTime();
        long[] written = others.isEmpty() ? new long[2] : fresh.allocate(others);
        log.debug("Allocation of {} new units in one pass: {} rows ({} ms)", others.size(), written[0],
                ms(System.nanoTime() - start));
        // many units (an import, the demo): one rebuild of the KPI summaries
        summaries.refreshUnits(units);
        return new Recomputed(units.size(), r.allocations() + (int) written[0],
                r.credit().add(BigDecimal.valueOf(written[1], 2)));
    }

    /** {@link #recomputeMany} for every unit with a statement or a payment, in one transaction. */
    @Transactional
    public Recomputed recomputeAll() {
        currentUser.require(Role.ADMIN, Role.FINANCE);
        long start = System.nanoTime();
        // units never allocated (a new demo database) go through the one-pass replay
        Recomputed r = recomputeMany(repo.unitsWithActivity());
        log.info("Recomputed the allocation of {} units: {} rows, credit {} ({} ms)", r.units(),
                r.allocations(), r.credit(), ms(System.nanoTime() - start));
        return r;
    }

    private Recomputed recomputeChunk(List<String> units) {
        long t0 = System.nanoTime();
        Map<String, UnitInput> inputs = repo.inputs(units);
        long t1 = System.nanoTime();
        Map<String, Allocator.Result> results = new HashMap<>(inputs.size() * 2);
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, UnitInput> e : inputs.entrySet()) {
            Allocator.Result result;
            try {
                result = Allocator.allocate(e.getValue().statements(), e.getValue().payments());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("Unit " + e.getKey() + ": " + ex.getMessage(), ex);
            }
            results.put(e.getKey(), result);
            credit = credit.add(result.credit());
        }
        long t2 = System.nanoTime();
        int rows = repo.replaceResults(units, results);
        long t3 = System.nanoTime();
        log.debug("Allocation of {} units: read {} ms, replay {} ms, write {} ms", units.size(),
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2));
        return new Recomputed(units.size(), rows, credit);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The unit's ledger as of today; empty when the unit is unknown or outside the user's scope. */
    public Optional<Ledger> ledger(String unitCode) {
        return ledger(unitCode, LocalDate.now(clock));
    }

    /**
     * The unit's ledger as of {@code asOf}, from the stored allocation: statements issued by
     * then, what each has collected by then, and the credit at the end of that day.
     */
    public Optional<Ledger> ledger(String unitCode, LocalDate asOf) {
        if (estates.unit(unitCode).isEmpty()) {
            return Optional.empty();
        }
        List<LedgerLine> lines = new ArrayList<>(repo.ledgerLines(unitCode, asOf));
        // sorted here: the database would order codes by its collation, not by code point
        lines.sort(OLDEST_FIRST);
        return Optional.of(new Ledger(unitCode, asOf, lines, repo.credit(unitCode, asOf)));
    }
}

package org.guanjia.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the fee summary tables ({@link KpiSummaries}) equal to the statements and allocations,
 * in the writer's transaction: billing.AllocationService calls {@link #refreshUnits} after every
 * recompute (payments, corrections, statement runs, bank debits, imports, the demo), and
 * collection.CollectionService and the import call {@link #refreshPromises} after writing
 * collection actions; the writers of units, status rows and vacancy inspections (the estate and
 * vacancy services, the import) call {@link #refreshVacancy}, and the demo and the benchmark
 * data, which write them past the services, {@link #rebuildVacancy}.
 *
 * <p>A writer that changes only a few units (a payment, a reversal, a correction statement) calls
 * {@link #beforeChange} first: the units' contributions to the building tables are taken then,
 * and the refresh after the write adds the difference ({@link KpiSummaries#applyDelta}) instead
 * of regrouping the units' buildings. The snapshot lives as long as the transaction; a refresh
 * of units without one, or of many units, regroups their buildings as before and drops the
 * snapshot (it may no longer match what is stored).
 */
@Component
public class KpiSummaryMaintenance {

    private static final Logger log = LoggerFactory.getLogger(KpiSummaryMaintenance.class);

    /** At most this many units are refreshed by difference; more regroup their buildings. */
    static final int MAX_DELTA_UNITS = 8;

    /** The transaction resource key of the snapshot (unit code to its contribution). */
    private static final Object SNAPSHOT = new Object();

    private final DataSource dataSource;

    /** Refreshes done by difference since start (the tests check that writes take that way). */
    private final AtomicLong byDifference = new AtomicLong();

    KpiSummaryMaintenance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the units' contributions to the summaries before the caller changes their
     * statements, payments or allocations in this transaction (units already taken keep their
     * first snapshot). Does nothing for more than {@link #MAX_DELTA_UNITS} units.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void beforeChange(Collection<String> unitCodes) {
        Set<String> units = new LinkedHashSet<>(unitCodes);
        if (units.size() > MAX_DELTA_UNITS || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, KpiSummaries.Contribution> snapshot = snapshot(true);
        units.removeAll(snapshot.keySet());
        if (units.isEmpty()) {
            return;
        }
        onConnection("Reading the KPI summaries failed", c -> {
            for (String unit : units) {
                snapshot.put(unit, KpiSummaries.contribution(c, List.of(unit)));
            }
        });
    }

    /** Refreshes done by difference since start. */
    public long refreshesByDifference() {
        return byDifference.get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, KpiSummaries.Contribution> snapshot(boolean create) {
        Object bound = TransactionSynchronizationManager.getResource(SNAPSHOT);
        if (bound != null || !create) {
            return (Map<String, KpiSummaries.Contribution>) bound;
        }
        Map<String, KpiSummaries.Contribution> snapshot = new HashMap<>();
        TransactionSynchronizationManager.bindResource(SNAPSHOT, snapshot);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SNAPSHOT);
            }
        });
        return snapshot;
    }

    /**
     * Brings the summaries up to date after the units changed: by difference when every unit has
     * a {@link #beforeChange} snapshot, otherwise by replacing the rows of the units' buildings
     * (everything when they are many). The units' promise checks follow either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshUnits(Collection<String> unitCodes) {
        long start = System.nanoTime();
        onConnection("Refreshing the KPI summaries failed", c -> {
            Set<String> units = new LinkedHashSet<>(unitCodes);
            Map<String, KpiSummaries.Contribution> snapshot = snapshot(false);
            if (snapshot != null && !units.isEmpty() && snapshot.keySet().containsAll(units)) {
                KpiSummaries.Contribution before = new KpiSummaries.Contribution();
                KpiSummaries.Contribution after = new KpiSummaries.Contribution();
                List<String> list = new ArrayList<>(units);
                for (String unit : list) {
                    KpiSummaries.Contribution now = KpiSummaries.contribution(c, List.of(unit));
                    before = before.plus(snapshot.get(unit));
                    after = after.plus(now);
                    // what is stored from now on: the base of a later change in this transaction
                    snapshot.put(unit, now);
                }
                int rows = KpiSummaries.applyDelta(c, before, after);
                KpiSummaries.refreshPromises(c, list);
                byDifference.incrementAndGet();
                log.debug("KPI summaries of {} units refreshed by difference ({} rows, {} ms)", units.size(),
                        rows, (System.nanoTime() - start) / 1_000_000);
                return;
            }
            if (snapshot != null) {
                // the regrouped buildings may hold snapshot units changed since: start over
                snapshot.clear();
            }
            int buildings = KpiSummaries.refreshUnits(c, unitCodes);
            log.debug("KPI summaries of {} units refreshed ({} buildings, {} ms)", unitCodes.size(),
                    buildings < 0 ? "all" : buildings, (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** Replaces the promise checks of the units (after collection actions were written). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshPromises(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return;
        }
        onConnection("Refreshing the promise checks failed", c -> {
            KpiSummaries.refreshPromises(c, unitCodes);
        });
    }

    /**
     * Replaces the vacancy summaries of the units' buildings (after their delivery day, status
     * rows or vacancy inspections were written), and of the extra buildings given (a unit moved
     * out of them).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshVacancy(Collection<String> unitCodes, Collection<String> moreBuildings) {
        if (unitCodes.isEmpty() && moreBuildings.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        onConnection("Refreshing the vacancy summaries failed", c -> {
            // the units' inspections: vacant on the day (V028)
            KpiSummaries.refreshInspectionFlags(c, unitCodes);
            Set<String> buildings = new LinkedHashSet<>(KpiSummaries.buildingsOf(c, unitCodes));
            buildings.addAll(moreBuildings);
            int n = KpiSummaries.refreshVacancyBuildings(c, buildings);
            log.debug("Vacancy summaries of {} buildings refreshed ({} ms)", n < 0 ? "all" : n,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    /**
     * Records that a record of the kind now counts for the staff member on the day ({@code
     * delta} +1) or no longer does (-1) in the butlers' work per month ({@link KpiWorkMonths},
     * V033), in the writer's transaction: a new record +1; a change that moves it to another
     * staff member or month -1 for the former and +1 for the new. Nothing for a null staff code
     * or day.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addWork(KpiWorkMonths.Kind kind, String staffCode, LocalDate day, int delta) {
        if (staffCode == null || day == null || delta == 0) {
            return;
        }
        onConnection("Recording the butler work counts failed", c -> {
            KpiWorkMonths.add(c, kind, staffCode, day, delta);
        });
    }

    /**
     * {@link #addWork} for a record that moved from one staff member and day to another (either
     * may be null: not counted there): nothing when both are the same.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveWork(KpiWorkMonths.Kind kind, String staffBefore, LocalDate dayBefore, String staffAfter,
            LocalDate dayAfter) {
        boolean counted = staffBefore != null && dayBefore != null;
        boolean counts = staffAfter != null && dayAfter != null;
        if (counted && counts && staffBefore.equals(staffAfter)
                && dayBefore.withDayOfMonth(1).equals(dayAfter.withDayOfMonth(1))) {
            return;
        }
        addWork(kind, staffBefore, dayBefore, -1);
        addWork(kind, staffAfter, dayAfter, 1);
    }

    /**
     * Counts the agenda items that fell due in the months from {@code from}'s to {@code to}'s
     * again ({@link KpiWorkMonths#AGENDA}, V033), after the agenda's recording wrote items due
     * in them; in the writer's transaction, or in one of its own after a write that had none (a
     * count of whole months, right whenever it runs).
     */
    @Transactional
    public void refreshAgenda(LocalDate from, LocalDate to) {
        onConnection("Refreshing the agenda counts failed", c -> {
            KpiWorkMonths.refreshAgenda(c, from, to);
        });
    }

    /**
     * Folds the butlers' work rows of differences into one per staff member and month (the
     * agenda's hourly job, one at a time).
     */
    @Transactional
    public void compactWork() {
        long start = System.nanoTime();
        onConnection("Folding the butler work counts failed", c -> {
            KpiWorkMonths.compact(c);
            log.debug("Butler work counts folded ({} ms)", (System.nanoTime() - start) / 1_000_000);
        });
    }

    /**
     * Counts every staff member's records and agenda items per month again (after records were
     * written past the services: the demo, the benchmark data, an import).
     */
    @Transactional
    public void rebuildWork() {
        long start = System.nanoTime();
        onConnection("Rebuilding the butler work counts failed", c -> {
            KpiWorkMonths.rebuild(c);
            log.debug("Butler work counts rebuilt ({} ms)", (System.nanoTime() - start) / 1_000_000);
        });
    }

    /**
     * Sets the building of the units' complaints and visits to the unit's (after such records
     * were imported: V026).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshRecordBuildings(Collection<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return;
        }
        onConnection("Setting the buildings of complaints and visits failed", c -> {
            KpiSummaries.refreshRecordBuildings(c, unitCodes);
        });
    }

    /**
     * Computes the vacancy summaries of every building again (after units, status rows or
     * inspections were written past the services: the demo, the benchmark data).
     */
    @Transactional
    public void rebuildVacancy() {
        long start = System.nanoTime();
        onConnection("Rebuilding the vacancy summaries failed", c -> {
            KpiSummaries.rebuildVacancy(c);
            log.info("Vacancy summaries rebuilt ({} ms)", (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** Rebuilds every summary row from scratch (after a bulk load that bypassed the services). */
    @Transactional
    public void rebuild() {
        long start = System.nanoTime();
        onConnection("Rebuilding the KPI summaries failed", c -> {
            Map<String, KpiSummaries.Contribution> snapshot = snapshot(false);
            if (snapshot != null) {
                snapshot.clear();
            }
            KpiSummaries.rebuild(c);
            log.info("KPI summaries rebuilt ({} ms)", (System.nanoTime() - start) / 1_000_000);
        });
    }

    /**
     * Stores the closed complaint periods as of today ({@link ComplaintPeriods#fill}) in a
     * transaction of its own; {@link ComplaintPeriodJob} runs one at a time.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ComplaintPeriods.Filled fillComplaintPeriods(LocalDate today) {
        List<ComplaintPeriods.Filled> filled = new ArrayList<>();
        onConnection("Storing the closed complaint periods failed",
                c -> filled.add(ComplaintPeriods.fill(c, today)));
        return filled.get(0);
    }

    /** Work on the transaction's connection that may fail with an SQLException. */
    @FunctionalInterface
    private interface ConnectionWork {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs the work on the caller's transactional connection; an SQLException becomes an
     * IllegalStateException starting with {@code failure}.
     */
    private void onConnection(String failure, ConnectionWork work) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}

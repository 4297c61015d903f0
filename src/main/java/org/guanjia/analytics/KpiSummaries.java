package org.guanjia.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fee summary tables (V020) that {@code kpi_collection} and {@code kpi_aging} read instead of
 * every statement and allocation: each is the result of a macro of {@code sql/fee_summary.sql}
 * over statements and payment_allocations. Plain JDBC on the caller's connection (and so in the
 * caller's transaction), usable without Spring (the SQL tests call {@link #rebuild}).
 *
 * <p>Maintenance: after the allocation of some units changed, {@link #refreshUnits} replaces the
 * rows of their buildings (delete + insert from the macros with the buildings as a filter).
 * Rebuilding a building instead of adding a delta keeps the rows exactly equal to a full rebuild
 * whatever changed before (a statement inserted, a payment voided): the allocation recompute is
 * called after every such change, and statements never change building.
 *
 * <p>A cheaper way for a few units whose {@link #contribution} was taken before they changed
 * (a payment, a reversal, a correction statement): {@link #applyDelta} adds what the units
 * contribute now minus what they contributed then, key by key, and drops a row whose total
 * reaches zero. That is exactly a rebuild as well, because every row is a sum over units of
 * amounts (statements and allocations are all &gt; 0) or a count of spells: a key has a row
 * exactly when its total is not zero.
 *
 * <p>kpi_fee_collected and kpi_fee_recovered (V030) group the month rows coarser: a refresh or
 * rebuild fills them from the month rows just written, a delta adds what each month row of a
 * unit adds to them ({@link #paidBy}, {@link #recoveryClass}). kpi_fee_periods (V034) holds
 * kpi_fee_billed and kpi_fee_collected side by side per building, issued_on and period month:
 * filled from the two, and a delta regroups their differences ({@link #addPeriod}); so does
 * kpi_fee_open (V035) with kpi_fee_billed and kpi_fee_paid_month (billed less paid). The promise
 * counts (V031, kpi_promise_months) follow the promise checks: {@link #refreshPromises} rewrites
 * the counts of the keys whose checks it deleted or inserted.
 *
 * <p>The month-end aging rows (V023) are computed from the building tables, so each of the
 * paths above regroups them for the buildings it touched ({@link #refreshAging}) once those are
 * written.
 *
 * <p>The vacancy summaries (V024) depend on units, status rows and vacancy inspections only:
 * their writers call {@link #refreshVacancyBuildings}; a full {@link #rebuild} (which a refresh
 * of more than half of the buildings is) computes them as well.
 *
 * <p>Complaints, visits (V026) and vacancy inspections (V036) carry their unit's building,
 * written with the record; {@link #refreshRecordBuildings} sets it for imported records, and
 * every full {@link #rebuildVacancy} (and so {@link #rebuild}) for all records written past the
 * repositories. A unit with records cannot move to another building. Vacancy inspections
 * carry whether their unit was vacant that day (V028): {@link #refreshInspectionFlags} with
 * every vacancy refresh and full rebuild.
 */
public final class KpiSummaries {

    /**
     * Bump when the summary SQL changes meaning: start-up then rebuilds every summary. 2: the
     * promise checks (V022). 3: the vacancy summaries (V024). 4: kpi_fee_paid_day stored by day.
     * 5: the opening arrears at month ends (V025). 6: kpi_fee_collected and kpi_fee_recovered
     * (V030). 7: kpi_promise_months (V031). 8: kpi_fee_periods (V034). 9: kpi_fee_open (V035).
     * 10: kpi_promise_checks and kpi_fee_paid_month stored with the recent rows last
     * ({@link #recentLast}).
     */
    public static final int VERSION = 10;

    /**
     * How many months before the current one start the rows {@link #recentLast} stores last.
     */
    static final int RECENT_MONTHS = 3;

    /**
     * The first key of a full rebuild's order for a table that the KPI macros read from a recent
     * day on and the maintenance by building or unit: false for the rows whose {@code column} is
     * before the first day of the month {@link #RECENT_MONTHS} months before the current one,
     * then true. Each part keeps the maintenance order that follows, so a refresh still finds a
     * building's or unit's rows in a row group or two of each, and DuckDB's zone maps skip every
     * row group of the older part for a filter from a recent day on: collection as of this month
     * reads the promises settled since its first day (kpi_promise_checks.settle_on) and the
     * allocations of the months after it (kpi_fee_paid_month.a_month). At 500,000 units, by
     * month and building: rows scanned 5.7 -> 1.8 million, the promise checks' scan 17.6 -> 1.7
     * ms of CPU, the two of the month rows 5.1 and 3.0 -> 0.6 and 0.5 ms. Rows written after the
     * rebuild are appended: recent ones.
     */
    static String recentLast(String column) {
        return column + " >= cast(date_trunc('month', current_date) - interval " + RECENT_MONTHS
                + " month as date)";
    }

    /**
     * The per-unit summary (V022) and its macro: the check of a promise depends only on its
     * unit's actions, statements and allocations, so it is refreshed per unit, not per building.
     */
    private static final String[] PROMISES = {"kpi_promise_checks", "kpi_promise_check_rows"};

    /**
     * The promise checks counted per building and months (V031), kept with the checks: by
     * difference when a unit's checks are refreshed, from the stored checks in a rebuild.
     */
    private static final String[] PROMISE_MONTHS =
            {"kpi_promise_months", "kpi_promise_months_of_checks"};

    /** kpi_promise_months as a table {@link #rewrite} keeps: keys, then the two counts. */
    private static final String[] PROMISE_MONTHS_DELTA = {PROMISE_MONTHS[0],
        "building_code, p_month, a_month, settle_month", "promises, kept"};

    /** The value columns of the summary tables that hold counts (integers), not amounts. */
    private static final Set<String> INTEGER_VALUES = Set.of("units", "promises", "kept");

    /** What a refresh reads back of each promise check it deletes or inserts. */
    private static final String PROMISE_KEY = "building_code, action_on, promised_on, kept_by, settle_on";

    /**
     * The aging at month ends (V023) and its macro: per building, from the building tables, so
     * refreshed after them for the buildings whose rows changed.
     */
    private static final String[] AGING = {"kpi_aging_month_ends", "kpi_aging_month_end_rows"};

    /**
     * The vacancy summaries (V024) and their macros (sql/vacancy.sql): per building, from its
     * units, status rows and vacancy inspections, so refreshed for the buildings of the units
     * whose rows of those tables changed ({@link #refreshVacancyBuildings}), up to the same
     * {@code aging_until} as the aging month ends.
     */
    private static final List<String[]> VACANCY = List.of(
            new String[] {"kpi_vacancy_month_ends", "kpi_vacancy_month_end_rows", "building_code, snap_on"},
            new String[] {"kpi_move_in_days", "kpi_move_in_day_rows", "building_code, day"});

    /**
     * The records that carry their unit's building (V026, V036) for the KPI views: kept by
     * {@link #refreshRecordBuildings}.
     */
    private static final List<String> RECORD_TABLES = List.of("complaints", "visits",
            "vacancy_inspections");

    /** A full rebuild stores the month ends up to this many months after the current one. */
    static final int AGING_MONTHS_AHEAD = 24;

    /** The start-up extends them when fewer than this many months ahead are stored. */
    static final int AGING_MONTHS_LEFT = 12;

    /**
     * Above this many buildings, or above half of all buildings, a refresh rebuilds everything:
     * filtering by a long list costs about as much as one pass over all rows (an import of
     * 20,000 units in all 200 buildings: 2.4 s through the list, 1.8–2.5 s rebuilt inside the
     * import's transaction), while a few buildings of a large estate are much cheaper filtered.
     */
    static final int MAX_BUILDINGS_PER_REFRESH = 200;

    /** Above this many units, the promise checks are rebuilt in one pass. */
    static final int MAX_UNITS_PER_PROMISE_REFRESH = 5000;

    /**
     * Summary table, the macro of sql/fee_summary.sql that fills it and the order a rebuild
     * stores its rows in, in this order: the month rows are summed from the day rows just written
     * (same rows as kpi_fee_paid_month_rows, which the tests compare them with, without a second
     * scan of the allocations).
     */
    private static final List<String[]> TABLES = List.of(
            new String[] {"kpi_fee_billed", "kpi_fee_billed_rows", "all"},
            // by day first: the KPI macros read the days of one month (the as-of date's), which
            // DuckDB's zone maps then find in a few row groups; the rows a payment adds later
            // are recent days, appended in the same order
            new String[] {"kpi_fee_paid_day", "kpi_fee_paid_day_rows", "allocated_on, building_code"},
            // by building, the months from RECENT_MONTHS ago last (recentLast)
            new String[] {"kpi_fee_paid_month", "kpi_fee_paid_month_of_days", recentLast("a_month")
                    + ", building_code, issued_on, period_month, due_on, a_month"},
            // grouped from the month rows just written (V030)
            new String[] {"kpi_fee_collected", "kpi_fee_collected_of_months", "all"},
            new String[] {"kpi_fee_recovered", "kpi_fee_recovered_of_months", "all"},
            // billed and collected side by side (V034), from the two tables just written
            new String[] {"kpi_fee_periods", "kpi_fee_periods_of_tables", "all"},
            // what is still owed (V035), from the billed and month rows just written
            new String[] {"kpi_fee_open", "kpi_fee_open_of_tables", "all"},
            new String[] {"kpi_arrears_spells", "kpi_arrears_spell_rows", "all"});

    /** The tables a {@link Contribution} covers, their key columns and their value column. */
    private static final String[][] DELTA_TABLES = {
        {"kpi_fee_billed", "building_code, issued_on, period_month, due_on", "amount"},
        {"kpi_fee_paid_day", "building_code, issued_on, period_month, due_on, allocated_on", "amount"},
        {"kpi_fee_paid_month", "building_code, issued_on, period_month, due_on, a_month", "amount"},
        {"kpi_arrears_spells", "building_code, from_day, to_day", "units"},
        {"kpi_fee_collected", "building_code, issued_on, period_month, paid_by", "amount"},
        {"kpi_fee_recovered", "building_code, a_month, k_class", "amount"},
    };

    /** The positions of kpi_fee_billed, kpi_fee_paid_month and kpi_fee_collected in {@link #DELTA_TABLES}. */
    private static final int BILLED = 0;
    private static final int PAID_MONTH = 2;
    private static final int COLLECTED = 4;

    /** kpi_fee_open (V035): billed less paid per building, issued_on and due_on. */
    private static final String[] OPEN_DELTA = {"kpi_fee_open", "building_code, issued_on, due_on",
        "amount"};

    /** kpi_fee_periods (V034): its key and value columns, its rows regrouped from two others. */
    private static final String[] PERIODS_DELTA = {"kpi_fee_periods",
        "building_code, issued_on, period_month",
        "billed, paid, paid_in_month, paid_in_quarter, paid_in_year"};

    /** Rows per statement when a delta is written (each row is a handful of bind values). */
    private static final int DELTA_ROWS_PER_STATEMENT = 200;

    private KpiSummaries() {
    }

    /**
     * What some units contribute to the six building tables: per table, key (building code and
     * dates, in the table's column order) to amount or count. The month rows are the day rows
     * summed by month, as in the rebuild.
     */
    public static final class Contribution {
        private final List<Map<List<Object>, BigDecimal>> tables = List.of(new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());

        /** The contributions of both (the units of each are distinct). */
        public Contribution plus(Contribution other) {
            Contribution sum = new Contribution();
            for (int t = 0; t < tables.size(); t++) {
                Map<List<Object>, BigDecimal> to = sum.tables.get(t);
                to.putAll(tables.get(t));
                other.tables.get(t).forEach((k, v) -> to.merge(k, v, BigDecimal::add));
            }
            return sum;
        }

        private void add(int table, List<Object> key, BigDecimal value) {
            tables.get(table).merge(key, value, BigDecimal::add);
        }

        /**
         * The rows of table {@code t}: 0 billed, 1 paid by day, 2 paid by month, 3 arrears
         * spells, 4 collected (V030), 5 recovered (V030); the key columns of DELTA_TABLES.
         */
        Map<List<Object>, BigDecimal> rows(int t) {
            return Collections.unmodifiableMap(tables.get(t));
        }
    }

    /**
     * A unit's statements (kind 0), its allocations (kind 1) and its building (kind 2) in one
     * statement of three lookups by unit code. {@link #contribution} groups them as the
     * macros of sql/fee_summary.sql do ({@code kpi_fee_billed_rows}, {@code
     * kpi_fee_paid_day_rows}, {@code kpi_arrears_unit_spell_rows} with their {@code unit}
     * parameter, which KpiSummariesContributionTest compares it with on hand-made and random
     * units): the macros took 15-25 ms a unit on the demo, mostly DuckDB's fixed cost per
     * grouping and window operator, these lookups 2-5 ms.
     */
    private static final String UNIT_ROWS = "select 0, statement_no, issued_on, period, due_on, amount"
            + " from statements where unit_code = ?"
            + " union all select 1, statement_no, allocated_on, null, null, amount"
            + " from payment_allocations where unit_code = ?"
            + " union all select 2, building_code, null, null, null, null from units where unit_code = ?";

    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    /** One statement of a unit and what its allocations add up to. */
    private static final class UnitStatement {
        final String no;
        final LocalDate issuedOn;
        final LocalDate periodMonth;
        final LocalDate dueOn;
        final BigDecimal amount;
        BigDecimal paid = BigDecimal.ZERO;
        LocalDate lastOn;

        UnitStatement(String no, LocalDate issuedOn, String period, LocalDate dueOn, BigDecimal amount) {
            this.no = no;
            this.issuedOn = issuedOn;
            this.periodMonth = LocalDate.parse(period + "-01");
            this.dueOn = dueOn;
            this.amount = amount;
        }
    }

    /** An allocation of a unit: its statement, day and amount. */
    private record UnitAllocation(String statementNo, LocalDate on, BigDecimal amount) {
    }

    /** The units' contribution as stored now (index lookups: one query per unit). */
    public static Contribution contribution(Connection c, Collection<String> unitCodes) throws SQLException {
        Contribution r = new Contribution();
        try (PreparedStatement ps = c.prepareStatement(UNIT_ROWS)) {
            for (String unit : new LinkedHashSet<>(unitCodes)) {
                for (int i = 1; i <= 3; i++) {
                    ps.setString(i, unit);
                }
                Map<String, UnitStatement> statements = new LinkedHashMap<>();
                List<UnitAllocation> allocations = new ArrayList<>();
                String building = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        switch (rs.getInt(1)) {
                            case 0 -> statements.put(rs.getString(2), new UnitStatement(rs.getString(2),
                                    rs.getObject(3, LocalDate.class), rs.getString(4),
                                    rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)));
                            case 1 -> allocations.add(new UnitAllocation(rs.getString(2),
                                    rs.getObject(3, LocalDate.class), rs.getBigDecimal(6)));
                            default -> building = rs.getString(2);
                        }
                    }
                }
                if (building != null) {
                    add(r, building, statements, allocations);
                }
            }
        }
        return r;
    }

    /** One unit's rows of the six tables, grouped as the macros group them. */
    private static void add(Contribution r, String building, Map<String, UnitStatement> statements,
            List<UnitAllocation> allocations) {
        for (UnitStatement s : statements.values()) {
            r.add(0, List.of(building, s.issuedOn, s.periodMonth, s.dueOn), s.amount);
        }
        for (UnitAllocation a : allocations) {
            UnitStatement s = statements.get(a.statementNo());
            if (s == null) {
                // kpi_fee_paid_day_rows joins the statement: an allocation without one adds nothing
                continue;
            }
            r.add(1, List.of(building, s.issuedOn, s.periodMonth, s.dueOn, a.on()), a.amount());
            LocalDate month = a.on().withDayOfMonth(1);
            r.add(2, List.of(building, s.issuedOn, s.periodMonth, s.dueOn, month), a.amount());
            // kpi_fee_collected_rows and kpi_fee_recovered_rows: the month row grouped coarser
            r.add(4, List.of(building, s.issuedOn, s.periodMonth, paidBy(s.periodMonth, month)),
                    a.amount());
            LocalDate kClass = recoveryClass(month, s.dueOn, s.issuedOn);
            if (kClass != null) {
                r.add(5, List.of(building, month, kClass), a.amount());
            }
            s.paid = s.paid.add(a.amount());
            s.lastOn = s.lastOn == null || a.on().isAfter(s.lastOn) ? a.on() : s.lastOn;
        }
        // kpi_arrears_unit_spell_rows: each statement overdue from greatest(issued_on, due_on + 1)
        // to the day of the allocation that completes it (open: 9999-12-31), the intervals
        // merged into spells in (from_day, to_day, statement_no) order; an interval starting
        // after every earlier one has ended starts a new spell, one starting on that end day joins
        List<LocalDate[]> intervals = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (UnitStatement s : statements.values()) {
            LocalDate from = s.dueOn.plusDays(1).isAfter(s.issuedOn) ? s.dueOn.plusDays(1) : s.issuedOn;
            LocalDate to = s.paid.compareTo(s.amount) >= 0 ? s.lastOn : OPEN_END;
            if (to != null && to.isAfter(from)) {
                intervals.add(new LocalDate[] {from, to});
                order.add(s.no);
            }
        }
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            sorted.add(i);
        }
        sorted.sort((x, y) -> {
            int cmp = intervals.get(x)[0].compareTo(intervals.get(y)[0]);
            cmp = cmp != 0 ? cmp : intervals.get(x)[1].compareTo(intervals.get(y)[1]);
            return cmp != 0 ? cmp : order.get(x).compareTo(order.get(y));
        });
        LocalDate spellFrom = null;
        LocalDate reach = null;
        for (int i : sorted) {
            LocalDate[] iv = intervals.get(i);
            if (reach == null || iv[0].isAfter(reach)) {
                if (reach != null) {
                    r.add(3, List.of(building, spellFrom, reach), BigDecimal.ONE);
                }
                spellFrom = iv[0];
                reach = iv[1];
            } else if (iv[1].isAfter(reach)) {
                reach = iv[1];
            }
        }
        if (reach != null) {
            r.add(3, List.of(building, spellFrom, reach), BigDecimal.ONE);
        }
    }

    /**
     * sql/fee_summary.sql kpi_fee_paid_by: of the last month starts of the period month's month,
     * quarter and year, the first the allocation month is not after; 9999-12-01 after all three.
     */
    static LocalDate paidBy(LocalDate periodMonth, LocalDate aMonth) {
        for (LocalDate last : lastMonths(periodMonth)) {
            if (!aMonth.isAfter(last)) {
                return last;
            }
        }
        return LocalDate.of(9999, 12, 1);
    }

    /**
     * The last month starts of a period month's month, quarter and year (the month itself, the
     * last month of its quarter, December), as kpi_fee_paid_by compares with them.
     */
    private static List<LocalDate> lastMonths(LocalDate periodMonth) {
        return List.of(periodMonth, periodMonth.withMonth((periodMonth.getMonthValue() - 1) / 3 * 3 + 3),
                periodMonth.withMonth(12));
    }

    /**
     * sql/fee_summary.sql kpi_fee_recovery_class: with k the month from which the statement
     * counts in opening arrears, the first of the allocation month's year start, quarter start
     * and the month itself that k is not after; null when k is after the month.
     */
    static LocalDate recoveryClass(LocalDate aMonth, LocalDate dueOn, LocalDate issuedOn) {
        LocalDate after = (dueOn.isAfter(issuedOn) ? dueOn : issuedOn).plusDays(1);
        LocalDate k = after.getDayOfMonth() == 1 ? after : after.withDayOfMonth(1).plusMonths(1);
        LocalDate yearStart = aMonth.withMonth(1);
        LocalDate quarterStart = aMonth.withMonth((aMonth.getMonthValue() - 1) / 3 * 3 + 1);
        for (LocalDate start : List.of(yearStart, quarterStart, aMonth)) {
            if (!k.isAfter(start)) {
                return start;
            }
        }
        return null;
    }

    /**
     * Adds {@code after - before} to the building tables: for each key whose total changed, its
     * row is deleted and written again with the new total unless that is zero. The promise
     * checks are not touched (see {@link #refreshPromises}). Returns the rows rewritten.
     */
    public static int applyDelta(Connection c, Contribution before, Contribution after) throws SQLException {
        int rows = 0;
        Set<String> buildings = new LinkedHashSet<>();
        // kpi_fee_periods (V034): the billed and collected differences regrouped per building,
        // issued_on and period month, as kpi_fee_period_rows_of groups the two tables
        Map<List<Object>, BigDecimal[]> periods = new LinkedHashMap<>();
        // kpi_fee_open (V035): the billed differences less the paid ones per building, issued_on
        // and due_on, as kpi_fee_open_rows_of groups kpi_fee_billed and kpi_fee_paid_month
        Map<List<Object>, BigDecimal> open = new LinkedHashMap<>();
        for (int t = 0; t < DELTA_TABLES.length; t++) {
            Map<List<Object>, BigDecimal> delta = new LinkedHashMap<>(after.tables.get(t));
            before.tables.get(t).forEach((k, v) -> delta.merge(k, v.negate(), BigDecimal::add));
            delta.values().removeIf(v -> v.signum() == 0);
            Map<List<Object>, BigDecimal[]> values = new LinkedHashMap<>();
            delta.forEach((k, v) -> values.put(k, new BigDecimal[] {v}));
            values.keySet().forEach(k -> buildings.add((String) k.get(0)));
            rows += rewrite(c, DELTA_TABLES[t], values);
            if (t == BILLED || t == COLLECTED) {
                int table = t;
                delta.forEach((k, v) -> addPeriod(periods, table, k, v));
            }
            if (t == BILLED || t == PAID_MONTH) {
                // keys (building, issued_on, period month, due_on[, allocation month])
                BigDecimal sign = t == BILLED ? BigDecimal.ONE : BigDecimal.ONE.negate();
                delta.forEach((k, v) -> open.merge(List.of(k.get(0), k.get(1), k.get(3)),
                        v.multiply(sign), BigDecimal::add));
            }
        }
        periods.values().removeIf(v -> Arrays.stream(v).allMatch(x -> x.signum() == 0));
        rows += rewrite(c, PERIODS_DELTA, periods);
        Map<List<Object>, BigDecimal[]> openValues = new LinkedHashMap<>();
        open.forEach((k, v) -> {
            if (v.signum() != 0) {
                openValues.put(k, new BigDecimal[] {v});
            }
        });
        rows += rewrite(c, OPEN_DELTA, openValues);
        refreshAging(c, buildings);
        return rows;
    }

    /**
     * Adds a difference of kpi_fee_billed (key building, issued_on, period month, due_on) or
     * kpi_fee_collected (key building, issued_on, period month, paid_by) to the values of its
     * kpi_fee_periods key: billed; or paid, and paid in month, quarter and year when paid_by is
     * not after the period month's own month, last quarter month, last year month.
     */
    private static void addPeriod(Map<List<Object>, BigDecimal[]> periods, int table,
            List<Object> key, BigDecimal amount) {
        LocalDate month = (LocalDate) key.get(2);
        BigDecimal[] values = periods.computeIfAbsent(List.of(key.get(0), key.get(1), month), k -> {
            BigDecimal[] zero = new BigDecimal[5];
            Arrays.fill(zero, BigDecimal.ZERO);
            return zero;
        });
        if (table == BILLED) {
            values[0] = values[0].add(amount);
            return;
        }
        LocalDate paidBy = (LocalDate) key.get(3);
        values[1] = values[1].add(amount);
        List<LocalDate> lasts = lastMonths(month);
        for (int i = 0; i < lasts.size(); i++) {
            if (!paidBy.isAfter(lasts.get(i))) {
                values[2 + i] = values[2 + i].add(amount);
            }
        }
    }

    /**
     * Replaces the month-end aging rows (V023) of the buildings from the building tables as they
     * are now, up to the stored {@code aging_until} (nothing before the first full rebuild).
     */
    static void refreshAging(Connection c, Collection<String> buildings) throws SQLException {
        if (buildings.isEmpty()) {
            return;
        }
        String marks = buildings.stream().map(b -> "?").collect(Collectors.joining(", "));
        execute(c, "delete from " + AGING[0] + " where building_code in (" + marks + ")", buildings);
        execute(c, "insert into " + AGING[0] + " select * from " + AGING[1] + "(list_value(" + marks
                + "))", buildings);
    }

    /**
     * Computes every month-end aging and vacancy row again, up to {@link #AGING_MONTHS_AHEAD}
     * months after the current one, and stores that limit (a state row must exist: after
     * {@link #recordState}).
     */
    private static void rebuildMonthEnds(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("update kpi_summary_state set aging_until = last_day(cast(current_date + interval "
                    + AGING_MONTHS_AHEAD + " month as date)) where id = 1");
            st.execute("delete from " + AGING[0]);
            // by building: a refresh of a few buildings then reads few row groups
            st.execute("insert into " + AGING[0] + " select * from " + AGING[1]
                    + "(null) order by building_code, snap_on");
        }
        rebuildVacancy(c);
    }

    /**
     * Computes every vacancy summary row again (after units, status rows or inspections were
     * loaded past the services: the demo, the benchmark data), up to the stored
     * {@code aging_until}.
     */
    public static void rebuildVacancy(Connection c) throws SQLException {
        refreshRecordBuildings(c, null);
        refreshInspectionFlags(c, null);
        try (Statement st = c.createStatement()) {
            for (String[] t : VACANCY) {
                st.execute("delete from " + t[0]);
                // by building: a refresh of a few buildings then reads few row groups
                st.execute("insert into " + t[0] + " select * from " + t[1] + "(null) order by " + t[2]);
            }
        }
    }

    /**
     * Sets the building of the complaints, visits (V026) and vacancy inspections (V036) of the
     * given units, every unit when null, to their unit's building where it differs (records
     * imported or written past the repositories); more than
     * {@link #MAX_UNITS_PER_PROMISE_REFRESH} units in one pass over all records instead of one
     * per chunk of 1,000 units (a large import). Returns the number of records changed.
     */
    public static int refreshRecordBuildings(Connection c, Collection<String> unitCodes) throws SQLException {
        int changed = 0;
        for (String table : RECORD_TABLES) {
            changed += updateByUnits(c, "update " + table + " set building_code = u.building_code"
                    + " from (select unit_code, building_code from units%1$s) u"
                    + " where u.unit_code = " + table + ".unit_code"
                    + " and " + table + ".building_code is distinct from u.building_code", unitCodes);
        }
        return changed;
    }

    /**
     * Runs an {@code update} whose {@code %1$s} (each mention) is a condition on the units: none
     * for all units (null, or more than {@link #MAX_UNITS_PER_PROMISE_REFRESH}: one pass), else
     * {@code where unit_code in (...)} per chunk of 1,000 units. Returns the rows changed.
     */
    private static int updateByUnits(Connection c, String update, Collection<String> unitCodes)
            throws SQLException {
        if (unitCodes == null || unitCodes.size() > MAX_UNITS_PER_PROMISE_REFRESH) {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(String.format(update, ""));
            }
        }
        int mentions = update.split("%1\\$s", -1).length - 1;
        int changed = 0;
        List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes));
        for (int from = 0; from < units.size(); from += 1000) {
            List<String> chunk = units.subList(from, Math.min(units.size(), from + 1000));
            String marks = chunk.stream().map(u -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement(
                    String.format(update, " where unit_code in (" + marks + ")"))) {
                int i = 1;
                for (int k = 0; k < mentions; k++) {
                    for (String u : chunk) {
                        ps.setString(i++, u);
                    }
                }
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }

    /**
     * Whether each inspected unit was delivered and vacant on the day of the inspection (V028:
     * its latest status row on or before {@code inspected_on}, vacant without one), as an
     * {@code update ... from}: the inspections of the units {@code %1$s} selects (a condition on
     * {@code unit_code} for both tables, or nothing for all).
     */
    static final String INSPECTION_FLAGS = "update vacancy_inspections set vacant_then = f.vacant from ("
            + "select i.inspection_no, coalesce(u.delivered_on <= i.inspected_on"
            + " and coalesce(s.status, 'vacant') = 'vacant', false) as vacant"
            + " from (select inspection_no, unit_code, inspected_on from vacancy_inspections%1$s) i"
            + " join units u on u.unit_code = i.unit_code"
            + " asof left join (select unit_code, from_date, status from unit_status%1$s) s"
            + " on s.unit_code = i.unit_code and s.from_date <= i.inspected_on) f"
            + " where vacancy_inspections.inspection_no = f.inspection_no"
            + " and vacancy_inspections.vacant_then is distinct from f.vacant";

    /**
     * Sets the flag of {@link #INSPECTION_FLAGS} on the inspections of the given units, every
     * unit when null (or more than {@link #MAX_UNITS_PER_PROMISE_REFRESH}), where it differs;
     * returns the number of inspections changed. After any write of units, status rows or
     * inspections ({@link KpiSummaryMaintenance#refreshVacancy}).
     */
    public static int refreshInspectionFlags(Connection c, Collection<String> unitCodes) throws SQLException {
        return updateByUnits(c, INSPECTION_FLAGS, unitCodes);
    }

    /**
     * Replaces the vacancy summary rows (V024) of the buildings from their
     * units, status rows and inspections as they are now (after any of those changed; a unit that
     * moved to another building needs the old building refreshed as well). Everything when the
     * buildings are many, as {@link #refreshUnits}. Returns the number of buildings refreshed
     * (-1: all).
     */
    public static int refreshVacancyBuildings(Connection c, Collection<String> buildingCodes) throws SQLException {
        Set<String> buildings = new LinkedHashSet<>(buildingCodes);
        if (buildings.isEmpty()) {
            return 0;
        }
        if (buildings.size() > MAX_BUILDINGS_PER_REFRESH || buildings.size() * 2 > buildingCount(c)) {
            rebuildVacancy(c);
            return -1;
        }
        String marks = buildings.stream().map(b -> "?").collect(Collectors.joining(", "));
        for (String[] t : VACANCY) {
            execute(c, "delete from " + t[0] + " where building_code in (" + marks + ")", buildings);
            execute(c, "insert into " + t[0] + " select * from " + t[1] + "(list_value(" + marks + "))",
                    buildings);
        }
        return buildings.size();
    }

    /**
     * Adds the deltas to a summary table {table, key columns, value columns} whose keys are a
     * text and dates: per key, the stored row is deleted (telling what it held) and written again
     * with the new totals unless the first is zero, {@link #DELTA_ROWS_PER_STATEMENT} keys per
     * statement. Returns the keys rewritten.
     */
    private static int rewrite(Connection c, String[] table, Map<List<Object>, BigDecimal[]> delta)
            throws SQLException {
        List<List<Object>> all = new ArrayList<>(delta.keySet());
        for (int from = 0; from < all.size(); from += DELTA_ROWS_PER_STATEMENT) {
            int to = Math.min(all.size(), from + DELTA_ROWS_PER_STATEMENT);
            rewrite(c, table, all.subList(from, to), delta);
        }
        return all.size();
    }

    private static void rewrite(Connection c, String[] table, List<List<Object>> keys,
            Map<List<Object>, BigDecimal[]> delta) throws SQLException {
        String[] columns = table[1].split(", ");
        String[] values = table[2].split(", ");
        String tuple = "(cast(? as varchar)" + ", cast(? as date)".repeat(columns.length - 1) + ")";
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            match.append(i == 0 ? "" : " and ").append("t.").append(columns[i]).append(" = d.k").append(i);
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            names.append(i == 0 ? "" : ", ").append('k').append(i);
        }
        Map<List<Object>, BigDecimal[]> totals = new HashMap<>();
        keys.forEach(k -> totals.put(k, delta.get(k).clone()));
        // the stored rows at these keys go, and tell what they held
        String delete = "delete from " + table[0] + " t using (values "
                + String.join(", ", Collections.nCopies(keys.size(), tuple)) + ") d(" + names
                + ") where " + match + " returning " + table[1] + ", " + table[2];
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            bindKeys(ps, keys, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal[] total = totals.get(key(rs, columns.length));
                    for (int j = 0; j < values.length; j++) {
                        total[j] = total[j].add(rs.getBigDecimal(columns.length + 1 + j));
                    }
                }
            }
        }
        // a key keeps its row while any of its values is not zero
        List<List<Object>> kept = keys.stream()
                .filter(k -> Arrays.stream(totals.get(k)).anyMatch(v -> v.signum() != 0)).toList();
        if (kept.isEmpty()) {
            return;
        }
        String row = tuple.substring(0, tuple.length() - 1) + ", ?".repeat(values.length) + ")";
        String insert = "insert into " + table[0] + " (" + table[1] + ", " + table[2] + ") values "
                + String.join(", ", Collections.nCopies(kept.size(), row));
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            int i = 1;
            for (List<Object> k : kept) {
                i = bindKeys(ps, List.of(k), i);
                BigDecimal[] total = totals.get(k);
                for (int j = 0; j < values.length; j++) {
                    if (INTEGER_VALUES.contains(values[j])) {
                        ps.setInt(i++, total[j].intValueExact());
                    } else {
                        ps.setBigDecimal(i++, total[j]);
                    }
                }
            }
            ps.executeUpdate();
        }
    }

    private static int bindKeys(PreparedStatement ps, List<List<Object>> keys, int first) throws SQLException {
        int i = first;
        for (List<Object> k : keys) {
            ps.setString(i++, (String) k.get(0));
            for (int j = 1; j < k.size(); j++) {
                ps.setDate(i++, java.sql.Date.valueOf((LocalDate) k.get(j)));
            }
        }
        return i;
    }

    private static List<Object> key(ResultSet rs, int columns) throws SQLException {
        List<Object> key = new ArrayList<>(columns);
        key.add(rs.getString(1));
        for (int i = 2; i <= columns; i++) {
            key.add(rs.getObject(i, LocalDate.class));
        }
        return key;
    }

    /** The summary table names, in a fixed order. */
    public static List<String> tables() {
        List<String> names = new ArrayList<>(TABLES.stream().map(t -> t[0]).toList());
        names.add(PROMISES[0]);
        names.add(PROMISE_MONTHS[0]);
        names.add(AGING[0]);
        VACANCY.forEach(t -> names.add(t[0]));
        names.add(KpiWorkMonths.TABLE);
        names.add(KpiWorkMonths.AGENDA);
        return names;
    }

    /**
     * The macro whose rows (called with {@code null}: every building, unit or staff member) a
     * summary table of {@link #tables()} holds: after any committed write, and after a crash,
     * {@link #storedRows} equals {@code select * from macro(null)} (KpiSummaryMaintenanceTest
     * after every write; the soak check after every restart).
     */
    public static String rowsMacro(String table) {
        return switch (table) {
            case "kpi_arrears_spells" -> "kpi_arrears_spell_rows";
            case "kpi_fee_periods" -> "kpi_fee_period_rows";
            case "kpi_promise_checks" -> "kpi_promise_check_rows";
            case "kpi_promise_months" -> "kpi_promise_month_rows";
            case "kpi_aging_month_ends" -> "kpi_aging_month_end_rows";
            case "kpi_vacancy_month_ends" -> "kpi_vacancy_month_end_rows";
            case "kpi_move_in_days" -> "kpi_move_in_day_rows";
            default -> table + "_rows";
        };
    }

    /**
     * The query of a summary table's rows as {@link #rowsMacro} gives them: the table itself, or
     * for kpi_work_months (rows of differences) their sums per staff member and month.
     */
    public static String storedRows(String table) {
        return KpiWorkMonths.TABLE.equals(table) ? "select * from kpi_work_months_stored()"
                : "select * from " + table;
    }

    /** Replaces every summary row by a fresh computation and records the state. */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] t : TABLES) {
                st.execute("delete from " + t[0]);
                st.execute("insert into " + t[0] + " select * from " + t[1] + "(null) order by " + t[2]);
            }
        }
        rebuildPromises(c);
        recordState(c);
        rebuildMonthEnds(c);
        KpiWorkMonths.rebuild(c);
    }

    /**
     * Replaces the summary rows of the buildings of the given units, and their promise checks
     * (all rows when they are many). Returns the number of buildings refreshed (-1: everything
     * rebuilt).
     */
    public static int refreshUnits(Connection c, Collection<String> unitCodes) throws SQLException {
        if (unitCodes.isEmpty()) {
            return 0;
        }
        Set<String> buildings = buildingsOf(c, unitCodes);
        if (buildings.size() > MAX_BUILDINGS_PER_REFRESH || buildings.size() * 2 > buildingCount(c)) {
            rebuild(c);
            return -1;
        }
        if (!buildings.isEmpty()) {
            String marks = buildings.stream().map(b -> "?").collect(Collectors.joining(", "));
            for (String[] t : TABLES) {
                execute(c, "delete from " + t[0] + " where building_code in (" + marks + ")", buildings);
                execute(c, "insert into " + t[0] + " select * from " + t[1] + "(list_value(" + marks + "))",
                        buildings);
            }
            refreshAging(c, buildings);
        }
        refreshPromises(c, unitCodes);
        return buildings.size();
    }

    /**
     * Replaces the promise checks of the given units (after a collection action was logged or
     * imported, or their statements or allocations changed).
     */
    public static void refreshPromises(Connection c, Collection<String> unitCodes) throws SQLException {
        List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes));
        if (units.size() > MAX_UNITS_PER_PROMISE_REFRESH) {
            // one pass over all rows instead of one per chunk of 1,000 units
            rebuildPromises(c);
            return;
        }
        // the counts per month (V031) change by what the deleted checks counted and the inserted
        // ones count: nothing to write when a unit's checks come back the same
        Map<List<Object>, int[]> delta = new HashMap<>();
        for (int from = 0; from < units.size(); from += 1000) {
            List<String> chunk = units.subList(from, Math.min(units.size(), from + 1000));
            String marks = chunk.stream().map(u -> "?").collect(Collectors.joining(", "));
            countPromises(c, "delete from " + PROMISES[0] + " where unit_code in (" + marks
                    + ") returning " + PROMISE_KEY, chunk, -1, delta);
            countPromises(c, "insert into " + PROMISES[0] + " select * from " + PROMISES[1]
                    + "(list_value(" + marks + ")) returning " + PROMISE_KEY, chunk, 1, delta);
        }
        Map<List<Object>, BigDecimal[]> counts = new LinkedHashMap<>();
        delta.forEach((k, v) -> {
            if (v[0] != 0 || v[1] != 0) {
                counts.put(k, new BigDecimal[] {BigDecimal.valueOf(v[0]), BigDecimal.valueOf(v[1])});
            }
        });
        rewrite(c, PROMISE_MONTHS_DELTA, counts);
    }

    /**
     * Runs a delete or insert of promise checks that returns {@link #PROMISE_KEY} and adds
     * {@code sign} times what each row counts in kpi_promise_months to {@code delta}: key
     * (building, promised month, action month, settle month) to (promises, kept), as
     * kpi_promise_months_of_checks counts (sql/fee_summary.sql).
     */
    private static void countPromises(Connection c, String sql, List<String> units, int sign,
            Map<List<Object>, int[]> delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String u : units) {
                ps.setString(i++, u);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate actionOn = rs.getObject(2, LocalDate.class);
                    LocalDate promisedOn = rs.getObject(3, LocalDate.class);
                    LocalDate keptBy = rs.getObject(4, LocalDate.class);
                    LocalDate settleOn = rs.getObject(5, LocalDate.class);
                    List<Object> key = List.of(rs.getString(1), promisedOn.withDayOfMonth(1),
                            actionOn.withDayOfMonth(1), settleOn.withDayOfMonth(1));
                    int[] counts = delta.computeIfAbsent(key, k -> new int[2]);
                    counts[0] += sign;
                    if (keptBy == null || !keptBy.isAfter(promisedOn)) {
                        counts[1] += sign;
                    }
                }
            }
        }
    }

    private static void rebuildPromises(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("delete from " + PROMISES[0]);
            // by unit: the zone maps then find a unit's rows for the refresh after each write
            // (at 500,000 units a unit's delete took 72 ms in promised-day order, 2 ms so); the
            // promises settled RECENT_MONTHS ago or later last (recentLast)
            st.execute("insert into " + PROMISES[0] + " select * from " + PROMISES[1]
                    + "(null) order by " + recentLast("settle_on") + ", unit_code, action_no");
            st.execute("delete from " + PROMISE_MONTHS[0]);
            st.execute("insert into " + PROMISE_MONTHS[0] + " select * from " + PROMISE_MONTHS[1]
                    + "(null) order by all");
        }
    }

    /** True when the summaries were rebuilt by this {@link #VERSION}. */
    public static boolean isCurrent(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select version from kpi_summary_state where id = 1")) {
            return rs.next() && rs.getInt(1) == VERSION;
        }
    }

    /**
     * Rebuilds unless {@link #isCurrent}; otherwise extends the month-end aging and vacancy rows
     * when fewer than {@link #AGING_MONTHS_LEFT} months ahead are stored (a server running for a
     * year).
     * True when it rebuilt anything.
     */
    public static boolean rebuildIfStale(Connection c) throws SQLException {
        if (!isCurrent(c)) {
            rebuild(c);
            return true;
        }
        // the butlers' records per month (V033) of a database that had records before it
        boolean filled = KpiWorkMonths.fillIfEmpty(c);
        // inspections from before V028 (their flag is set with every write and rebuild after it)
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select exists (select 1 from vacancy_inspections"
                        + " where vacant_then is null)")) {
            if (rs.next() && rs.getBoolean(1)) {
                refreshInspectionFlags(c, null);
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(aging_until < last_day(cast(current_date"
                        + " + interval " + AGING_MONTHS_LEFT + " month as date)), true)"
                        + " from kpi_summary_state where id = 1")) {
            if (rs.next() && rs.getBoolean(1)) {
                rebuildMonthEnds(c);
                return true;
            }
        }
        return filled;
    }

    // Written by full rebuilds only: a per-write update of one row would make concurrent
    // writers conflict in DuckDB.
    private static void recordState(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("insert or replace into kpi_summary_state (id, version, rebuilt_at)"
                    + " values (1, " + VERSION + ", current_localtimestamp())");
        }
    }

    private static int buildingCount(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from buildings")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Set<String> buildingsOf(Connection c, Collection<String> unitCodes) throws SQLException {
        Set<String> buildings = new LinkedHashSet<>();
        List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes));
        for (int from = 0; from < units.size(); from += 1000) {
            List<String> chunk = units.subList(from, Math.min(units.size(), from + 1000));
            String in = chunk.stream().map(u -> "?").collect(Collectors.joining(", ", "(", ")"));
            try (PreparedStatement ps = c.prepareStatement(
                    "select distinct building_code from units where unit_code in " + in)) {
                int i = 1;
                for (String u : chunk) {
                    ps.setString(i++, u);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        buildings.add(rs.getString(1));
                    }
                }
            }
        }
        return buildings;
    }

    private static void execute(Connection c, String sql, Collection<String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String v : values) {
                ps.setString(i++, v);
            }
            ps.executeUpdate();
        }
    }
}

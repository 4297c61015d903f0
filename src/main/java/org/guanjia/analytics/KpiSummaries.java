package org.guanjia.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
 */
public final class KpiSummaries {

    /**
     * Bump when the summary SQL changes meaning: start-up then rebuilds every summary. 2: the
     * promise checks (V022).
     */
    public static final int VERSION = 2;

    /**
     * The per-unit summary (V022) and its macro: the check of a promise depends only on its
     * unit's actions, statements and allocations, so it is refreshed per unit, not per building.
     */
    private static final String[] PROMISES = {"kpi_promise_checks", "kpi_promise_check_rows"};

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
     * Summary table and the macro of sql/fee_summary.sql that fills it, in this order: the month
     * rows are summed from the day rows just written (same rows as kpi_fee_paid_month_rows, which
     * the tests compare them with, without a second scan of the allocations).
     */
    private static final List<String[]> TABLES = List.of(
            new String[] {"kpi_fee_billed", "kpi_fee_billed_rows"},
            new String[] {"kpi_fee_paid_day", "kpi_fee_paid_day_rows"},
            new String[] {"kpi_fee_paid_month", "kpi_fee_paid_month_of_days"},
            new String[] {"kpi_arrears_spells", "kpi_arrears_spell_rows"});

    private KpiSummaries() {
    }

    /** The summary table names, in a fixed order. */
    public static List<String> tables() {
        List<String> names = new ArrayList<>(TABLES.stream().map(t -> t[0]).toList());
        names.add(PROMISES[0]);
        return names;
    }

    /** Replaces every summary row by a fresh computation and records the state. */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] t : TABLES) {
                st.execute("delete from " + t[0]);
                // ordered by day so that DuckDB's zone maps skip most row groups for one month
                st.execute("insert into " + t[0] + " select * from " + t[1] + "(null) order by all");
            }
        }
        rebuildPromises(c);
        recordState(c);
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
        for (int from = 0; from < units.size(); from += 1000) {
            List<String> chunk = units.subList(from, Math.min(units.size(), from + 1000));
            String marks = chunk.stream().map(u -> "?").collect(Collectors.joining(", "));
            execute(c, "delete from " + PROMISES[0] + " where unit_code in (" + marks + ")", chunk);
            execute(c, "insert into " + PROMISES[0] + " select * from " + PROMISES[1] + "(list_value("
                    + marks + "))", chunk);
        }
    }

    private static void rebuildPromises(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("delete from " + PROMISES[0]);
            // by unit: the zone maps then find a unit's rows for the refresh after each write
            // (at 500,000 units a unit's delete took 72 ms in promised-day order, 2 ms so)
            st.execute("insert into " + PROMISES[0] + " select * from " + PROMISES[1]
                    + "(null) order by unit_code, action_no");
        }
    }

    /** True when the summaries were rebuilt by this {@link #VERSION}. */
    public static boolean isCurrent(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select version from kpi_summary_state where id = 1")) {
            return rs.next() && rs.getInt(1) == VERSION;
        }
    }

    /** Rebuilds unless {@link #isCurrent}; true when it rebuilt. */
    public static boolean rebuildIfStale(Connection c) throws SQLException {
        if (isCurrent(c)) {
            return false;
        }
        rebuild(c);
        return true;
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

    private static Set<String> buildingsOf(Connection c, Collection<String> unitCodes) throws SQLException {
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

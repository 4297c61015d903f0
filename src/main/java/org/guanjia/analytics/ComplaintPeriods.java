package org.guanjia.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The closed complaint periods (V032, sql/README.md "Closed complaint periods"): the
 * kpi_complaints and kpi_complaint_category_counts rows of every scope object for each period
 * whose complaints were all answered and resolved, stored with the day from which they hold, a
 * fingerprint of the period's complaints and the context (scopes, links, service levels). The
 * macros read a stored period only while both still match, so a stale row is never read: a
 * write needs no maintenance, and {@link #fill} only makes more periods fast. Plain JDBC on the
 * caller's connection (and so in the caller's transaction), usable without Spring.
 */
public final class ComplaintPeriods {

    /** The tables of the store (V032). */
    static final List<String> TABLES = List.of("kpi_complaint_closed",
            "kpi_complaint_category_closed", "kpi_complaint_closed_periods");

    /** The grains stored (every grain kpi_complaints accepts). */
    static final List<String> GRAINS = List.of("month", "quarter", "year");

    /** The figure columns of kpi_complaints and kpi_complaint_closed, in order. */
    private static final String FIGURES = "complaints, valid_rate, response_timeliness,"
            + " resolution_timeliness, median_response_minutes, p90_response_minutes,"
            + " median_resolution_hours, p90_resolution_hours, repeat_units, signoff_rate";

    /** The count columns of kpi_complaint_category_counts and kpi_complaint_category_closed. */
    private static final String CATEGORIES = "cleaning, decoration, engineering, fees, greening,"
            + " neighbour, noise, other, parking, security, staff";

    private ComplaintPeriods() {
    }

    /** What a fill did: periods stored (with their rows) and periods dropped as stale. */
    public record Filled(int periods, long rows, int dropped) {
    }

    /** A closable period as kpi_complaint_closable gives it. */
    private record Period(String period, LocalDate start, LocalDate end, LocalDate settledOn,
            long complaints, BigDecimal fingerprint) {
    }

    /**
     * Stores every period that can be stored as of {@code today} and is not stored as it is now,
     * and drops the stored periods that no longer match their complaints or context (a stale
     * period is never read, but it is dead weight). The caller commits, and runs one fill on a
     * database at a time (two at once would store a period twice).
     */
    public static Filled fill(Connection c, LocalDate today) throws SQLException {
        BigDecimal context;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select cast(kpi_complaint_context() as decimal(38,0))")) {
            rs.next();
            context = rs.getBigDecimal(1);
        }
        int periods = 0;
        long rows = 0;
        int dropped = 0;
        for (String grain : GRAINS) {
            Map<String, Period> toStore = closable(c, today, grain);
            List<String> stale = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select period, settled_on,"
                    + " complaints, fingerprint, context from kpi_complaint_closed_periods"
                    + " where grain = ?")) {
                ps.setString(1, grain);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Period p = toStore.get(rs.getString(1));
                        boolean current = p != null
                                && p.settledOn().equals(rs.getDate(2).toLocalDate())
                                && p.complaints() == rs.getLong(3)
                                && p.fingerprint().compareTo(rs.getBigDecimal(4)) == 0
                                && context.compareTo(rs.getBigDecimal(5)) == 0;
                        if (current) {
                            toStore.remove(p.period());
                        } else {
                            stale.add(rs.getString(1));
                        }
                    }
                }
            }
            dropped += stale.size();
            stale.addAll(toStore.keySet());
            delete(c, grain, stale);
            if (!toStore.isEmpty()) {
                rows += store(c, grain, today, toStore.values(), context);
                periods += toStore.size();
            }
        }
        return new Filled(periods, rows, dropped);
    }

    /** The periods of a grain kpi_complaint_closable gives as of today, by key. */
    private static Map<String, Period> closable(Connection c, LocalDate today, String grain)
            throws SQLException {
        Map<String, Period> closable = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select period, p_start, p_end,"
                + " settled_on, complaints, cast(fingerprint as decimal(38,0))"
                + " from kpi_complaint_closable(cast(? as date), cast(? as varchar))")) {
            ps.setString(1, today.toString());
            ps.setString(2, grain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    closable.put(rs.getString(1), new Period(rs.getString(1),
                            rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                            rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getBigDecimal(6)));
                }
            }
        }
        return closable;
    }

    /** Deletes the stored rows and entries of these periods of a grain. */
    private static void delete(Connection c, String grain, List<String> periods)
            throws SQLException {
        if (periods.isEmpty()) {
            return;
        }
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table
                    + " where grain = ? and list_contains(string_split(cast(? as varchar), ','),"
                    + " period)")) {
                ps.setString(1, grain);
                ps.setString(2, String.join(",", periods));
                ps.executeUpdate();
            }
        }
    }

    /**
     * Stores the periods (not stored now): the rows of both macros as of today, which is on or
     * after every period's settled_on (the same rows as of any later day), computed from the
     * complaints, and an entry per period. Returns the rows stored.
     */
    private static long store(Connection c, String grain, LocalDate today,
            Collection<Period> periods, BigDecimal context) throws SQLException {
        LocalDate from = periods.stream().map(Period::start).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow();
        List<String> keys = periods.stream().map(Period::period).toList();
        long rows = 0;
        for (String[] copy : List.of(
                new String[] {"kpi_complaint_closed", FIGURES, "kpi_complaints"},
                new String[] {"kpi_complaint_category_closed", CATEGORIES,
                    "kpi_complaint_category_counts"})) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + copy[0]
                    + " select cast(? as varchar), period, scope, scope_code, " + copy[1]
                    + " from " + copy[2] + "(cast(? as date), cast(? as varchar),"
                    + " cast(? as varchar), cast(? as varchar))"
                    + " where list_contains(string_split(cast(? as varchar), ','), period)")) {
                ps.setString(1, grain);
                ps.setString(2, today.toString());
                ps.setString(3, grain);
                ps.setString(4, month(from));
                ps.setString(5, month(to));
                ps.setString(6, String.join(",", keys));
                rows += ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into"
                + " kpi_complaint_closed_periods values (?, ?, ?, ?, ?, ?)")) {
            for (Period p : periods) {
                ps.setString(1, grain);
                ps.setString(2, p.period());
                ps.setDate(3, Date.valueOf(p.settledOn()));
                ps.setLong(4, p.complaints());
                ps.setBigDecimal(5, p.fingerprint());
                ps.setBigDecimal(6, context);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows;
    }

    /** Empties the store (every period is then computed from the complaints). */
    public static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("delete from " + table);
            }
        }
    }

    private static String month(LocalDate day) {
        return Objects.requireNonNull(day).toString().substring(0, 7);
    }
}

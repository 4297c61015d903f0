package org.guanjia.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The butlers' records per staff member and month (V033, {@code kpi_work_months}), which
 * kpi_workload reads for the months that ended by the as-of day instead of counting every record
 * again (sql/workload.sql). The table holds differences: a write appends +1 for the staff member
 * and month of a new record, and -1 and +1 when a change moves a record to another staff member
 * or month ({@link #add}); the count is the sum per staff member and month
 * ({@code kpi_work_months_stored()}, which equals {@code kpi_work_months_rows(null)}). Appends
 * never conflict, so butlers saving at the same time never wait for or retry each other (an
 * update of one row per staff member and month did: every visit of the month hit the same row).
 * The agenda's hourly recording folds the rows into one per staff member and month
 * ({@link #compact}); a bulk load stores a fresh count ({@link #rebuild}). The agenda items per
 * month they fell due ({@link #AGENDA}) are counted again for the months the agenda's recording
 * wrote ({@link #refreshAgenda}).
 */
public final class KpiWorkMonths {

    /** The summary table of the records (rows of differences). */
    public static final String TABLE = "kpi_work_months";

    /** The summary table of the agenda items, per month they fell due. */
    public static final String AGENDA = "kpi_agenda_months";

    /** A kind of record and its column in {@link #TABLE}. */
    public enum Kind {
        PATROLS("patrols"),
        VISITS("visits"),
        COLLECTION_ACTIONS("collection_actions"),
        COMPLAINTS_HANDLED("complaints_handled"),
        VACANCY_INSPECTIONS("vacancy_inspections"),
        DOCUMENTS_DELIVERED("documents_delivered");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private KpiWorkMonths() {
    }

    /**
     * Appends {@code delta} (+1: a record of the kind counts for the staff member on the day; -1:
     * it no longer does) to the month of {@code day}. Nothing for a null staff code or day (a
     * record without either is not counted).
     */
    static void add(Connection c, Kind kind, String staffCode, LocalDate day, int delta) throws SQLException {
        if (staffCode == null || day == null || delta == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE + " (staff_code, month, "
                + kind.column + ") values (?, ?, ?)")) {
            ps.setString(1, staffCode);
            ps.setObject(2, day.withDayOfMonth(1));
            ps.setLong(3, delta);
            ps.executeUpdate();
        }
    }

    /**
     * Folds the rows of differences into one per staff member and month (none for a month whose
     * counts are all zero). Rows other transactions append meanwhile are not in this one's view:
     * they stay as they are, and the sums stay right. One fold at a time (the agenda's job).
     */
    static void compact(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create or replace temp table kpi_work_months_folded as"
                    + " select * from kpi_work_months_stored()");
            st.execute("delete from " + TABLE);
            st.execute("insert into " + TABLE + " select * from kpi_work_months_folded"
                    + " order by staff_code, month");
            st.execute("drop table kpi_work_months_folded");
        }
    }

    /**
     * Counts the agenda items that fell due in the months from {@code from}'s to {@code to}'s
     * again, for every staff member (after the agenda's recording wrote items due in them).
     */
    static void refreshAgenda(Connection c, LocalDate from, LocalDate to) throws SQLException {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        try (PreparedStatement delete = c.prepareStatement("delete from " + AGENDA
                + " where month >= ? and month <= ?");
                PreparedStatement insert = c.prepareStatement("insert into " + AGENDA
                        + " select * from kpi_agenda_months_rows(null, from_month := cast(? as date),"
                        + " to_month := cast(? as date)) order by staff_code, month")) {
            for (PreparedStatement ps : new PreparedStatement[] {delete, insert}) {
                ps.setObject(1, first);
                ps.setObject(2, last);
                ps.executeUpdate();
            }
        }
    }

    /** Replaces every row of both tables by a fresh count of all records and agenda items. */
    static void rebuild(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("delete from " + TABLE);
            st.execute("insert into " + TABLE + " select * from kpi_work_months_rows(null)"
                    + " order by staff_code, month");
            st.execute("delete from " + AGENDA);
            st.execute("insert into " + AGENDA + " select * from kpi_agenda_months_rows(null)"
                    + " order by staff_code, month");
        }
    }

    /**
     * Fills both tables when they are empty while there are records or agenda items to count (a
     * database from before V033). True when it did.
     */
    static boolean fillIfEmpty(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select not exists (select 1 from " + TABLE + ")"
                        + " and not exists (select 1 from " + AGENDA + ")"
                        + " and (exists (select 1 from kpi_work_acts() where staff_code is not null)"
                        + " or exists (select 1 from agenda_items where staff_code is not null))")) {
            if (rs.next() && rs.getBoolean(1)) {
                rebuild(c);
                return true;
            }
        }
        return false;
    }
}

package org.guanjia.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The butlers' records per staff member and month (V033, {@code kpi_work_months}), which
 * kpi_workload reads for the months that ended by the as-of day instead of counting every record
 * again (sql/workload.sql). A write refreshes the count of its kind for the staff member and
 * month of the record, before and after the change ({@link #refresh}: a count of the records of
 * that month, a few row groups of one table); a bulk load rebuilds the table ({@link #rebuild}).
 * The counts are the rows of {@code kpi_work_months_rows} for the same keys; a month without
 * records has no row. The agenda items per month they fell due ({@link #AGENDA}) are counted
 * again for the months the agenda's recording wrote ({@link #refreshAgenda}).
 *
 * <p>Two transactions that count the same kind for the same staff member and month conflict
 * (an update of the same row, or the same new key), and the later one is run again
 * (base.WriteConflictRetry): a count never misses a record a concurrent transaction added.
 */
public final class KpiWorkMonths {

    /** The summary table of the records. */
    public static final String TABLE = "kpi_work_months";

    /** The summary table of the agenda items, per month they fell due. */
    public static final String AGENDA = "kpi_agenda_months";

    /** A kind of record, its number in kpi_work_acts and its column in {@link #TABLE}. */
    public enum Kind {
        PATROLS(1, "patrols"),
        VISITS(2, "visits"),
        COLLECTION_ACTIONS(3, "collection_actions"),
        COMPLAINTS_HANDLED(4, "complaints_handled"),
        VACANCY_INSPECTIONS(5, "vacancy_inspections"),
        DOCUMENTS_DELIVERED(6, "documents_delivered");

        final int number;
        final String column;

        Kind(int number, String column) {
            this.number = number;
            this.column = column;
        }
    }

    private static final String EMPTY = Arrays.stream(Kind.values())
            .map(k -> k.column + " = 0").collect(Collectors.joining(" and "));

    private KpiWorkMonths() {
    }

    /**
     * Counts the records of the kind that the staff member made in the month of {@code day}
     * again and stores the count (no row once a month has no record of any kind). Nothing for
     * a null staff code or day (a record without either is not counted).
     */
    static void refresh(Connection c, Kind kind, String staffCode, LocalDate day) throws SQLException {
        if (staffCode == null || day == null) {
            return;
        }
        LocalDate month = day.withDayOfMonth(1);
        long count;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from kpi_work_acts()"
                + " where kind = ? and staff_code = ? and done_on >= ? and done_on < ?")) {
            ps.setInt(1, kind.number);
            ps.setString(2, staffCode);
            ps.setObject(3, month);
            ps.setObject(4, month.plusMonths(1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        if (count > 0) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE
                    + " (staff_code, month, " + kind.column + ") values (?, ?, ?)"
                    + " on conflict (staff_code, month) do update set " + kind.column + " = excluded."
                    + kind.column)) {
                ps.setString(1, staffCode);
                ps.setObject(2, month);
                ps.setLong(3, count);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update " + TABLE + " set " + kind.column
                + " = 0 where staff_code = ? and month = ? and " + kind.column + " <> 0");
                PreparedStatement delete = c.prepareStatement("delete from " + TABLE
                        + " where staff_code = ? and month = ? and " + EMPTY)) {
            for (PreparedStatement ps : new PreparedStatement[] {update, delete}) {
                ps.setString(1, staffCode);
                ps.setObject(2, month);
                ps.executeUpdate();
            }
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

package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KpiSummaries#contribution} groups a unit's statements and allocations in Java; the
 * macros of sql/fee_summary.sql with their {@code unit} parameter are the definition. Both are
 * compared on hand-made units (arrears intervals that touch, overlap, nest, close before they
 * open) and on 300 random units with dates drawn from a few months, so that equal days are
 * common. A fresh DuckDB file migrated by Flyway with the views applied, no Spring.
 */
class KpiSummariesContributionTest {

    /** The macros' rows per table number, as the summaries store them (month rows from days). */
    private static final String REFERENCE = "select 0, building_code, issued_on, period_month, due_on,"
            + " null::date, amount from kpi_fee_billed_rows(null, unit := ?)"
            + " union all select 1, building_code, issued_on, period_month, due_on, allocated_on, amount"
            + " from kpi_fee_paid_day_rows(null, unit := ?)"
            + " union all select 3, building_code, from_day, to_day, null, null, 1"
            + " from kpi_arrears_unit_spell_rows(null, unit := ?)"
            // kpi_fee_collected_rows and kpi_fee_recovered_rows group the month rows by these
            + " union all select 4, building_code, issued_on, period_month,"
            + " kpi_fee_paid_by(period_month, cast(date_trunc('month', allocated_on) as date)), null, amount"
            + " from kpi_fee_paid_day_rows(null, unit := ?)"
            + " union all select 5, building_code, cast(date_trunc('month', allocated_on) as date),"
            + " kpi_fee_recovery_class(cast(date_trunc('month', allocated_on) as date), due_on, issued_on),"
            + " null, null, amount from kpi_fee_paid_day_rows(null, unit := ?)"
            + " where kpi_fee_recovery_class(cast(date_trunc('month', allocated_on) as date), due_on,"
            + " issued_on) is not null";
    private static final int[] DATES = {3, 4, 4, 2, 3, 2};

    @TempDir
    static Path dir;

    private static String url;

    @BeforeAll
    static void migrate() throws SQLException {
        url = "jdbc:duckdb:" + dir.resolve("contribution.duckdb");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            KpiViews.apply(c);
            st.execute("insert into estates (estate_code, name) values ('E', 'E')");
            st.execute("insert into clusters (cluster_code, estate_code, name) values ('C', 'E', 'C')");
            st.execute("insert into buildings (building_code, cluster_code, name) values"
                    + " ('B1', 'C', 'B1'), ('B2', 'C', 'B2')");
        }
    }

    @Test
    void hand_made_units_give_the_spells_of_the_macros() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            unit(c, "T1", "B1");
            // overdue from 01-11 until paid 02-11; the next overdue from 02-11: one spell
            statement(c, "T1-1", "T1", "2025-01", "100.00", "2025-01-01", "2025-01-10");
            allocation(c, "T1", "T1-1", "2025-02-11", "100.00");
            statement(c, "T1-2", "T1", "2025-02", "100.00", "2025-02-01", "2025-02-10");
            unit(c, "T2", "B1");
            // overdue 01-11 to 02-11, the next from 02-12: two spells; a third paid before due
            statement(c, "T2-1", "T2", "2025-01", "100.00", "2025-01-01", "2025-01-10");
            allocation(c, "T2", "T2-1", "2025-02-01", "40.00");
            allocation(c, "T2", "T2-1", "2025-02-11", "60.00");
            statement(c, "T2-2", "T2", "2025-02", "50.00", "2025-02-01", "2025-02-11");
            statement(c, "T2-3", "T2", "2025-03", "50.00", "2025-03-01", "2025-03-10");
            allocation(c, "T2", "T2-3", "2025-03-05", "50.00");
            unit(c, "T3", "B2");
            // nested: an interval inside a longer one, and one issued after its due day
            statement(c, "T3-1", "T3", "2025-01", "100.00", "2025-01-01", "2025-01-10");
            allocation(c, "T3", "T3-1", "2025-06-01", "100.00");
            statement(c, "T3-2", "T3", "2025-02", "10.00", "2025-02-01", "2025-02-10");
            allocation(c, "T3", "T3-2", "2025-03-01", "10.00");
            statement(c, "T3-3", "T3", "2025-01", "30.00", "2025-07-01", "2025-01-10");
            compare(c, "T1");
            compare(c, "T2");
            compare(c, "T3");
            Map<List<Object>, BigDecimal> spells = KpiSummaries.contribution(c, List.of("T1", "T2", "T3")).rows(3);
            assertThat(spells).containsOnlyKeys(
                    key("B1", "2025-01-11", "9999-12-31"),
                    key("B1", "2025-01-11", "2025-02-11"), key("B1", "2025-02-12", "9999-12-31"),
                    key("B2", "2025-01-11", "2025-06-01"), key("B2", "2025-07-01", "9999-12-31"));
        }
    }

    @Test
    void random_units_contribute_what_the_macros_give() throws SQLException {
        Random random = new Random(7);
        List<String> units = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            for (int u = 0; u < 300; u++) {
                String unit = "R" + u;
                units.add(unit);
                unit(c, unit, random.nextBoolean() ? "B1" : "B2");
                int statements = random.nextInt(8);
                for (int s = 0; s < statements; s++) {
                    // across a year end, so that every class of kpi_fee_paid_by and
                    // kpi_fee_recovery_class occurs (checked below)
                    LocalDate issued = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(120));
                    LocalDate due = issued.plusDays(random.nextInt(40) - 5);
                    int cents = 100 + random.nextInt(20_000);
                    String no = unit + "-" + s;
                    statement(c, no, unit, issued.toString().substring(0, 7),
                            BigDecimal.valueOf(cents, 2).toPlainString(), issued.toString(), due.toString());
                    // nothing, part or all of it, in up to three allocations on nearby days (one
                    // in four up to 500 days later)
                    int left = random.nextInt(3) == 0 ? cents : random.nextInt(cents + 1);
                    for (int a = 0; a < 3 && left > 0; a++) {
                        int part = a == 2 ? left : 1 + random.nextInt(left);
                        int days = random.nextInt(4) == 0 ? random.nextInt(500) : random.nextInt(80);
                        allocation(c, unit, no, issued.plusDays(days).toString(),
                                BigDecimal.valueOf(part, 2).toPlainString());
                        left -= part;
                    }
                }
            }
            int spells = 0;
            for (String unit : units) {
                spells += compare(c, unit);
            }
            assertThat(spells).as("spells compared").isGreaterThan(200);
            KpiSummaries.Contribution all = KpiSummaries.contribution(c, units);
            // paid_by: the period month, its quarter's last month, its year's, after all three
            assertThat(all.rows(4).keySet()).extracting(k -> {
                LocalDate period = (LocalDate) k.get(2);
                LocalDate paidBy = (LocalDate) k.get(3);
                return paidBy.equals(period) ? "month" : paidBy.getYear() == 9999 ? "later"
                        : paidBy.getMonthValue() == 12 && paidBy.getMonthValue() % 3 == 0
                                && !paidBy.equals(period.withMonth((period.getMonthValue() - 1) / 3 * 3 + 3))
                                ? "year" : "quarter";
            }).contains("month", "quarter", "year", "later");
            // k_class: the allocation month's year start, quarter start or the month itself
            assertThat(all.rows(5).keySet()).extracting(k -> {
                LocalDate month = (LocalDate) k.get(1);
                LocalDate kClass = (LocalDate) k.get(2);
                return kClass.equals(month.withMonth(1)) ? "year"
                        : kClass.equals(month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1))
                                ? "quarter" : "month";
            }).contains("year", "quarter", "month");
            c.rollback();
        }
    }

    /** Asserts the Java rows equal the macros' for the unit; returns its spells. */
    private static int compare(Connection c, String unit) throws SQLException {
        KpiSummaries.Contribution java = KpiSummaries.contribution(c, List.of(unit));
        List<Map<List<Object>, BigDecimal>> reference = List.of(new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        try (PreparedStatement ps = c.prepareStatement(REFERENCE)) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, unit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int table = rs.getInt(1);
                    List<Object> key = new ArrayList<>();
                    key.add(rs.getString(2));
                    for (int d = 0; d < DATES[table]; d++) {
                        key.add(rs.getObject(3 + d, LocalDate.class));
                    }
                    reference.get(table).merge(key, rs.getBigDecimal(7), BigDecimal::add);
                    if (table == 1) {
                        List<Object> month = new ArrayList<>(key.subList(0, 4));
                        month.add(((LocalDate) key.get(4)).withDayOfMonth(1));
                        reference.get(2).merge(month, rs.getBigDecimal(7), BigDecimal::add);
                    }
                }
            }
        }
        for (int t = 0; t < reference.size(); t++) {
            Map<List<Object>, BigDecimal> expected = new HashMap<>();
            reference.get(t).forEach((k, v) -> expected.put(k, v.stripTrailingZeros()));
            Map<List<Object>, BigDecimal> actual = new HashMap<>();
            java.rows(t).forEach((k, v) -> actual.put(k, v.stripTrailingZeros()));
            assertThat(actual).as("unit %s table %d", unit, t).isEqualTo(expected);
        }
        return reference.get(3).size();
    }

    private static List<Object> key(String building, String from, String to) {
        return List.of(building, LocalDate.parse(from), LocalDate.parse(to));
    }

    private static void unit(Connection c, String unit, String building) throws SQLException {
        run(c, "insert into units (unit_code, building_code, area_sqm) values (?, ?, 80)", unit, building);
    }

    private static void statement(Connection c, String no, String unit, String period, String amount,
            String issued, String due) throws SQLException {
        run(c, "insert into statements (statement_no, unit_code, period, amount, issued_on, due_on)"
                + " values (?, ?, ?, cast(? as decimal(14,2)), cast(? as date), cast(? as date))",
                no, unit, period, amount, issued, due);
    }

    private static void allocation(Connection c, String unit, String statementNo, String on, String amount)
            throws SQLException {
        run(c, "insert into payment_allocations (unit_code, statement_no, allocated_on, amount)"
                + " values (?, ?, cast(? as date), cast(? as decimal(14,2)))", unit, statementNo, on, amount);
    }

    private static void run(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}

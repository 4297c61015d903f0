package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact arithmetic of sql/common.sql (KPI.md "Common rules": a ratio rounded half away from
 * zero, NULL for an empty denominator; continuous percentiles) against Java's BigDecimal, and the
 * bounds of a range of periods against the periods themselves, on an in-memory DuckDB with only
 * common.sql's scalar macros and kpi_periods applied.
 */
class KpiArithmeticTest {

    private static Connection connection;

    @BeforeAll
    static void applyCommon() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = connection.createStatement()) {
            for (String statement : Pattern.compile(";\\s*(\\n|$)").split(KpiViews.read("common"))) {
                String sql = statement.replaceAll("(?m)--.*$", "").strip();
                // the scalar macros and kpi_periods only: the views and other table macros read
                // the tables
                if (sql.startsWith("create or replace macro")
                        && (!sql.contains(" as table") || sql.contains("macro kpi_periods("))) {
                    st.execute(sql);
                }
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** n / d * f rounded half away from zero (BigDecimal's HALF_UP), NULL when d is 0 or absent. */
    private static BigInteger expected(Long n, Long d, int f) {
        if (n == null || d == null || d == 0) {
            return null;
        }
        return new BigDecimal(n).multiply(BigDecimal.valueOf(f))
                .divide(new BigDecimal(d), 0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    @Test
    void ratiosRoundHalfAwayFromZeroAndAreNullForAnEmptyDenominator() throws SQLException {
        List<Long[]> cases = new ArrayList<>(List.of(
                new Long[] {1L, 3L}, new Long[] {2L, 3L}, new Long[] {-2L, 3L}, new Long[] {2L, -3L},
                new Long[] {-2L, -3L}, new Long[] {1L, 8L}, new Long[] {-1L, 8L}, new Long[] {0L, 5L},
                new Long[] {5L, 0L}, new Long[] {0L, 0L}, new Long[] {null, 4L}, new Long[] {4L, null},
                new Long[] {null, null}, new Long[] {null, 0L},
                // half a unit of the last place exactly: 1/20000 = 0.00005 -> 0.0001, -> -0.0001
                new Long[] {1L, 20_000L}, new Long[] {-1L, 20_000L}, new Long[] {1L, 20_001L},
                // both sides of 10^14, where the 64-bit branch gives way to the 128-bit one
                new Long[] {99_999_999_999_999L, 3L}, new Long[] {-99_999_999_999_999L, 7L},
                new Long[] {100_000_000_000_000L, 3L}, new Long[] {-100_000_000_000_000L, 7L},
                new Long[] {2L, 99_999_999_999_999L}, new Long[] {2L, -100_000_000_000_000L},
                new Long[] {99_999_999_999_999L, 99_999_999_999_998L},
                // money in cents far beyond any company's totals: no overflow
                new Long[] {900_000_000_000_000L, 900_000_000_000_001L},
                new Long[] {Long.MAX_VALUE / 3, Long.MAX_VALUE / 2}));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            long d = random.nextInt(2_000) - 1_000;
            long n = random.nextInt(4_000) - 2_000;
            cases.add(new Long[] {n, d});
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "select kpi_rdiv(?::bigint, ?::bigint, 10000), kpi_rdiv(?::bigint, ?::bigint, 10),"
                        + " kpi_div4(?::bigint, ?::bigint), kpi_div1(?::bigint, ?::bigint)")) {
            for (Long[] c : cases) {
                for (int k = 0; k < 4; k++) {
                    ps.setObject(2 * k + 1, c[0], Types.BIGINT);
                    ps.setObject(2 * k + 2, c[1], Types.BIGINT);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String what = c[0] + " / " + c[1];
                    BigInteger four = expected(c[0], c[1], 10_000);
                    BigInteger one = expected(c[0], c[1], 10);
                    assertThat(rs.getString(1)).as(what).isEqualTo(four == null ? null : four.toString());
                    assertThat(rs.getString(2)).as(what).isEqualTo(one == null ? null : one.toString());
                    assertThat(rs.getBigDecimal(3)).as(what)
                            .isEqualTo(four == null ? null : new BigDecimal(four, 4));
                    assertThat(rs.getBigDecimal(4)).as(what)
                            .isEqualTo(one == null ? null : new BigDecimal(one, 1));
                }
            }
        }
    }

    @Test
    void moneyRatiosGoThroughWholeCents() throws SQLException {
        String[][] cases = {
            // 123456 / 987654 = 0.124998...
            {"1234.56", "9876.54", "0.1250"},
            {"-1234.56", "9876.54", "-0.1250"},
            {"0.01", "200.00", "0.0001"},
            {"-0.01", "200.00", "-0.0001"},
            {"0.01", "200.01", "0.0000"},
            {"5.00", "0.00", null},
            {null, "3.00", null},
            // sums up to 10^14 yuan less a cent (beyond, the query fails rather than rounds)
            {"99999999999999.99", "99999999999999.99", "1.0000"},
            {"33333333333333.33", "99999999999999.99", "0.3333"},
            {"-99999999999999.99", "33333333333333.33", "-3.0000"}};
        try (PreparedStatement ps = connection.prepareStatement(
                "select cast(kpi_cents(?::decimal(38,2)) as varchar), kpi_div4(kpi_cents(?::decimal(38,2)),"
                        + " kpi_cents(?::decimal(38,2)))")) {
            for (String[] c : cases) {
                ps.setBigDecimal(1, c[0] == null ? null : new BigDecimal(c[0]));
                ps.setBigDecimal(2, c[0] == null ? null : new BigDecimal(c[0]));
                ps.setBigDecimal(3, new BigDecimal(c[1]));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String cents = c[0] == null ? null : new BigDecimal(c[0]).movePointRight(2).toString();
                    assertThat(rs.getString(1)).as(c[0]).isEqualTo(cents);
                    assertThat(rs.getBigDecimal(2)).as(c[0] + " / " + c[1])
                            .isEqualTo(c[2] == null ? null : new BigDecimal(c[2]));
                }
            }
        }
    }

    /** The continuous percentile times 10 of a sorted list: linear between the closest ranks. */
    private static BigInteger percentile10(List<Long> sorted, int q10) {
        if (sorted.isEmpty()) {
            return null;
        }
        int h10 = (sorted.size() - 1) * q10;
        int lo = h10 / 10;
        BigInteger value = BigInteger.valueOf(sorted.get(lo)).multiply(BigInteger.TEN);
        if (h10 % 10 == 0) {
            return value;
        }
        long step = sorted.get(lo + 1) - sorted.get(lo);
        return value.add(BigInteger.valueOf(step).multiply(BigInteger.valueOf(h10 % 10)));
    }

    /**
     * kpi_tenths of DuckDB's quantile_cont, as the families take their medians and p90s, is
     * exactly ten times the continuous percentile: lists of 0 to 40 values (NULLs among them,
     * which are left out), values up to 3 * 10^9 s (95 years), and the lists where the double
     * falls just short of the exact value ([0 x 7, 10]: 2.9999999999999982 for p90).
     */
    @Test
    void percentilesInterpolateExactlyBetweenRanks() throws SQLException {
        Random random = new Random(11);
        List<List<Long>> lists = new ArrayList<>();
        lists.add(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 10L));
        lists.add(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1_000_000L));
        lists.add(List.of(1L, 4L, 10L, 2_999_999_999L));
        for (int i = 0; i < 600; i++) {
            int size = i % 41;
            long bound = i % 3 == 0 ? 3_000_000_000L : i % 3 == 1 ? 200_000L : 20L;
            List<Long> values = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                values.add(random.nextLong(bound));
            }
            lists.add(values);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "select kpi_tenths(q[1]), kpi_tenths(q[2]), kpi_tenths(m) from ("
                        + "select quantile_cont(v, [0.5, 0.9]) as q, quantile_cont(v, 0.5) as m"
                        + " from unnest(cast(? as bigint[])) t(v))")) {
            for (List<Long> values : lists) {
                // a NULL in every list but the empty ones: quantile_cont leaves it out
                String array = values.isEmpty() ? "[]"
                        : values.toString().replace("[", "[NULL, ");
                ps.setString(1, array);
                List<Long> sorted = new ArrayList<>(values);
                sorted.sort(null);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    BigInteger median = percentile10(sorted, 5);
                    BigInteger p90 = percentile10(sorted, 9);
                    assertThat(rs.getString(1)).as(array)
                            .isEqualTo(median == null ? null : median.toString());
                    assertThat(rs.getString(2)).as(array).isEqualTo(p90 == null ? null : p90.toString());
                    assertThat(rs.getString(3)).as(array)
                            .isEqualTo(median == null ? null : median.toString());
                }
            }
        }
    }

    /**
     * kpi_range_start and kpi_range_end, the bounds the families filter their records by before
     * joining the periods, are the first day of the first period and the day after the last
     * period of kpi_periods, whose days are contiguous, for every grain and many ranges (weeks
     * across year ends and month ends on any weekday).
     */
    @Test
    void rangeBoundsAreThoseOfThePeriods() throws SQLException {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 11);
                !m.isAfter(YearMonth.of(2026, 2)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        int checked = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "select kpi_range_start(cast(? as varchar), cast(? as varchar)),"
                        + " kpi_range_end(cast(? as varchar), cast(? as varchar)),"
                        + " min(p_start), max(p_end) + 1, sum(p_end - p_start + 1)"
                        + " from kpi_periods(cast(? as varchar), cast(? as varchar),"
                        + " cast(? as varchar))")) {
            for (String grain : List.of("month", "quarter", "year", "week")) {
                for (int a = 0; a < months.size(); a += 2) {
                    for (int b = a; b < months.size(); b += 3) {
                        String from = months.get(a);
                        String to = months.get(b);
                        Object[] binds = {grain, from, grain, to, grain, from, to};
                        for (int i = 0; i < binds.length; i++) {
                            ps.setObject(i + 1, binds[i]);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            LocalDate start = rs.getObject(1, LocalDate.class);
                            LocalDate end = rs.getObject(2, LocalDate.class);
                            String where = grain + " " + from + ".." + to;
                            assertThat(start).as(where).isEqualTo(rs.getObject(3, LocalDate.class));
                            assertThat(end).as(where).isEqualTo(rs.getObject(4, LocalDate.class));
                            assertThat(rs.getLong(5)).as(where + " contiguous")
                                    .isEqualTo(ChronoUnit.DAYS.between(start, end));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(250);
    }
}

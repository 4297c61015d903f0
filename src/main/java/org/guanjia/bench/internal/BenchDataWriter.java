package org.guanjia.bench.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * Writes the benchmark company with the set-based steps of {@link BenchSql} on one connection
 * (the helper macros are per connection), each step committed on its own so that DuckDB's
 * write-ahead log stays small. The allocation is not here: the service runs it through
 * billing's one-pass replay.
 */
@Repository
public class BenchDataWriter {

    /** Tables that must be empty before a run (the migrations fill only lookups and settings). */
    private static final List<String> MUST_BE_EMPTY = List.of("estates", "clusters", "buildings", "units",
            "staff", "statements", "payments", "payment_allocations", "complaints", "repairs", "visits",
            "vacancy_inspections", "collection_actions", "patrols");

    private final DataSource dataSource;

    BenchDataWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The shape of a run: units, months of history ending with the month of {@code today}. */
    public record Plan(int units, int months, long seed, LocalDate today, LocalDateTime now) {

        public int buildings() {
            return (units + 149) / 150;
        }

        public int clusters() {
            return (buildings() + 2) / 3;
        }

        public int estates() {
            return Math.min(25, clusters());
        }

        public YearMonth first() {
            return YearMonth.from(today).minusMonths(months - 1L);
        }

        /** The property fee rises half-way through the history. */
        public YearMonth rateChange() {
            return first().plusMonths(months / 2);
        }
    }

    /** The first data table that holds rows, if any. */
    public Optional<String> firstNonEmptyTable() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : MUST_BE_EMPTY) {
                try (ResultSet rs = st.executeQuery("select exists (select 1 from " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(table);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes everything but the allocation; reports each table with its row count and the time
     * its step took (ms) to {@code step}. Leaves no helper table behind.
     */
    public void write(Plan plan, BiConsumer<String, long[]> step) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : BenchSql.MACROS) {
                st.execute(fill(sql, plan));
            }
            long t = System.nanoTime();
            for (String sql : BenchSql.HELPERS) {
                st.execute(fill(sql, plan));
            }
            step.accept("(helper tables)", new long[] {count(st, "bench_units"), ms(t)});
            List<BenchSql.Step> steps = new ArrayList<>(BenchSql.MASTER);
            steps.add(BenchSql.STATEMENTS);
            steps.add(BenchSql.PAYMENTS);
            steps.addAll(BenchSql.SERVICE);
            for (BenchSql.Step s : steps) {
                t = System.nanoTime();
                for (String sql : s.sql()) {
                    st.execute(fill(sql, plan));
                }
                step.accept(s.table(), new long[] {count(st, s.table()), ms(t)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark data: " + e.getMessage(), e);
        } finally {
            dropHelpers();
        }
    }

    /** Row counts of the tables a run fills. */
    public Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : tables) {
                counts.put(table, count(st, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Every unit code, in code order (for the allocation). */
    public List<String> unitCodes() {
        List<String> codes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select unit_code from units order by unit_code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return codes;
    }

    /** The benchmark's sign-in accounts: bench-admin (ADMIN) and bench-manager (MANAGER). */
    public void addUsers(String passwordHash) {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "insert into app_users (username, password_hash, display_name, role, staff_code, locale)"
                        + " values (?, ?, ?, ?, ?, 'zh-CN')")) {
            for (String[] u : new String[][] {{"bench-admin", "Bench Admin", "ADMIN", null},
                {"bench-manager", "Bench Manager", "MANAGER", "SM01"}}) {
                ps.setString(1, u[0]);
                ps.setString(2, passwordHash);
                ps.setString(3, u[1]);
                ps.setString(4, u[2]);
                ps.setString(5, u[3]);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes DuckDB's write-ahead log into the file, so that the file size is the data's. */
    public void checkpoint() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void dropHelpers() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : BenchSql.DROP_HELPERS) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Replaces the placeholders with the plan's numbers and ISO dates (no user text). */
    static String fill(String sql, Plan p) {
        return sql.replace(":seed", Long.toString(p.seed()))
                .replace(":units", Integer.toString(p.units()))
                .replace(":months", Integer.toString(p.months()))
                .replace(":buildings", Integer.toString(p.buildings()))
                .replace(":clusters", Integer.toString(p.clusters()))
                .replace(":estates", Integer.toString(p.estates()))
                .replace(":rateChangeOn", p.rateChange().atDay(1).toString())
                .replace(":rateChange", Integer.toString(p.months() / 2))
                .replace(":first", p.first().atDay(1).toString())
                .replace(":today", p.today().toString())
                .replace(":now", p.now().withNano(0).toString().replace('T', ' '));
    }
}

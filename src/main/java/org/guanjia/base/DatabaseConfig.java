package org.guanjia.base;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * One DuckDB database file, opened once by this process and shared by two small pools of
 * connections to that one instance (DuckDB allows a single writing process per file).
 */
@Configuration
public class DatabaseConfig {

    /**
     * Two pools on the one database instance: {@code guanjia.pool-size} connections for
     * everything, and {@code guanjia.read-pool-size} more that only read-only transactions take
     * (the KPIs, dashboards, lists: {@code @Transactional(readOnly = true)}), so that a manager's
     * figures do not queue behind the butlers' saves for a connection (0: one pool for all).
     * Spring's {@link LazyConnectionDataSourceProxy} fetches the connection at the first
     * statement, when the transaction's read-only flag is known. Each connection keeps up to
     * {@code guanjia.statement-cache} prepared statements ({@link StatementCache}; 0: none,
     * each statement prepared anew as the driver does). {@code guanjia.duckdb-threads} caps the
     * threads DuckDB gives one query (0: its default, one per core), and while two or more of
     * the main and read pools' connections are in use at once each query gets
     * {@code guanjia.duckdb-threads-shared} (1; 0: no switching) — {@link QueryThreads}: a lone
     * query uses every core, queries side by side leave cores to each other and to the saves
     * (README, "Configuration"). The KPI helper threads ({@code guanjia.kpi-parallel} - 1 of them,
     * {@link HelperConnections}) take their read-only connections from a third pool, one
     * connection each, so that they never wait for a connection a thread they help holds.
     */
    @Bean(destroyMethod = "close")
    Pools dataSource(GuanjiaProperties properties,
            @Value("${guanjia.statement-cache:" + StatementCache.DEFAULT_SIZE + "}") int statementCache,
            @Value("${guanjia.read-pool-size:4}") int readPoolSize,
            @Value("${guanjia.duckdb-threads:0}") int duckdbThreads,
            @Value("${guanjia.duckdb-threads-shared:1}") int sharedThreads,
            @Value("${guanjia.kpi-parallel:2}") int kpiParallel,
            @Value("${guanjia.duckdb-index-scan-percentage:" + INDEX_SCAN_PERCENTAGE + "}")
                    double indexScanPercentage) {
        Pools pools = dataSource(properties, statementCache, readPoolSize, duckdbThreads,
                sharedThreads, kpiParallel, CALM_MILLIS);
        try {
            indexScans(pools, indexScanPercentage);
        } catch (RuntimeException e) {
            pools.close();
            throw e;
        }
        return pools;
    }

    /**
     * The share of a table's rows below which DuckDB reads the rows an equality filter on an
     * indexed column matches through the index rather than by scanning the table (its default:
     * 0.1 %, and always below 2,048 rows). An index scan fetches each row apart from the
     * compressed columns, about 0.1 ms a row here, while a scan filters some 50 million values a
     * second: at the demo's size a unit's 56 statements took 6.7 ms through the index and 2.5 ms
     * by a scan of all 135,706, and with this threshold the payments' p50 in the load test with
     * the saves alone went from 76 ms to 49 ms (docs/performance.md). At 500,000 units (18
     * million statements) a unit's rows are still read through the index, as is any single row
     * by its key in a table of more than 10,000 rows.
     */
    static final String INDEX_SCAN_PERCENTAGE = "0.0001";

    /** Sets DuckDB's index scan threshold (global: every connection of the instance). */
    static void indexScans(DataSource pools, double percentage) {
        if (!(percentage >= 0 && percentage <= 1)) {
            throw new IllegalStateException("guanjia.duckdb-index-scan-percentage"
                    + " (GUANJIA_DUCKDB_INDEX_SCAN_PERCENTAGE) must be a fraction from 0 to 1, not "
                    + percentage);
        }
        try (Connection c = pools.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET index_scan_max_count = 0");
            st.execute("SET index_scan_percentage = " + percentage);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set DuckDB's index scan threshold: "
                    + e.getMessage(), e);
        }
    }

    /** How long at most one connection must have been in use before queries get every thread again. */
    static final long CALM_MILLIS = 1_000;

    /** As the bean, with the calm of {@link QueryThreads} given (the tests'). */
    Pools dataSource(GuanjiaProperties properties, int statementCache, int readPoolSize,
            int duckdbThreads, int sharedThreads, int kpiParallel, long calmMillis) {
        Path file = properties.dbPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the database " + file, e);
        }
        if (duckdbThreads < 0) {
            throw new IllegalStateException("guanjia.duckdb-threads (GUANJIA_DUCKDB_THREADS) must be 0"
                    + " (one per core) or a number of threads, not " + duckdbThreads);
        }
        if (sharedThreads < 0) {
            throw new IllegalStateException("guanjia.duckdb-threads-shared (GUANJIA_DUCKDB_THREADS_SHARED)"
                    + " must be 0 (no switching) or a number of threads, not " + sharedThreads);
        }
        String url = "jdbc:duckdb:" + file;
        QueryThreads threads = sharedThreads > 0 && (duckdbThreads == 0 || sharedThreads < duckdbThreads)
                ? switching(url, duckdbThreads, sharedThreads, calmMillis) : null;
        // without switching: one setting of the shared instance, set again by each new connection
        String init = threads == null && duckdbThreads > 0 ? "SET threads = " + duckdbThreads : null;
        HikariDataSource main = pool("guanjia-duckdb", url, properties.poolSize(), statementCache, init);
        HikariDataSource reads = readPoolSize > 0
                ? pool("guanjia-duckdb-reads", url, readPoolSize, statementCache, init) : null;
        HikariDataSource helpers = kpiParallel > 1
                ? pool("guanjia-duckdb-helpers", url, kpiParallel - 1, statementCache, init) : null;
        return new Pools(main, reads, helpers, threads);
    }

    /**
     * The switch of DuckDB's threads on a connection of its own (closed with it), or null when
     * a query alone gets no more threads than {@code sharedThreads} (one core).
     */
    private static QueryThreads switching(String url, int duckdbThreads, int sharedThreads,
            long calmMillis) {
        Connection control = null;
        try {
            control = new org.duckdb.DuckDBDriver().connect(url, new java.util.Properties());
            int full = duckdbThreads > 0 ? duckdbThreads : currentThreads(control);
            if (sharedThreads >= full) {
                control.close();
                return null;
            }
            Connection on = control;
            setThreads(on, full);
            return new QueryThreads(full, sharedThreads, calmMillis, System::nanoTime,
                    n -> setThreads(on, n), on);
        } catch (SQLException e) {
            if (control != null) {
                try {
                    control.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalStateException("Cannot open the database " + url + ": " + e.getMessage(), e);
        }
    }

    private static int currentThreads(Connection c) throws SQLException {
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select current_setting('threads')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void setThreads(Connection c, int threads) {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static HikariDataSource pool(String name, String url, int size, int statementCache) {
        return pool(name, url, size, statementCache, null);
    }

    /** As {@link #pool(String, String, int, int)}; {@code initSql} (or null) runs on each new connection. */
    static HikariDataSource pool(String name, String url, int size, int statementCache, String initSql) {
        HikariConfig config = new HikariConfig();
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        config.setPoolName(name);
        if (statementCache > 0) {
            config.setDataSource(StatementCache.dataSource(url, statementCache));
        } else {
            config.setDriverClassName("org.duckdb.DuckDBDriver");
            config.setJdbcUrl(url);
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        // keep one connection open so the database instance stays open between requests
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return new HikariDataSource(config);
    }

    /**
     * The application's data source: the main pool, the read pool for read-only work, and the
     * helpers' pool for the read-only work of a helper thread ({@link HelperConnections}).
     */
    public static final class Pools extends LazyConnectionDataSourceProxy implements AutoCloseable {
        private final HikariDataSource main;
        private final HikariDataSource reads;
        private final HikariDataSource helpers;
        private final QueryThreads threads;

        Pools(HikariDataSource main, HikariDataSource reads, HikariDataSource helpers) {
            this(main, reads, helpers, null);
        }

        /**
         * @param threads the switch of DuckDB's threads that counts the main and read pools'
         *                connections in use (null: none), closed with the pools
         */
        Pools(HikariDataSource main, HikariDataSource reads, HikariDataSource helpers,
                QueryThreads threads) {
            super(threads == null ? main : threads.counted(main));
            this.main = main;
            this.reads = reads;
            this.helpers = helpers;
            this.threads = threads;
            DataSource others = reads != null ? reads : main;
            if (threads != null) {
                others = threads.counted(others);
            }
            if (helpers == null) {
                if (reads != null) {
                    setReadOnlyDataSource(others);
                }
            } else {
                DataSource shared = others;
                setReadOnlyDataSource(new DelegatingDataSource(shared) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        return (HelperConnections.helping() ? helpers : shared).getConnection();
                    }
                });
            }
        }

        /** The switch of DuckDB's threads, or null when there is none (for the tests). */
        QueryThreads queryThreads() {
            return threads;
        }

        @Override
        public void close() {
            if (threads != null) {
                threads.close();
            }
            for (HikariDataSource pool : new HikariDataSource[] {helpers, reads}) {
                if (pool != null) {
                    pool.close();
                }
            }
            main.close();
        }
    }

    /** jOOQ must not read warnings from a failed DuckDB statement (it is already closed). */
    @Bean
    DefaultConfigurationCustomizer guanjiaJooqCustomizer(AuditStampListener stampListener) {
        return c -> {
            c.settings().withFetchWarnings(false).withRenderSchema(false);
            c.set(stampListener);
        };
    }

    /** "Today" is the estates' local day (KPI.md), not the server's: containers run in UTC. */
    @Bean
    Clock clock(GuanjiaProperties properties) {
        return Clock.system(properties.timezone());
    }
}

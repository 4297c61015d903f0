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
     * threads DuckDB gives one query (0: its default, one per core): on two cores, 1 leaves a
     * core to the saves while a KPI query runs, at the price of slower single queries (README,
     * "Configuration"). The KPI helper threads ({@code guanjia.kpi-parallel} - 1 of them,
     * {@link HelperConnections}) take their read-only connections from a third pool, one
     * connection each, so that they never wait for a connection a thread they help holds.
     */
    @Bean(destroyMethod = "close")
    Pools dataSource(GuanjiaProperties properties,
            @Value("${guanjia.statement-cache:" + StatementCache.DEFAULT_SIZE + "}") int statementCache,
            @Value("${guanjia.read-pool-size:4}") int readPoolSize,
            @Value("${guanjia.duckdb-threads:0}") int duckdbThreads,
            @Value("${guanjia.kpi-parallel:2}") int kpiParallel) {
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
        String url = "jdbc:duckdb:" + file;
        // one setting of the shared instance, set again by each new connection (harmless)
        String init = duckdbThreads > 0 ? "SET threads = " + duckdbThreads : null;
        HikariDataSource main = pool("guanjia-duckdb", url, properties.poolSize(), statementCache, init);
        HikariDataSource reads = readPoolSize > 0
                ? pool("guanjia-duckdb-reads", url, readPoolSize, statementCache, init) : null;
        HikariDataSource helpers = kpiParallel > 1
                ? pool("guanjia-duckdb-helpers", url, kpiParallel - 1, statementCache, init) : null;
        return new Pools(main, reads, helpers);
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

        Pools(HikariDataSource main, HikariDataSource reads, HikariDataSource helpers) {
            super(main);
            this.main = main;
            this.reads = reads;
            this.helpers = helpers;
            DataSource others = reads != null ? reads : main;
            if (helpers == null) {
                if (reads != null) {
                    setReadOnlyDataSource(reads);
                }
            } else {
                setReadOnlyDataSource(new DelegatingDataSource(others) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        return (HelperConnections.helping() ? helpers : others).getConnection();
                    }
                });
            }
        }

        @Override
        public void close() {
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

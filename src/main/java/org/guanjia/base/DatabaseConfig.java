package org.guanjia.base;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DuckDB database file, opened once by this process and shared by a small pool of
 * connections (DuckDB allows a single writing process per file).
 */
@Configuration
public class DatabaseConfig {

    /**
     * The pool's connections keep up to {@code statementCache} prepared statements each
     * ({@link StatementCache}; 0: none, each statement prepared anew as the driver does).
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(GuanjiaProperties properties,
            @Value("${guanjia.statement-cache:128}") int statementCache) {
        Path file = properties.dbPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the database " + file, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("guanjia-duckdb");
        String url = "jdbc:duckdb:" + file;
        if (statementCache > 0) {
            config.setDataSource(StatementCache.dataSource(url, statementCache));
        } else {
            config.setDriverClassName("org.duckdb.DuckDBDriver");
            config.setJdbcUrl(url);
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(1);
        // keep one connection open so the database instance stays open between requests
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return new HikariDataSource(config);
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

package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The gate on a real DuckDB file and a real pool: reads queue without holding connections. */
class AnalyticsGateTest {

    @TempDir
    Path dir;

    HikariDataSource pool;
    JdbcTemplate jdbc;
    AnalyticsGate gate;

    @BeforeEach
    void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:duckdb:" + dir.resolve("gate.duckdb"));
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(500);
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("create table t (x integer)");
        jdbc.execute("insert into t values (1), (2), (3)");
        gate = new AnalyticsGate(new DataSourceTransactionManager(pool), 1);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void a_waiting_read_holds_no_connection_so_a_write_still_gets_one() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        CountDownLatch secondIn = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> gate.read(() -> {
            Integer n = jdbc.queryForObject("select count(*) from t", Integer.class);
            firstIn.countDown();
            await(letFirstGo);
            return n;
        }));
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> gate.read(() -> {
            secondIn.countDown();
            return jdbc.queryForObject("select sum(x) from t", Integer.class);
        }));
        Thread.sleep(300);
        assertThat(secondIn.getCount()).as("the second read waits for the first").isEqualTo(1);
        // pool of 2: the first read holds one, the waiting read none, so a write gets the other
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("insert into t values (4)");
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
        letFirstGo.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(10);
    }

    @Test
    void a_read_inside_a_read_does_not_wait_for_itself_and_uses_the_same_connection() {
        int inner = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> gate.read(() -> {
            int outerConnections = pool.getHikariPoolMXBean().getActiveConnections();
            return gate.read(() -> {
                assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                        .isEqualTo(outerConnections).isEqualTo(1);
                return jdbc.queryForObject("select max(x) from t", Integer.class);
            });
        }));
        assertThat(inner).isEqualTo(3);
        // the permit came back: another read gets in
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> gate.read(() -> 7))).isEqualTo(7);
    }

    @Test
    void the_default_is_one_read_per_core() {
        assertThat(new AnalyticsGate(new DataSourceTransactionManager(pool), 0).size())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

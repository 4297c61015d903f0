package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two pools of {@link DatabaseConfig} on one DuckDB file: read-only transactions take a
 * connection of the read pool, the others of the main pool, and a read does not wait while every
 * main connection is held by a writer.
 */
class DatabasePoolsTest {

    @TempDir
    Path dir;

    private HikariDataSource main;
    private HikariDataSource reads;
    private HikariDataSource helpers;
    private DatabaseConfig.Pools pools;
    private DataSourceTransactionManager tm;

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("pools.duckdb");
        main = DatabaseConfig.pool("test-main", url, 1, 16);
        main.setConnectionTimeout(2_000);
        reads = DatabaseConfig.pool("test-reads", url, 1, 16);
        reads.setConnectionTimeout(2_000);
        helpers = DatabaseConfig.pool("test-helpers", url, 1, 16);
        helpers.setConnectionTimeout(2_000);
        pools = new DatabaseConfig.Pools(main, reads, helpers);
        tm = new DataSourceTransactionManager(pools);
        try (Connection c = pools.getConnection(); Statement st = c.createStatement()) {
            st.execute("create table t (n integer)");
            st.execute("insert into t values (1), (2)");
        }
    }

    @AfterEach
    void close() {
        pools.close();
        assertThat(main.isClosed()).isTrue();
        assertThat(reads.isClosed()).isTrue();
        assertThat(helpers.isClosed()).isTrue();
    }

    private long count(boolean readOnly, boolean[] usedReadPool) {
        TransactionTemplate tx = new TransactionTemplate(tm);
        tx.setReadOnly(readOnly);
        return tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(pools);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from t")) {
                usedReadPool[0] = reads.getHikariPoolMXBean().getActiveConnections() == 1;
                usedReadPool[1] = main.getHikariPoolMXBean().getActiveConnections() == 1;
                rs.next();
                return rs.getLong(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, pools);
            }
        });
    }

    /**
     * A KPI helper thread reads while the thread it helps holds every connection of the read
     * pool (and waits for it): its read-only transaction takes a connection of the helpers'
     * pool. Taken from the read pool it would wait for the pool's timeout and fail.
     */
    @Test
    void a_helpers_read_does_not_wait_for_the_read_connection_of_the_thread_it_helps() throws Exception {
        ExecutorService helper = Executors.newSingleThreadExecutor();
        try {
            TransactionTemplate caller = new TransactionTemplate(tm);
            caller.setReadOnly(true);
            long[] helped = new long[1];
            caller.executeWithoutResult(status -> {
                Connection c = DataSourceUtils.getConnection(pools);
                try (Statement st = c.createStatement()) {
                    st.execute("select 1");
                    assertThat(reads.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
                    // the read pool's one connection is the caller's (a 2 s timeout)
                    helped[0] = helper.submit(() -> HelperConnections.run(
                            () -> count(true, new boolean[2]))).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    DataSourceUtils.releaseConnection(c, pools);
                }
            });
            assertThat(helped[0]).isEqualTo(2);
            // outside a helper, a read-only transaction still takes the read pool
            boolean[] used = new boolean[2];
            assertThat(count(true, used)).isEqualTo(2);
            assertThat(used).containsExactly(true, false);
            assertThat(helpers.getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            helper.shutdownNow();
        }
    }

    /** guanjia.duckdb-threads: every pooled connection sets it on the one shared instance. */
    @Test
    void the_threads_setting_reaches_the_database_and_a_negative_one_is_refused() throws Exception {
        DatabaseConfig config = new DatabaseConfig();
        GuanjiaProperties props = new GuanjiaProperties(dir.resolve("threads.duckdb"), false, null, 0,
                0, 2, null);
        // 3: not the default on any machine this runs on (one per core)
        try (DatabaseConfig.Pools one = config.dataSource(props, 16, 1, 3, 1, 2, 0.0001);
                Connection c = one.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('threads')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
        assertThatThrownBy(() -> config.dataSource(props, 16, 1, -1, 1, 2, 0.0001))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guanjia.duckdb-threads").hasMessageContaining("-1");
    }

    /**
     * guanjia.duckdb-index-scan-percentage: a few rows of a small table are read by a scan, not
     * through the index (as DuckDB's default threshold would), on every connection; a value
     * that is not a fraction is refused.
     */
    @Test
    void the_index_scan_threshold_reaches_every_connection_and_a_bad_one_is_refused()
            throws Exception {
        DatabaseConfig config = new DatabaseConfig();
        GuanjiaProperties props = new GuanjiaProperties(dir.resolve("index.duckdb"), false, null, 0,
                0, 2, null);
        try (DatabaseConfig.Pools one = config.dataSource(props, 16, 1, 0, 1, 2, 0.0001);
                Connection c = one.getConnection(); Statement st = c.createStatement()) {
            st.execute("create table r as select i, 'u' || (i % 2000) as unit from range(20000) t(i)");
            st.execute("create index r_unit on r (unit)");
            // 10 rows of 20,000: under DuckDB's 2,048, over this threshold's 2
            String lookup = "explain analyze select * from r where unit = 'u7'";
            assertThat(plan(st, lookup)).contains("Sequential Scan").doesNotContain("Index Scan");
            try (Connection other = one.getConnection(); Statement o = other.createStatement()) {
                o.execute("begin transaction read only");
                assertThat(plan(o, lookup)).contains("Sequential Scan");
                o.execute("commit");
            }
            st.execute("SET index_scan_max_count = 2048");
            st.execute("SET index_scan_percentage = 0.001");
            assertThat(plan(st, lookup)).contains("Index Scan");
        }
        assertThatThrownBy(() -> config.dataSource(props, 16, 1, 0, 1, 2, 1.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guanjia.duckdb-index-scan-percentage").hasMessageContaining("1.5");
    }

    private static String plan(Statement st, String explain) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = st.executeQuery(explain)) {
            while (rs.next()) {
                out.append(rs.getString(2));
            }
        }
        return out.toString();
    }

    @Test
    void read_only_transactions_use_the_read_pool_and_the_others_the_main_pool() {
        boolean[] used = new boolean[2];
        assertThat(count(true, used)).isEqualTo(2);
        assertThat(used).containsExactly(true, false);
        assertThat(count(false, used)).isEqualTo(2);
        assertThat(used).containsExactly(false, true);
    }

    @Test
    void a_read_does_not_wait_for_a_writer_holding_every_main_connection() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> new TransactionTemplate(tm).executeWithoutResult(status -> {
                Connection c = DataSourceUtils.getConnection(pools);
                try (Statement st = c.createStatement()) {
                    st.execute("insert into t values (3)");
                    holding.countDown();
                    done.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    DataSourceUtils.releaseConnection(c, pools);
                }
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            boolean[] used = new boolean[2];
            // the writer's row is not committed yet: the read sees the two rows, at once
            assertThat(count(true, used)).isEqualTo(2);
            done.countDown();
            write.get(10, TimeUnit.SECONDS);
            assertThat(count(true, used)).isEqualTo(3);
        } finally {
            done.countDown();
            writer.shutdownNow();
        }
    }
}

package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@link QueryThreads}: DuckDB gives a query alone every thread, each of several queries side by
 * side one thread, and goes back after a calm; a KPI helper's connection does not count.
 */
class QueryThreadsTest {

    @TempDir
    Path dir;

    private GuanjiaProperties props(String name) {
        return new GuanjiaProperties(dir.resolve(name), false, null, 0, 0, 2, null);
    }

    @Test
    void two_connections_in_use_give_each_query_one_thread_and_a_calm_gives_every_thread_back()
            throws Exception {
        // 3 threads alone: not the default on any machine this runs on (one per core)
        try (DatabaseConfig.Pools pools = new DatabaseConfig().dataSource(props("switch.duckdb"), 16,
                1, 3, 1, 2, 1_000)) {
            QueryThreads threads = pools.queryThreads();
            assertThat(threads).isNotNull();
            try (Connection one = pools.getConnection()) {
                assertThat(threadsSetting(one)).isEqualTo(3);
                try (Connection two = pools.getConnection()) {
                    threadsSetting(two); // the lazy connection is taken at its first statement
                    assertThat(threads.awaitApplied(1, 5_000)).isTrue();
                    assertThat(threadsSetting(one)).isEqualTo(1);
                }
                // one left in use: still one thread each until the calm has passed
                assertThat(threads.wanted()).isEqualTo(1);
                assertThat(threads.awaitApplied(3, 5_000)).isTrue();
                assertThat(threadsSetting(one)).isEqualTo(3);
            }
            assertThat(threads.switches()).isEqualTo(2);
        }
    }

    @Test
    void a_kpi_helpers_connection_is_not_a_second_user() throws Exception {
        try (DatabaseConfig.Pools pools = new DatabaseConfig().dataSource(props("helper.duckdb"), 16,
                1, 3, 1, 2, 1_000)) {
            TransactionTemplate read = new TransactionTemplate(new DataSourceTransactionManager(pools));
            read.setReadOnly(true);
            read.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            Integer seen = read.execute(caller -> {
                // the caller's read connection, in use
                threadsSetting(DataSourceUtils.getConnection(pools));
                return HelperConnections.run(() -> read.execute(helper ->
                        threadsSetting(DataSourceUtils.getConnection(pools))));
            });
            // the caller's read connection and the helper's at once: still every thread
            assertThat(seen).isEqualTo(3);
            assertThat(pools.queryThreads().awaitApplied(1, 500)).isFalse();
            assertThat(pools.queryThreads().switches()).isZero();
        }
    }

    @Test
    void without_switching_the_setting_is_kept_and_a_negative_one_is_refused() throws Exception {
        DatabaseConfig config = new DatabaseConfig();
        try (DatabaseConfig.Pools pools = config.dataSource(props("fixed.duckdb"), 16, 1, 3, 0, 2, 1_000);
                Connection one = pools.getConnection(); Connection two = pools.getConnection()) {
            assertThat(pools.queryThreads()).isNull();
            assertThat(threadsSetting(one)).isEqualTo(3);
            assertThat(threadsSetting(two)).isEqualTo(3);
        }
        assertThatThrownBy(() -> config.dataSource(props("bad.duckdb"), 16, 1, 0, -1, 2, 1_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guanjia.duckdb-threads-shared").hasMessageContaining("-1");
    }

    @Test
    void the_switch_follows_the_connections_in_use_and_the_clock() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        List<Integer> applied = new CopyOnWriteArrayList<>();
        try (QueryThreads threads = new QueryThreads(4, 1, 1_000, now::get, applied::add, null)) {
            assertThat(threads.wanted()).isEqualTo(4);
            threads.taken();
            assertThat(threads.wanted()).isEqualTo(4);
            threads.taken();
            assertThat(threads.wanted()).isEqualTo(1);
            assertThat(threads.awaitApplied(1, 5_000)).isTrue();
            threads.returned();
            threads.returned();
            // none in use, but not yet calm for a second
            now.addAndGet(999_000_000L);
            assertThat(threads.wanted()).isEqualTo(1);
            now.addAndGet(1_000_000L);
            assertThat(threads.wanted()).isEqualTo(4);
            threads.taken();
            threads.returned();
            assertThat(threads.wanted()).isEqualTo(4);
            assertThat(threads.awaitApplied(4, 5_000)).isTrue();
            assertThat(applied).containsExactly(1, 4);
        }
    }

    private static int threadsSetting(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('threads')")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

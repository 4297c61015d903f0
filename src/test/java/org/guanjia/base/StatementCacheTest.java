package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepared-statement cache in front of DuckDB connections, on a real database file. */
class StatementCacheTest {

    private static final String BY_CODE = "select name from t where code = ?";

    @TempDir
    Path dir;

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        DataSource ds = StatementCache.dataSource("jdbc:duckdb:" + dir.resolve("cache.duckdb"), 3);
        c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("create table t (code varchar primary key, name varchar)");
            st.execute("insert into t values ('a', 'Anna'), ('b', 'Bo'), ('c', 'Cai')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static DuckDBPreparedStatement driver(PreparedStatement ps) throws SQLException {
        return ps.unwrap(DuckDBPreparedStatement.class);
    }

    private static String name(PreparedStatement ps, String code) throws SQLException {
        ps.setString(1, code);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void the_same_text_gets_the_same_driver_statement_with_fresh_parameters() throws SQLException {
        DuckDBPreparedStatement first;
        try (PreparedStatement ps = c.prepareStatement(BY_CODE)) {
            first = driver(ps);
            assertThat(name(ps, "a")).isEqualTo("Anna");
        }
        try (PreparedStatement ps = c.prepareStatement(BY_CODE)) {
            assertThat(driver(ps)).isSameAs(first);
            assertThat(ps.isClosed()).isFalse();
            // the parameter of the last use is gone
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
        }
        try (PreparedStatement ps = c.prepareStatement(BY_CODE)) {
            // the failed use was not kept
            assertThat(driver(ps)).isNotSameAs(first);
            assertThat(first.isClosed()).isTrue();
            assertThat(name(ps, "b")).isEqualTo("Bo");
        }
    }

    @Test
    void a_closed_handle_refuses_work_and_the_text_open_twice_gets_two_statements() throws SQLException {
        PreparedStatement outer = c.prepareStatement(BY_CODE);
        try (PreparedStatement inner = c.prepareStatement(BY_CODE)) {
            assertThat(driver(inner)).isNotSameAs(driver(outer));
            assertThat(name(inner, "c")).isEqualTo("Cai");
            assertThat(name(outer, "a")).isEqualTo("Anna");
        }
        outer.close();
        assertThat(outer.isClosed()).isTrue();
        assertThatThrownBy(() -> outer.setString(1, "a")).isInstanceOf(SQLException.class);
        // the kept statement goes to the next caller; a late second close of the old handle
        // must not take it back from them
        try (PreparedStatement next = c.prepareStatement(BY_CODE)) {
            assertThat(driver(next)).isSameAs(driver(outer));
            outer.close();
            assertThat(next.isClosed()).isFalse();
            try (PreparedStatement other = c.prepareStatement(BY_CODE)) {
                assertThat(driver(other)).isNotSameAs(driver(next));
            }
            assertThat(name(next, "b")).isEqualTo("Bo");
        }
    }

    @Test
    void the_least_recently_used_statement_is_closed_beyond_the_size_and_all_with_the_connection()
            throws SQLException {
        DuckDBPreparedStatement first;
        try (PreparedStatement ps = c.prepareStatement("select 1")) {
            first = driver(ps);
        }
        for (String sql : new String[] {"select 2", "select 3", "select 4"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeQuery().close();
            }
        }
        assertThat(first.isClosed()).isTrue();
        DuckDBPreparedStatement last;
        try (PreparedStatement ps = c.prepareStatement("select 4")) {
            last = driver(ps);
        }
        c.close();
        assertThat(last.isClosed()).isTrue();
    }

    @Test
    void a_kept_statement_reads_a_table_made_again() throws SQLException {
        String sql = "select count(*) from x";
        try (Statement st = c.createStatement()) {
            st.execute("create or replace temporary table x (n integer)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        try (Statement st = c.createStatement()) {
            st.execute("drop table x");
            st.execute("create or replace temporary table x (n integer, m integer)");
            st.execute("insert into x values (1, 1), (2, 2)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        try (Statement st = c.createStatement()) {
            st.execute("create or replace temporary table x (n integer)");
            st.execute("insert into x values (1), (2), (3)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void after_invalidation_a_replaced_macro_is_seen_and_writes_commit_as_usual() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create macro m() as table select 'old' as v");
        }
        String sql = "select v from m()";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("old");
        }
        try (Statement st = c.createStatement()) {
            st.execute("create or replace macro m() as table select 'new' as v, 2 as w");
        }
        // DuckDB does not bind a prepared statement again after a macro changed
        StatementCache.invalidateAll();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("new");
        }
        c.setAutoCommit(false);
        String insert = "insert into t values (?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, "d");
            ps.setString(2, "Du");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        c.rollback();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, "e");
            ps.setString(2, "Ed");
            ps.executeUpdate();
        }
        c.commit();
        try (PreparedStatement ps = c.prepareStatement(BY_CODE)) {
            assertThat(name(ps, "d")).isNull();
            assertThat(name(ps, "e")).isEqualTo("Ed");
        }
        assertThat(c.unwrap(DuckDBConnection.class)).isNotNull();
        assertThat(c.isWrapperFor(DuckDBConnection.class)).isTrue();
    }
}

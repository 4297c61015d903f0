package org.guanjia.billing.internal;

import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.guanjia.base.CurrentUser;
import org.guanjia.billing.Allocator;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The allocation of many units that have no stored allocation yet (a large import), in one
 * pass. Their statements and payments are numbered in the database first: units become integers
 * in code order, statement and payment codes integers in code order within their unit (DuckDB
 * compares strings byte by byte, which for UTF-8 is code point order, as {@link Allocator}
 * wants), periods the integers yyyyMM. Two
 * integer-only streams ordered by unit then feed the {@link Allocator} one unit at a time, the
 * results go through the DuckDB appender into a temporary table, and one INSERT joins the codes
 * back into payment_allocations (another fills unit_credits). The same rows as
 * {@link AllocationRepository#replaceResults} writes for such units.
 *
 * <p>Why integers: the JDBC driver turns every string cell into a Java string at about 1 µs a
 * cell (measured: 1,000,000 statements read with their codes in ~3 s, as integers in ~0.1 s),
 * which made this pass most of a large import's time. Memory: one unit at a time.
 *
 * <p>The SQL here is fixed text with no values in it (temporary tables and their joins).
 */
@Repository
public class FreshAllocation {

    private static final Logger log = LoggerFactory.getLogger(FreshAllocation.class);

    /** Added to the integer keys handed to the Allocator so that all have the same width. */
    private static final long KEY_BASE = 1_000_000_000_000L;

    private static final String[] PREPARE = {
        "create or replace temporary table alloc_units (unit_code varchar)",
        // u: the unit's number, in code order (the streams are ordered by it)
        "create or replace temporary table alloc_unit_keys as"
            + " select unit_code, row_number() over (order by unit_code) as u from alloc_units",
        // k: the statement's number within its unit, in code order; the period 'yyyy-MM' as the
        // number yyyyMM, which orders the same way
        "create or replace temporary table alloc_statements as"
            + " select s.statement_no, k.u, row_number() over (partition by k.u order by s.statement_no) as k,"
            + " cast(replace(s.period, '-', '') as bigint) as period_key,"
            + " cast(s.amount * 100 as bigint) as cents,"
            + " datediff('day', date '1970-01-01', s.issued_on) as issued_day"
            + " from statements s join alloc_unit_keys k on k.unit_code = s.unit_code",
        // a named statement of another unit gets no key: the rule ignores the name
        "create or replace temporary table alloc_payments as"
            + " select p.payment_no, k.u, row_number() over (partition by k.u order by p.payment_no) as k,"
            + " cast(p.amount * 100 as bigint) as cents,"
            + " datediff('day', date '1970-01-01', p.paid_on) as paid_day,"
            + " t.k as target, p.voided_on is not null as voided"
            + " from payments p join alloc_unit_keys k on k.unit_code = p.unit_code"
            + " left join (select statement_no, u, k from alloc_statements) t"
            + " on t.statement_no = p.statement_no and t.u = k.u",
        "create or replace temporary table alloc_rows (u bigint, statement_key bigint,"
            + " payment_key bigint, allocated_day integer, cents bigint)",
        "create or replace temporary table alloc_credits (u bigint, cents bigint, as_of_day integer)",
    };

    private static final String STATEMENT_STREAM = "select u, k, period_key, cents, issued_day"
            + " from alloc_statements order by u";

    private static final String PAYMENT_STREAM = "select u, k, cents, paid_day, target, voided"
            + " from alloc_payments order by u";

    // No ORDER BY: the ids only need to be unique (readers order by date and code), and sorting
    // the rows into replay order cost 0.9 s of 2.4 s for 1,000,000 rows.
    private static final String INSERT_ROWS = "insert into payment_allocations (unit_code, statement_no,"
            + " payment_no, allocated_on, amount, created_at, created_by, updated_at, updated_by)"
            + " select k.unit_code, s.statement_no, p.payment_no, date '1970-01-01' + r.allocated_day,"
            + " cast(r.cents as decimal(14,2)) / 100, ?, ?, ?, ?"
            + " from alloc_rows r join alloc_unit_keys k on k.u = r.u"
            + " join alloc_statements s on s.u = r.u and s.k = r.statement_key"
            + " left join alloc_payments p on p.u = r.u and p.k = r.payment_key";

    private static final String INSERT_CREDITS = "insert into unit_credits (unit_code, credit, as_of,"
            + " created_at, created_by, updated_at, updated_by)"
            + " select k.unit_code, cast(c.cents as decimal(14,2)) / 100,"
            + " case when c.as_of_day is null then null else date '1970-01-01' + c.as_of_day end, ?, ?, ?, ?"
            + " from alloc_credits c join alloc_unit_keys k on k.u = c.u order by c.u";

    private static final String[] TEMPORARY = {"alloc_units", "alloc_unit_keys", "alloc_statements",
        "alloc_payments", "alloc_rows", "alloc_credits"};

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final Clock clock;
    private final CurrentUser currentUser;

    FreshAllocation(DSLContext dsl, DataSource dataSource, Clock clock, CurrentUser currentUser) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** Of the given units, those with stored allocation rows or a credit row. */
    public Set<String> withStoredResults(Collection<String> unitCodes) {
        Set<String> wanted = new HashSet<>(unitCodes);
        Set<String> stored = new HashSet<>();
        dsl.selectDistinct(PAYMENT_ALLOCATIONS.UNIT_CODE).from(PAYMENT_ALLOCATIONS)
                .union(DSL.select(UNIT_CREDITS.UNIT_CODE).from(UNIT_CREDITS))
                .fetch(0, String.class).forEach(u -> {
                    if (wanted.contains(u)) {
                        stored.add(u);
                    }
                });
        return stored;
    }

    /** Allocates units that have no stored results; returns {rows written, credit total in cents}. */
    public long[] allocate(Collection<String> unitCodes) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            try (Statement st = connection.createStatement()) {
                st.execute(PREPARE[0]);
            }
            try (DuckDBAppender a = duck.createAppender("temp", "main", "alloc_units")) {
                for (String u : unitCodes) {
                    a.beginRow().append(u).endRow();
                }
            }
            long t0 = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                for (int i = 1; i < PREPARE.length; i++) {
                    st.execute(PREPARE[i]);
                }
            }
            long t1 = System.nanoTime();
            long[] totals = replay(connection, duck);
            long t2 = System.nanoTime();
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
            String user = currentUser.usernameOrSystem();
            for (String sql : List.of(INSERT_ROWS, INSERT_CREDITS)) {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setTimestamp(1, now);
                    ps.setString(2, user);
                    ps.setTimestamp(3, now);
                    ps.setString(4, user);
                    ps.executeUpdate();
                }
            }
            log.debug("One-pass allocation of {} units: numbering {} ms, replay {} ms, insert {} ms",
                    unitCodes.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            try (Statement st = connection.createStatement()) {
                for (String table : TEMPORARY) {
                    st.execute("drop table " + table);
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Allocation failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long[] replay(Connection connection, DuckDBConnection duck) throws SQLException {
        long written = 0;
        long cents = 0;
        try (Statement ss = connection.createStatement();
                ResultSet s = ss.executeQuery(STATEMENT_STREAM);
                Statement ps = connection.createStatement();
                ResultSet p = ps.executeQuery(PAYMENT_STREAM);
                DuckDBAppender rows = duck.createAppender("temp", "main", "alloc_rows");
                DuckDBAppender credits = duck.createAppender("temp", "main", "alloc_credits")) {
            boolean moreS = s.next();
            boolean moreP = p.next();
            List<Allocator.Statement> statements = new ArrayList<>();
            List<Allocator.Payment> payments = new ArrayList<>();
            while (moreS || moreP) {
                long u = !moreS ? p.getLong(1) : !moreP ? s.getLong(1) : Math.min(s.getLong(1), p.getLong(1));
                statements.clear();
                while (moreS && s.getLong(1) == u) {
                    statements.add(new Allocator.Statement(key(s.getLong(2)), key(s.getLong(3)),
                            BigDecimal.valueOf(s.getLong(4), 2), LocalDate.ofEpochDay(s.getInt(5))));
                    moreS = s.next();
                }
                payments.clear();
                while (moreP && p.getLong(1) == u) {
                    long target = p.getLong(5);
                    String targetKey = p.wasNull() ? null : key(target);
                    LocalDate paidOn = LocalDate.ofEpochDay(p.getInt(4));
                    // only "voided or not" matters to the allocation
                    payments.add(new Allocator.Payment(key(p.getLong(2)), paidOn, BigDecimal.valueOf(p.getLong(3), 2),
                            targetKey, p.getBoolean(6) ? paidOn : null));
                    moreP = p.next();
                }
                Allocator.Result result;
                try {
                    result = Allocator.allocate(statements, payments);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("Unit number " + u + ": " + ex.getMessage(), ex);
                }
                for (Allocator.Allocation a : result.allocations()) {
                    rows.beginRow().append(u).append(unkey(a.statementNo()));
                    if (a.paymentNo() == null) {
                        rows.appendNull();
                    } else {
                        rows.append(unkey(a.paymentNo()));
                    }
                    rows.append((int) a.allocatedOn().toEpochDay()).append(a.amount().unscaledValue().longValueExact())
                            .endRow();
                    written++;
                }
                credits.beginRow().append(u).append(result.credit().unscaledValue().longValueExact());
                if (result.lastEventOn() == null) {
                    credits.appendNull();
                } else {
                    credits.append((int) result.lastEventOn().toEpochDay());
                }
                credits.endRow();
                cents += result.credit().unscaledValue().longValueExact();
            }
        }
        return new long[] {written, cents};
    }

    /** An integer key as a string of fixed width, so that string order is number order. */
    private static String key(long k) {
        return Long.toString(KEY_BASE + k);
    }

    private static long unkey(String key) {
        return Long.parseLong(key) - KEY_BASE;
    }
}

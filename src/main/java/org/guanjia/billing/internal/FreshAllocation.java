package org.guanjia.billing.internal;

import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.Record6;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The allocation of many units that have no stored allocation yet (a large import), in one
 * pass: their statements and payments are read as two streams ordered by unit, each unit is
 * replayed by the {@link Allocator} as it completes, and the results go through the DuckDB
 * appender into temporary tables, from which one INSERT each fills payment_allocations and
 * unit_credits. The same rows as {@link AllocationRepository#replaceResults} writes for such
 * units, at a fraction of the cost (no per-chunk IN lists, no JSON). Memory: one unit at a time.
 */
@Repository
public class FreshAllocation {

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
                st.execute("create or replace temporary table alloc_units (unit_code varchar)");
                st.execute("create or replace temporary table alloc_rows (unit_code varchar, statement_no varchar,"
                        + " payment_no varchar, allocated_on date, amount decimal(14,2))");
                st.execute("create or replace temporary table alloc_credits (unit_code varchar,"
                        + " credit decimal(14,2), as_of date)");
            }
            try (DuckDBAppender a = duck.createAppender("temp", "main", "alloc_units")) {
                for (String u : unitCodes) {
                    a.beginRow().append(u).endRow();
                }
            }
            long[] totals = replay(duck);
            LocalDateTime now = LocalDateTime.now(clock);
            String user = currentUser.usernameOrSystem();
            Table<?> rows = DSL.table(DSL.name("alloc_rows"));
            dsl.insertInto(PAYMENT_ALLOCATIONS, PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                            PAYMENT_ALLOCATIONS.PAYMENT_NO, PAYMENT_ALLOCATIONS.ALLOCATED_ON, PAYMENT_ALLOCATIONS.AMOUNT,
                            PAYMENT_ALLOCATIONS.CREATED_AT, PAYMENT_ALLOCATIONS.CREATED_BY,
                            PAYMENT_ALLOCATIONS.UPDATED_AT, PAYMENT_ALLOCATIONS.UPDATED_BY)
                    .select(DSL.select(DSL.field(DSL.name("unit_code"), String.class),
                            DSL.field(DSL.name("statement_no"), String.class),
                            DSL.field(DSL.name("payment_no"), String.class),
                            DSL.field(DSL.name("allocated_on"), LocalDate.class),
                            DSL.field(DSL.name("amount"), BigDecimal.class),
                            DSL.val(now), DSL.val(user), DSL.val(now), DSL.val(user)).from(rows))
                    .execute();
            Table<?> credits = DSL.table(DSL.name("alloc_credits"));
            dsl.insertInto(UNIT_CREDITS, UNIT_CREDITS.UNIT_CODE, UNIT_CREDITS.CREDIT, UNIT_CREDITS.AS_OF,
                            UNIT_CREDITS.CREATED_AT, UNIT_CREDITS.CREATED_BY, UNIT_CREDITS.UPDATED_AT,
                            UNIT_CREDITS.UPDATED_BY)
                    .select(DSL.select(DSL.field(DSL.name("unit_code"), String.class),
                            DSL.field(DSL.name("credit"), BigDecimal.class),
                            DSL.field(DSL.name("as_of"), LocalDate.class),
                            DSL.val(now), DSL.val(user), DSL.val(now), DSL.val(user)).from(credits))
                    .execute();
            try (Statement st = connection.createStatement()) {
                st.execute("drop table alloc_units");
                st.execute("drop table alloc_rows");
                st.execute("drop table alloc_credits");
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Allocation failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long[] replay(DuckDBConnection duck) throws SQLException {
        Table<?> units = DSL.table(DSL.name("alloc_units"));
        org.jooq.Field<String> unit = DSL.field(DSL.name("alloc_units", "unit_code"), String.class);
        long written = 0;
        long cents = 0;
        try (Cursor<Record5<String, String, String, BigDecimal, LocalDate>> s = dsl
                        .select(STATEMENTS.UNIT_CODE, STATEMENTS.STATEMENT_NO, STATEMENTS.PERIOD,
                                STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON)
                        .from(STATEMENTS).join(units).on(STATEMENTS.UNIT_CODE.eq(unit))
                        .orderBy(STATEMENTS.UNIT_CODE).fetchLazy();
                Cursor<Record6<String, String, LocalDate, BigDecimal, String, LocalDate>> p = dsl
                        .select(PAYMENTS.UNIT_CODE, PAYMENTS.PAYMENT_NO, PAYMENTS.PAID_ON, PAYMENTS.AMOUNT,
                                PAYMENTS.STATEMENT_NO, PAYMENTS.VOIDED_ON)
                        .from(PAYMENTS).join(units).on(PAYMENTS.UNIT_CODE.eq(unit))
                        .orderBy(PAYMENTS.UNIT_CODE).fetchLazy();
                DuckDBAppender rows = duck.createAppender("temp", "main", "alloc_rows");
                DuckDBAppender credits = duck.createAppender("temp", "main", "alloc_credits")) {
            Record5<String, String, String, BigDecimal, LocalDate> sr = s.fetchNext();
            Record6<String, String, LocalDate, BigDecimal, String, LocalDate> pr = p.fetchNext();
            while (sr != null || pr != null) {
                String u = sr == null ? pr.value1() : pr == null ? sr.value1()
                        : Allocator.CODE_POINT_ORDER.compare(sr.value1(), pr.value1()) <= 0 ? sr.value1() : pr.value1();
                List<Allocator.Statement> statements = new ArrayList<>();
                while (sr != null && sr.value1().equals(u)) {
                    statements.add(new Allocator.Statement(sr.value2(), sr.value3(), sr.value4(), sr.value5()));
                    sr = s.fetchNext();
                }
                List<Allocator.Payment> payments = new ArrayList<>();
                while (pr != null && pr.value1().equals(u)) {
                    payments.add(new Allocator.Payment(pr.value2(), pr.value3(), pr.value4(), pr.value5(),
                            pr.value6()));
                    pr = p.fetchNext();
                }
                Allocator.Result result;
                try {
                    result = Allocator.allocate(statements, payments);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("Unit " + u + ": " + ex.getMessage(), ex);
                }
                for (Allocator.Allocation a : result.allocations()) {
                    rows.beginRow().append(u).append(a.statementNo());
                    if (a.paymentNo() == null) {
                        rows.appendNull();
                    } else {
                        rows.append(a.paymentNo());
                    }
                    rows.append(a.allocatedOn()).append(a.amount()).endRow();
                    written++;
                }
                credits.beginRow().append(u).append(result.credit());
                if (result.lastEventOn() == null) {
                    credits.appendNull();
                } else {
                    credits.append(result.lastEventOn());
                }
                credits.endRow();
                cents += result.credit().movePointRight(2).longValue();
            }
        }
        return new long[] {written, cents};
    }
}

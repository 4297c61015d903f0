package org.guanjia.soak.internal;

import static org.guanjia.db.Tables.APP_USERS;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_CREDITS;
import static org.guanjia.db.Tables.VISITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.analytics.KpiSummaries;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.billing.Allocator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads for the soak load (who works, on which units and statements) and for its integrity
 * check, straight from the tables: the check must not trust the repositories it checks.
 */
@Repository
public class SoakRepository {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext dsl;

    SoakRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- the load's actors and targets -------------------------------------------------------

    /**
     * The summary tables whose rows differ from a fresh computation (KpiSummaries.rowsMacro),
     * with the number of rows that differ, one line each.
     */
    public List<String> staleSummaries() {
        List<String> found = new ArrayList<>();
        for (String table : KpiSummaries.tables()) {
            String fresh = "select * from " + KpiSummaries.rowsMacro(table) + "(null)";
            String stored = KpiSummaries.storedRows(table);
            long n = dsl.fetchOne("select count(*) from ((" + stored + " except all " + fresh
                    + ") union all (" + fresh + " except all " + stored + "))").get(0, Long.class);
            if (n > 0) {
                found.add("summary " + table + ": " + n + " rows differ from a fresh computation");
            }
        }
        return found;
    }

    public int unitCount() {
        return dsl.fetchCount(UNITS);
    }

    /** Enabled users of the role (with their staff code), as principals, by user name. */
    public List<GuanjiaPrincipal> users(Role role) {
        return dsl.select(APP_USERS.USERNAME, APP_USERS.DISPLAY_NAME, APP_USERS.STAFF_CODE)
                .from(APP_USERS)
                .where(APP_USERS.ROLE.eq(role.name()))
                .and(APP_USERS.ENABLED.isTrue())
                .orderBy(APP_USERS.USERNAME)
                .fetch(r -> new GuanjiaPrincipal(r.value1(), "-", r.value2(), role, r.value3(), null,
                        true));
    }

    /** The units of the scope's clusters. */
    public List<String> units(Scope scope) {
        return dsl.select(UNITS.UNIT_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(scope.all() ? DSL.trueCondition()
                        : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes()))
                .orderBy(UNITS.UNIT_CODE)
                .fetch(UNITS.UNIT_CODE);
    }

    /** Units with at least one statement (payments go there). */
    public List<String> unitsWithStatements() {
        return dsl.selectDistinct(STATEMENTS.UNIT_CODE).from(STATEMENTS)
                .orderBy(STATEMENTS.UNIT_CODE).fetch(STATEMENTS.UNIT_CODE);
    }

    /** A statement of the unit issued by {@code today} and what is still open on it. */
    public record OpenStatement(String statementNo, BigDecimal open) {
    }

    /** The unit's statements issued by {@code today} with an open amount, oldest first. */
    public List<OpenStatement> openStatements(String unitCode, LocalDate today) {
        // the unit's allocations summed per statement, joined (a correlated sum per statement
        // made DuckDB group every allocation of every unit: 2-3 times slower on the demo)
        var paid = dsl.select(PAYMENT_ALLOCATIONS.STATEMENT_NO, DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT).as("paid"))
                .from(PAYMENT_ALLOCATIONS)
                .where(PAYMENT_ALLOCATIONS.UNIT_CODE.eq(unitCode))
                .groupBy(PAYMENT_ALLOCATIONS.STATEMENT_NO).asTable("p");
        Field<BigDecimal> collected = DSL.coalesce(paid.field("paid", BigDecimal.class), ZERO);
        return dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.AMOUNT.minus(collected))
                .from(STATEMENTS)
                .leftJoin(paid).on(paid.field(PAYMENT_ALLOCATIONS.STATEMENT_NO).eq(STATEMENTS.STATEMENT_NO))
                .where(STATEMENTS.UNIT_CODE.eq(unitCode))
                .and(STATEMENTS.ISSUED_ON.le(today))
                .and(STATEMENTS.AMOUNT.gt(collected))
                .orderBy(STATEMENTS.PERIOD, STATEMENTS.STATEMENT_NO)
                .fetch(r -> new OpenStatement(r.value1(), r.value2()));
    }

    // --- the integrity check -----------------------------------------------------------------

    /** Which of the codes exist in the table of the kind (payment, complaint, visit). */
    public Set<String> existing(String kind, Collection<String> codes) {
        TableField<?, String> key = switch (kind) {
            case "payment" -> PAYMENTS.PAYMENT_NO;
            case "complaint" -> COMPLAINTS.COMPLAINT_NO;
            case "visit" -> VISITS.VISIT_NO;
            default -> throw new IllegalArgumentException(kind);
        };
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(codes)) {
            found.addAll(dsl.select(key).from(key.getTable()).where(key.in(chunk)).fetch(key));
        }
        return found;
    }

    /** The codes of the entity that have a "create" line in the audit log. */
    public Set<String> audited(String entity, Collection<String> codes) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(codes)) {
            found.addAll(dsl.selectDistinct(AUDIT_LOG.ENTITY_KEY).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ENTITY.eq(entity)).and(AUDIT_LOG.ACTION.eq("create"))
                    .and(AUDIT_LOG.ENTITY_KEY.in(chunk))
                    .fetch(AUDIT_LOG.ENTITY_KEY));
        }
        return found;
    }

    /** The workflow columns of a complaint. */
    public record ComplaintState(String no, String status, LocalDateTime receivedAt,
            LocalDateTime firstResponseAt, String responseMethod, Boolean valid,
            LocalDateTime resolvedAt, String reply, LocalDateTime closedAt) {
    }

    public List<ComplaintState> complaints() {
        return dsl.select(COMPLAINTS.COMPLAINT_NO, COMPLAINTS.STATUS, COMPLAINTS.RECEIVED_AT,
                        COMPLAINTS.FIRST_RESPONSE_AT, COMPLAINTS.RESPONSE_METHOD, COMPLAINTS.VALID,
                        COMPLAINTS.RESOLVED_AT, COMPLAINTS.REPLY, COMPLAINTS.CLOSED_AT)
                .from(COMPLAINTS)
                .fetch(r -> new ComplaintState(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    /** Everything the allocation of a set of units is made of, and what is stored for it. */
    public record UnitBooks(List<Allocator.Statement> statements, List<Allocator.Payment> payments,
            List<Allocator.Allocation> stored, BigDecimal credit, LocalDate creditAsOf,
            boolean hasCreditRow) {
    }

    /** Every unit with a statement, a payment, an allocation row or a credit row. */
    public Map<String, UnitBooks> books() {
        Map<String, UnitBooks> books = new HashMap<>();
        dsl.select(STATEMENTS.UNIT_CODE, STATEMENTS.STATEMENT_NO, STATEMENTS.PERIOD,
                        STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON)
                .from(STATEMENTS)
                .forEach(r -> book(books, r.value1()).statements().add(
                        new Allocator.Statement(r.value2(), r.value3(), r.value4(), r.value5())));
        dsl.select(PAYMENTS.UNIT_CODE, PAYMENTS.PAYMENT_NO, PAYMENTS.PAID_ON, PAYMENTS.AMOUNT,
                        PAYMENTS.STATEMENT_NO, PAYMENTS.VOIDED_ON)
                .from(PAYMENTS)
                .forEach(r -> book(books, r.value1()).payments().add(new Allocator.Payment(
                        r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        dsl.select(PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        PAYMENT_ALLOCATIONS.PAYMENT_NO, PAYMENT_ALLOCATIONS.ALLOCATED_ON,
                        PAYMENT_ALLOCATIONS.AMOUNT)
                .from(PAYMENT_ALLOCATIONS)
                .forEach(r -> book(books, r.value1()).stored().add(new Allocator.Allocation(
                        r.value2(), r.value3(), r.value4(), r.value5())));
        Map<String, UnitBooks> withCredit = new HashMap<>();
        dsl.select(UNIT_CREDITS.UNIT_CODE, UNIT_CREDITS.CREDIT, UNIT_CREDITS.AS_OF)
                .from(UNIT_CREDITS)
                .forEach(r -> {
                    UnitBooks b = book(books, r.value1());
                    withCredit.put(r.value1(), new UnitBooks(b.statements(), b.payments(),
                            b.stored(), r.value2(), r.value3(), true));
                });
        books.putAll(withCredit);
        return books;
    }

    private static UnitBooks book(Map<String, UnitBooks> books, String unitCode) {
        return books.computeIfAbsent(unitCode, u -> new UnitBooks(new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), null, null, false));
    }

    /** The file's size as DuckDB reports it, and the payments counted (the file reads). */
    /**
     * References the database no longer checks (V021): statements and payments of a unit that
     * does not exist, payments that target a statement that does not exist, corrections of a
     * statement that does not exist. One line per orphan, at most {@code limit}.
     */
    public List<String> orphans(int limit) {
        List<String> found = new ArrayList<>();
        dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE).from(STATEMENTS)
                .whereNotExists(DSL.selectOne().from(UNITS).where(UNITS.UNIT_CODE.eq(STATEMENTS.UNIT_CODE)))
                .orderBy(STATEMENTS.STATEMENT_NO).limit(limit)
                .forEach(r -> found.add("statement " + r.value1() + " names unit " + r.value2() + ", which does not exist"));
        dsl.select(PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE).from(PAYMENTS)
                .whereNotExists(DSL.selectOne().from(UNITS).where(UNITS.UNIT_CODE.eq(PAYMENTS.UNIT_CODE)))
                .orderBy(PAYMENTS.PAYMENT_NO).limit(limit)
                .forEach(r -> found.add("payment " + r.value1() + " names unit " + r.value2() + ", which does not exist"));
        dsl.select(PAYMENTS.PAYMENT_NO, PAYMENTS.STATEMENT_NO).from(PAYMENTS)
                .where(PAYMENTS.STATEMENT_NO.isNotNull())
                .andNotExists(DSL.selectOne().from(STATEMENTS).where(STATEMENTS.STATEMENT_NO.eq(PAYMENTS.STATEMENT_NO)))
                .orderBy(PAYMENTS.PAYMENT_NO).limit(limit)
                .forEach(r -> found.add("payment " + r.value1() + " targets statement " + r.value2()
                        + ", which does not exist"));
        var corrected = STATEMENTS.as("corrected");
        dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.CORRECTS_STATEMENT_NO).from(STATEMENTS)
                .where(STATEMENTS.CORRECTS_STATEMENT_NO.isNotNull())
                .andNotExists(DSL.selectOne().from(corrected)
                        .where(corrected.STATEMENT_NO.eq(STATEMENTS.CORRECTS_STATEMENT_NO)))
                .orderBy(STATEMENTS.STATEMENT_NO).limit(limit)
                .forEach(r -> found.add("statement " + r.value1() + " corrects statement " + r.value2()
                        + ", which does not exist"));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    public String databaseSize() {
        var r = dsl.fetchOne("pragma database_size");
        return r == null ? "?" : String.valueOf(r.get("database_size"));
    }

    public int count(String kind) {
        return switch (kind) {
            case "payment" -> dsl.fetchCount(PAYMENTS);
            case "complaint" -> dsl.fetchCount(COMPLAINTS);
            case "visit" -> dsl.fetchCount(VISITS);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static List<List<String>> chunks(Collection<String> codes) {
        List<String> all = new ArrayList<>(codes);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }
}

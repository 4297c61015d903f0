package org.guanjia.billing.internal;

import static org.guanjia.db.Sequences.STATEMENT_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.FEE_TYPES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.billing.AllocationLine;
import org.guanjia.db.tables.records.StatementsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access for a unit's account: where the unit is, its allocations, hand-made statements. */
@Repository
public class AccountRepository {

    private final DSLContext dsl;

    AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A unit's building, cluster and owner (the latest owner, see {@link #latestOwner()}). */
    public record UnitPlace(String unitCode, String buildingCode, String clusterCode,
            String ownerName, String ownerPhone) {
    }

    /** A statement's unit and dates, for checks. */
    public record StatementRef(String statementNo, String unitCode, String period,
            LocalDate issuedOn) {
    }

    /**
     * One owner per unit: the one with the latest {@code since} (then the lowest owner code);
     * the owner table keeps no end date, so this is taken as the current owner.
     */
    static Table<?> latestOwner() {
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(OWNERS.UNIT_CODE)
                .orderBy(OWNERS.SINCE.desc().nullsLast(), OWNERS.OWNER_CODE)).as("rank");
        Table<?> ranked = DSL.select(OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE, rank)
                .from(OWNERS).asTable("ranked_owners");
        return DSL.select(ranked.field(OWNERS.UNIT_CODE), ranked.field(OWNERS.NAME),
                        ranked.field(OWNERS.PHONE))
                .from(ranked).where(ranked.field(rank).eq(1)).asTable("owner");
    }

    public Optional<UnitPlace> place(String unitCode) {
        Table<?> owner = latestOwner();
        return dsl.select(UNITS.UNIT_CODE, UNITS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE,
                        owner.field(OWNERS.NAME), owner.field(OWNERS.PHONE))
                .from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(owner).on(owner.field(OWNERS.UNIT_CODE).eq(UNITS.UNIT_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(Records.mapping(UnitPlace::new));
    }

    public Optional<StatementRef> statement(String statementNo) {
        return dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                        STATEMENTS.ISSUED_ON)
                .from(STATEMENTS).where(STATEMENTS.STATEMENT_NO.eq(statementNo))
                .fetchOptional(Records.mapping(StatementRef::new));
    }

    /** The unit's correction statements issued by {@code asOf}: statement → the one corrected. */
    public Map<String, String> corrections(String unitCode, LocalDate asOf) {
        Map<String, String> map = new HashMap<>();
        dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.CORRECTS_STATEMENT_NO).from(STATEMENTS)
                .where(STATEMENTS.UNIT_CODE.eq(unitCode))
                .and(STATEMENTS.ISSUED_ON.le(asOf))
                .and(STATEMENTS.CORRECTS_STATEMENT_NO.isNotNull())
                .forEach(r -> map.put(r.value1(), r.value2()));
        return map;
    }

    /** The unit's allocation rows dated on or before {@code asOf}, newest first. */
    public List<AllocationLine> allocations(String unitCode, LocalDate asOf) {
        return dsl.select(PAYMENT_ALLOCATIONS.ALLOCATED_ON, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        STATEMENTS.PERIOD, PAYMENT_ALLOCATIONS.PAYMENT_NO, PAYMENTS.PAID_ON,
                        PAYMENT_ALLOCATIONS.AMOUNT)
                .from(PAYMENT_ALLOCATIONS)
                .join(STATEMENTS).on(STATEMENTS.STATEMENT_NO.eq(PAYMENT_ALLOCATIONS.STATEMENT_NO))
                .leftJoin(PAYMENTS).on(PAYMENTS.PAYMENT_NO.eq(PAYMENT_ALLOCATIONS.PAYMENT_NO))
                .where(PAYMENT_ALLOCATIONS.UNIT_CODE.eq(unitCode))
                .and(PAYMENT_ALLOCATIONS.ALLOCATED_ON.le(asOf))
                .orderBy(PAYMENT_ALLOCATIONS.ALLOCATED_ON.desc(), STATEMENTS.PERIOD.desc(),
                        PAYMENT_ALLOCATIONS.STATEMENT_NO.desc(), PAYMENT_ALLOCATIONS.PAYMENT_NO.desc())
                .fetch(r -> new AllocationLine(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(),
                        // the Allocator dates a payment's own allocations paid_on, credit used
                        // by a later statement that statement's issued_on
                        r.value5() == null || r.value1().isAfter(r.value5())));
    }

    public List<String> feeTypes() {
        return dsl.select(FEE_TYPES.FEE_TYPE).from(FEE_TYPES).orderBy(FEE_TYPES.FEE_TYPE)
                .fetch(FEE_TYPES.FEE_TYPE);
    }

    /** The next number of the statement_no_seq sequence. */
    public long nextStatementNumber() {
        // dsl.nextval(...) renders "seq".nextval, which DuckDB does not understand
        return dsl.select(DSL.function("nextval", Long.class, DSL.inline(STATEMENT_NO_SEQ.getName())))
                .fetchSingle().value1();
    }

    public void insertStatement(String statementNo, String unitCode, String period, String feeType,
            BigDecimal amount, LocalDate issuedOn, LocalDate dueOn, String correctsStatementNo) {
        StatementsRecord r = dsl.newRecord(STATEMENTS);
        r.setStatementNo(statementNo);
        r.setUnitCode(unitCode);
        r.setPeriod(period);
        r.setFeeType(feeType);
        r.setAmount(amount);
        r.setIssuedOn(issuedOn);
        r.setDueOn(dueOn);
        r.setCorrectsStatementNo(correctsStatementNo);
        r.insert();
    }
}

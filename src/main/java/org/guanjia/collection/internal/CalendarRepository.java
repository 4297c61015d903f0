package org.guanjia.collection.internal;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The read side of the collection calendar: every unit's balance as of a day, read straight from
 * statements and payment_allocations (KPI.md: allocations dated on or before the day, statements
 * issued on or before it) in one query over all units, the latest collection actions, the
 * actions of a window, and who looks after which building.
 */
@Repository
public class CalendarRepository {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext dsl;

    CalendarRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A unit that owes something on the day.
     *
     * @param outstanding all statements issued by the day, less what was allocated to them by then
     * @param current     of those, the statements of the day's month ({@code period})
     * @param overdue     of those, the statements due before the day
     * @param oldestDueOn the earliest due date among the open statements
     */
    public record Balance(String unitCode, String buildingCode, String clusterCode,
            BigDecimal outstanding, BigDecimal current, BigDecimal overdue, LocalDate oldestDueOn) {
    }

    /** Units with an open statement on the day; empty {@code clusters} = every cluster. */
    public List<Balance> balances(LocalDate day, List<String> clusters) {
        String period = YearMonth.from(day).toString();
        Table<?> collected = DSL.select(PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT).as("collected"))
                .from(PAYMENT_ALLOCATIONS)
                .where(PAYMENT_ALLOCATIONS.ALLOCATED_ON.le(day))
                .groupBy(PAYMENT_ALLOCATIONS.STATEMENT_NO)
                .asTable("c");
        Field<BigDecimal> open = STATEMENTS.AMOUNT.minus(
                DSL.coalesce(collected.field("collected", BigDecimal.class), ZERO));
        Table<?> s = DSL.select(STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD, STATEMENTS.DUE_ON,
                        open.as("open"))
                .from(STATEMENTS)
                .leftJoin(collected)
                .on(collected.field(PAYMENT_ALLOCATIONS.STATEMENT_NO).eq(STATEMENTS.STATEMENT_NO))
                .where(STATEMENTS.ISSUED_ON.le(day))
                .and(open.gt(ZERO))
                .asTable("s");
        Field<BigDecimal> sOpen = s.field("open", BigDecimal.class);
        Field<String> sUnit = s.field(STATEMENTS.UNIT_CODE);
        Field<LocalDate> sDue = s.field(STATEMENTS.DUE_ON);
        Condition inClusters = clusters.isEmpty() ? DSL.noCondition()
                : BUILDINGS.CLUSTER_CODE.in(clusters);
        return dsl.select(sUnit, UNITS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE,
                        DSL.sum(sOpen),
                        DSL.sum(DSL.when(s.field(STATEMENTS.PERIOD).eq(period), sOpen).else_(ZERO)),
                        DSL.sum(DSL.when(sDue.lt(day), sOpen).else_(ZERO)),
                        DSL.min(sDue))
                .from(s)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(sUnit))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(inClusters)
                .groupBy(sUnit, UNITS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE)
                .fetch(r -> new Balance(r.value1(), r.value2(), r.value3(), scale2(r.value4()),
                        scale2(r.value5()), scale2(r.value6()), r.value7()));
    }

    /** The latest of a unit's actions on or before a day: the last one, with a promise, with a reason. */
    public record Latest(LocalDate lastActionOn, String lastMethod, LocalDate promisedOn,
            String reason) {
    }

    /** Per unit, the latest action, the latest promise and the latest reason on or before the day. */
    public Map<String, Latest> latest(LocalDate day) {
        Map<String, LocalDate[]> dates = new HashMap<>();
        Map<String, String[]> texts = new HashMap<>();
        latestOf(day, DSL.noCondition()).forEach(r -> {
            dates.computeIfAbsent(r.unit(), u -> new LocalDate[2])[0] = r.actionOn();
            texts.computeIfAbsent(r.unit(), u -> new String[2])[0] = r.method();
        });
        latestOf(day, COLLECTION_ACTIONS.PROMISED_ON.isNotNull()).forEach(r ->
                dates.computeIfAbsent(r.unit(), u -> new LocalDate[2])[1] = r.promisedOn());
        latestOf(day, COLLECTION_ACTIONS.REASON.isNotNull()).forEach(r ->
                texts.computeIfAbsent(r.unit(), u -> new String[2])[1] = r.reason());
        Map<String, Latest> map = new HashMap<>();
        dates.forEach((unit, d) -> {
            String[] t = texts.getOrDefault(unit, new String[2]);
            map.put(unit, new Latest(d[0], t[0], d[1], t[1]));
        });
        return map;
    }

    /** An action as the calendar needs it. */
    public record Act(String unit, LocalDate actionOn, String method, String reason,
            LocalDate promisedOn) {
    }

    private List<Act> latestOf(LocalDate day, Condition which) {
        Field<Integer> rank = DSL.rowNumber().over(
                DSL.partitionBy(COLLECTION_ACTIONS.UNIT_CODE).orderBy(
                        COLLECTION_ACTIONS.ACTION_ON.desc(), COLLECTION_ACTIONS.CREATED_AT.desc(),
                        COLLECTION_ACTIONS.ACTION_NO.desc())).as("rank");
        Table<?> ranked = DSL.select(COLLECTION_ACTIONS.UNIT_CODE, COLLECTION_ACTIONS.ACTION_ON,
                        COLLECTION_ACTIONS.METHOD, COLLECTION_ACTIONS.REASON,
                        COLLECTION_ACTIONS.PROMISED_ON, rank)
                .from(COLLECTION_ACTIONS)
                .where(COLLECTION_ACTIONS.ACTION_ON.le(day)).and(which)
                .asTable("r");
        return dsl.select(ranked.field(COLLECTION_ACTIONS.UNIT_CODE),
                        ranked.field(COLLECTION_ACTIONS.ACTION_ON),
                        ranked.field(COLLECTION_ACTIONS.METHOD),
                        ranked.field(COLLECTION_ACTIONS.REASON),
                        ranked.field(COLLECTION_ACTIONS.PROMISED_ON))
                .from(ranked)
                .where(ranked.field("rank", Integer.class).eq(1))
                .fetch(Records.mapping(Act::new));
    }

    /** Every action dated from {@code from} to {@code to}, oldest first. */
    public List<Act> actionsBetween(LocalDate from, LocalDate to) {
        return dsl.select(COLLECTION_ACTIONS.UNIT_CODE, COLLECTION_ACTIONS.ACTION_ON,
                        COLLECTION_ACTIONS.METHOD, COLLECTION_ACTIONS.REASON,
                        COLLECTION_ACTIONS.PROMISED_ON)
                .from(COLLECTION_ACTIONS)
                .where(COLLECTION_ACTIONS.ACTION_ON.between(from, to))
                .orderBy(COLLECTION_ACTIONS.ACTION_ON)
                .fetch(Records.mapping(Act::new));
    }

    /** A butler assigned to a cluster on a day. */
    public record Posting(String clusterCode, String staffCode, String staffName) {
    }

    public List<Posting> postings(LocalDate day) {
        return dsl.select(ASSIGNMENTS.CLUSTER_CODE, ASSIGNMENTS.STAFF_CODE, STAFF.NAME)
                .from(ASSIGNMENTS).join(STAFF).on(STAFF.STAFF_CODE.eq(ASSIGNMENTS.STAFF_CODE))
                .where(ASSIGNMENTS.FROM_DATE.le(day))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(day)))
                .fetch(Records.mapping(Posting::new));
    }

    /** Every building with its cluster. */
    public Map<String, String> buildings() {
        Map<String, String> map = new HashMap<>();
        dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE).from(BUILDINGS)
                .forEach(r -> map.put(r.value1(), r.value2()));
        return map;
    }

    private static BigDecimal scale2(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2);
    }
}

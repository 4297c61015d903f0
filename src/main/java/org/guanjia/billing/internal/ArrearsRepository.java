package org.guanjia.billing.internal;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.Page;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.billing.Aging;
import org.guanjia.billing.ArrearsFilter;
import org.guanjia.billing.Household;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Arrears and aging as of a date D, in SQL, exactly as KPI.md defines them:
 * {@code outstanding(s, D) = amount - allocations to s dated on or before D}, summed over the
 * statements issued on or before D and due before D, and split by {@code D - due_on}. The
 * bucket limits are bound as dates (due on or after D - 30 is 1-30 days overdue, ...), so the
 * query needs no date arithmetic and every value is a bind value.
 */
@Repository
public class ArrearsRepository {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext dsl;

    ArrearsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A cluster in scope, with its estate. */
    public record ClusterRef(String clusterCode, String name, String estateCode) {
    }

    /** A butler assigned to a cluster on the day, since {@code fromDate}. */
    public record ButlerOnDay(String clusterCode, String staffCode, String staffName,
            LocalDate fromDate) {
    }

    // --- the per-unit arrears table ---------------------------------------------------------

    /** One row per unit with arrears as of {@code d}: total, oldest due date, the five buckets. */
    private static final class UnitArrears {
        final Table<?> table;
        final Field<String> unitCode;
        final Field<BigDecimal> arrears;
        final Field<LocalDate> oldestDue;
        final List<Field<BigDecimal>> buckets;

        UnitArrears(LocalDate d) {
            // outstanding(s, D) per statement without a join: the statements issued by D and
            // due before D with their amounts, and the allocations dated by D negated, summed
            // per statement (about twice as fast as joining the summed allocations on DuckDB)
            Table<?> movements = DSL.select(STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE,
                            STATEMENTS.DUE_ON, STATEMENTS.AMOUNT.as("movement"))
                    .from(STATEMENTS)
                    .where(STATEMENTS.ISSUED_ON.le(d))
                    .and(STATEMENTS.DUE_ON.lt(d))
                    .unionAll(DSL.select(PAYMENT_ALLOCATIONS.STATEMENT_NO,
                                    DSL.castNull(SQLDataType.VARCHAR(32)),
                                    DSL.castNull(SQLDataType.LOCALDATE),
                                    PAYMENT_ALLOCATIONS.AMOUNT.neg())
                            .from(PAYMENT_ALLOCATIONS)
                            .where(PAYMENT_ALLOCATIONS.ALLOCATED_ON.le(d)))
                    .asTable("movements");
            Field<String> mUnit = movements.field(STATEMENTS.UNIT_CODE);
            Field<BigDecimal> mAmount = movements.field("movement", BigDecimal.class);
            Table<?> open = DSL.select(movements.field(STATEMENTS.STATEMENT_NO),
                            DSL.max(mUnit).as(STATEMENTS.UNIT_CODE.getName()),
                            DSL.max(movements.field(STATEMENTS.DUE_ON)).as(STATEMENTS.DUE_ON.getName()),
                            DSL.sum(mAmount).as("outstanding"))
                    .from(movements)
                    .groupBy(movements.field(STATEMENTS.STATEMENT_NO))
                    // only the statements counted (allocations to others have no unit here)
                    .having(DSL.max(mUnit).isNotNull())
                    .asTable("open_statements");
            Field<BigDecimal> owed = open.field("outstanding", BigDecimal.class);
            Field<LocalDate> due = open.field(STATEMENTS.DUE_ON);
            Field<String> unit = open.field(STATEMENTS.UNIT_CODE);
            LocalDate d30 = d.minusDays(30);
            LocalDate d90 = d.minusDays(90);
            LocalDate d180 = d.minusDays(180);
            LocalDate d365 = d.minusDays(365);
            List<Condition> bucketConditions = List.of(
                    due.ge(d30),
                    due.lt(d30).and(due.ge(d90)),
                    due.lt(d90).and(due.ge(d180)),
                    due.lt(d180).and(due.ge(d365)),
                    due.lt(d365));
            List<Field<?>> select = new ArrayList<>(List.of(unit.as("unit_code"),
                    DSL.sum(owed).as("arrears"), DSL.min(due).as("oldest_due")));
            for (int i = 0; i < bucketConditions.size(); i++) {
                select.add(DSL.sum(DSL.when(bucketConditions.get(i), owed)
                        .else_(DSL.inline(ZERO))).as("bucket_" + i));
            }
            table = DSL.select(select).from(open).where(owed.gt(ZERO)).groupBy(unit)
                    .asTable("unit_arrears");
            unitCode = table.field("unit_code", String.class);
            arrears = table.field("arrears", BigDecimal.class);
            oldestDue = table.field("oldest_due", LocalDate.class);
            List<Field<BigDecimal>> b = new ArrayList<>();
            for (int i = 0; i < bucketConditions.size(); i++) {
                b.add(table.field("bucket_" + i, BigDecimal.class));
            }
            buckets = List.copyOf(b);
        }
    }

    private static Condition where(Scope scope, String clusterCode, String buildingCode) {
        Condition c = scope.all() ? DSL.noCondition()
                : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        if (buildingCode != null) {
            c = c.and(BUILDINGS.BUILDING_CODE.eq(buildingCode));
        }
        return c;
    }

    /** Sums of the per-unit table: the buckets, the arrears and the number of units. */
    private static List<Field<?>> sums(UnitArrears ua) {
        List<Field<?>> f = new ArrayList<>();
        for (Field<BigDecimal> b : ua.buckets) {
            f.add(DSL.coalesce(DSL.sum(b), DSL.inline(ZERO)));
        }
        f.add(DSL.coalesce(DSL.sum(ua.arrears), DSL.inline(ZERO)));
        f.add(DSL.count(ua.unitCode));
        return f;
    }

    private static Aging aging(Record r, int from) {
        return new Aging(money(r.get(from)), money(r.get(from + 1)), money(r.get(from + 2)),
                money(r.get(from + 3)), money(r.get(from + 4)), money(r.get(from + 5)),
                ((Number) r.get(from + 6)).intValue());
    }

    private static BigDecimal money(Object v) {
        return v == null ? ZERO : ((BigDecimal) v).setScale(2);
    }

    // --- figures ----------------------------------------------------------------------------

    /** The arrears of the units in scope, in all and per cluster (clusters without arrears absent). */
    public record Totals(Aging total, Map<String, Aging> byCluster) {
    }

    /**
     * The total and the per-cluster figures in one pass ({@code group by rollup}), for the units
     * in scope and in the cluster or building when given.
     */
    public Totals totals(LocalDate d, Scope scope, String clusterCode, String buildingCode) {
        UnitArrears ua = new UnitArrears(d);
        List<Field<?>> select = new ArrayList<>();
        select.add(BUILDINGS.CLUSTER_CODE);
        select.add(DSL.grouping(BUILDINGS.CLUSTER_CODE));
        select.addAll(sums(ua));
        Map<String, Aging> byCluster = new HashMap<>();
        Aging total = Aging.NONE;
        for (Record r : dsl.select(select).from(ua.table)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(ua.unitCode))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(where(scope, clusterCode, buildingCode))
                .groupBy(DSL.rollup(BUILDINGS.CLUSTER_CODE))
                .fetch()) {
            if (((Number) r.get(1)).intValue() == 1) {
                total = aging(r, 2);
            } else {
                byCluster.put(r.get(BUILDINGS.CLUSTER_CODE), aging(r, 2));
            }
        }
        return new Totals(total, byCluster);
    }

    /** One unit's arrears. */
    public Aging unit(LocalDate d, String unitCode) {
        UnitArrears ua = new UnitArrears(d);
        return aging(dsl.select(sums(ua)).from(ua.table).where(ua.unitCode.eq(unitCode))
                .fetchOne(), 0);
    }

    // --- households -------------------------------------------------------------------------

    private static Map<String, Field<?>> sortFields(UnitArrears ua, Table<?> owner) {
        Map<String, Field<?>> m = new HashMap<>();
        m.put("unitCode", UNITS.UNIT_CODE);
        m.put("buildingCode", UNITS.BUILDING_CODE);
        m.put("clusterCode", BUILDINGS.CLUSTER_CODE);
        m.put("ownerName", owner.field(OWNERS.NAME));
        m.put("arrears", ua.arrears);
        m.put("oldestDueOn", ua.oldestDue);
        for (int i = 0; i < ua.buckets.size(); i++) {
            m.put("bucket" + i, ua.buckets.get(i));
        }
        return m;
    }

    /** {@code byPhone}: the text may match owners' phones (not for roles that see them masked). */
    private static Condition householdCondition(Scope scope, ArrearsFilter f, Table<?> owner, boolean byPhone) {
        Condition c = where(scope, f.clusterCode(), f.buildingCode());
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            Condition text = UNITS.UNIT_CODE.containsIgnoreCase(t)
                    .or(owner.field(OWNERS.NAME).containsIgnoreCase(t));
            c = c.and(byPhone ? text.or(owner.field(OWNERS.PHONE).contains(t)) : text);
        }
        return c;
    }

    /** A page of the households in arrears as of {@code f.asOf()}; default order: most owed. */
    public List<Household> households(LocalDate d, Scope scope, ArrearsFilter f, boolean byPhone, Page page,
            List<Sort> sort) {
        UnitArrears ua = new UnitArrears(d);
        Table<?> owner = AccountRepository.latestOwner();
        Map<String, Field<?>> sortable = sortFields(ua, owner);
        List<OrderField<?>> order = new ArrayList<>();
        if (sort != null) {
            for (Sort s : sort) {
                Field<?> field = sortable.get(s.property());
                if (field != null) {
                    order.add(s.ascending() ? field.asc().nullsFirst() : field.desc().nullsLast());
                }
            }
        }
        if (order.isEmpty()) {
            order.add(ua.arrears.desc());
        }
        order.add(UNITS.UNIT_CODE.asc());
        List<Field<?>> select = new ArrayList<>(List.of(UNITS.UNIT_CODE, UNITS.BUILDING_CODE,
                BUILDINGS.CLUSTER_CODE, owner.field(OWNERS.NAME), owner.field(OWNERS.PHONE),
                ua.oldestDue));
        select.addAll(ua.buckets);
        select.add(ua.arrears);
        return dsl.select(select).from(ua.table)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(ua.unitCode))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(owner).on(owner.field(OWNERS.UNIT_CODE).eq(UNITS.UNIT_CODE))
                .where(householdCondition(scope, f, owner, byPhone))
                .orderBy(order)
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new Household(r.get(0, String.class), r.get(1, String.class),
                        r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                        r.get(5, LocalDate.class),
                        new Aging(money(r.get(6)), money(r.get(7)), money(r.get(8)),
                                money(r.get(9)), money(r.get(10)), money(r.get(11)), 1)));
    }

    public int countHouseholds(LocalDate d, Scope scope, ArrearsFilter f, boolean byPhone) {
        UnitArrears ua = new UnitArrears(d);
        Table<?> owner = AccountRepository.latestOwner();
        return dsl.fetchCount(dsl.selectOne().from(ua.table)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(ua.unitCode))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(owner).on(owner.field(OWNERS.UNIT_CODE).eq(UNITS.UNIT_CODE))
                .where(householdCondition(scope, f, owner, byPhone)));
    }

    // --- clusters and butlers ---------------------------------------------------------------

    /** The clusters in scope, narrowed to the cluster or to the building's cluster. */
    public List<ClusterRef> clusters(Scope scope, String clusterCode, String buildingCode) {
        Condition c = scope.all() ? DSL.noCondition()
                : CLUSTERS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(CLUSTERS.CLUSTER_CODE.eq(clusterCode));
        }
        if (buildingCode != null) {
            c = c.and(CLUSTERS.CLUSTER_CODE.in(DSL.select(BUILDINGS.CLUSTER_CODE).from(BUILDINGS)
                    .where(BUILDINGS.BUILDING_CODE.eq(buildingCode))));
        }
        return dsl.select(CLUSTERS.CLUSTER_CODE, CLUSTERS.NAME, CLUSTERS.ESTATE_CODE)
                .from(CLUSTERS).where(c).orderBy(CLUSTERS.CLUSTER_CODE)
                .fetch(Records.mapping(ClusterRef::new));
    }

    /** The butlers assigned to the clusters on day {@code d}. */
    public List<ButlerOnDay> butlersOn(LocalDate d, Collection<String> clusterCodes) {
        return dsl.select(ASSIGNMENTS.CLUSTER_CODE, ASSIGNMENTS.STAFF_CODE, STAFF.NAME,
                        ASSIGNMENTS.FROM_DATE)
                .from(ASSIGNMENTS)
                .join(STAFF).on(STAFF.STAFF_CODE.eq(ASSIGNMENTS.STAFF_CODE))
                .where(ASSIGNMENTS.CLUSTER_CODE.in(clusterCodes))
                .and(ASSIGNMENTS.FROM_DATE.le(d))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(d)))
                .fetch(Records.mapping(ButlerOnDay::new));
    }
}

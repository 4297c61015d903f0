package org.guanjia.visit.internal;

import static org.guanjia.db.Sequences.VISIT_NO_SEQ;
import static org.guanjia.db.Sequences.VISIT_PLAN_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.VISITS;
import static org.guanjia.db.Tables.VISIT_PLANS;
import static org.guanjia.db.Tables.VISIT_REQUESTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.VisitPlansRecord;
import org.guanjia.db.tables.records.VisitRequestsRecord;
import org.guanjia.db.tables.records.VisitsRecord;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitFilter;
import org.guanjia.visit.VisitPlan;
import org.guanjia.visit.VisitRequest;
import org.guanjia.visit.VisitSummary;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to visits, visit_requests and visit_plans. */
@Repository
public class VisitRepository {

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    VisitRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** Numbers like VS-202503-00042 / VP-202503-00007 (the demo's start with "D-"). */
    public String nextVisitNo(LocalDate on) {
        return String.format("VS-%04d%02d-%05d", on.getYear(), on.getMonthValue(), nextval(VISIT_NO_SEQ));
    }

    public String nextPlanNo(LocalDate on) {
        return String.format("VP-%04d%02d-%05d", on.getYear(), on.getMonthValue(), nextval(VISIT_PLAN_NO_SEQ));
    }

    /** jOOQ renders nextval for DuckDB as "seq".nextval, which DuckDB does not know. */
    private long nextval(org.jooq.Sequence<Long> sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence.getName())))
                .fetchOne(0, Long.class);
    }

    /** The unit's cluster. */
    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> r.value1());
    }

    public boolean staffExists(String code) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(code));
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    // --- owner flags and counts, as fields of a visit or plan row --------------------------------

    private static Field<String> ownerName(Field<String> unit) {
        return DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS).where(OWNERS.UNIT_CODE.eq(unit)));
    }

    private static Condition keyCustomer(Field<String> unit) {
        return DSL.exists(DSL.selectOne().from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(unit)).and(OWNERS.KEY_CUSTOMER.isTrue()));
    }

    private static Condition ownerStrongOpinion(Field<String> unit) {
        return DSL.exists(DSL.selectOne().from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(unit)).and(OWNERS.STRONG_OPINION.isTrue()));
    }

    /** A follow-up still waiting: not closed and no answer given to the owner yet. */
    private static final Condition WAITING = FOLLOW_UPS.STATUS.ne("closed").and(FOLLOW_UPS.REPLY_TO_OWNER.isNull());

    /** Escalated requests of the visit still waiting for the answer to the owner. */
    private static Condition openEscalation(Field<String> visitNo) {
        return DSL.exists(DSL.selectOne().from(VISIT_REQUESTS)
                .join(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(VISIT_REQUESTS.FOLLOW_UP_NO))
                .where(VISIT_REQUESTS.VISIT_NO.eq(visitNo)).and(WAITING));
    }

    private static final Field<Integer> REQUESTS = DSL.field(DSL.selectCount().from(VISIT_REQUESTS)
            .where(VISIT_REQUESTS.VISIT_NO.eq(VISITS.VISIT_NO))).as("requests");
    private static final Field<Integer> OPEN_ESCALATION_COUNT = DSL.field(DSL.selectCount().from(VISIT_REQUESTS)
            .join(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(VISIT_REQUESTS.FOLLOW_UP_NO))
            .where(VISIT_REQUESTS.VISIT_NO.eq(VISITS.VISIT_NO)).and(WAITING));
    private static final Field<Integer> OPEN_ESCALATIONS = OPEN_ESCALATION_COUNT.as("open_escalations");
    private static final Field<String> OWNER_NAME = ownerName(VISITS.UNIT_CODE).as("owner_name");
    private static final Field<Boolean> KEY_CUSTOMER = DSL.field(keyCustomer(VISITS.UNIT_CODE)).as("key_customer");
    private static final Field<Boolean> OWNER_STRONG = DSL.field(ownerStrongOpinion(VISITS.UNIT_CODE))
            .as("owner_strong");

    // --- visits --------------------------------------------------------------------------------

    /** The visits with their unit's cluster, their staff's name and the fields {@code more}. */
    private SelectOnConditionStep<Record> selectVisits(SelectField<?>... more) {
        return dsl.select(VISITS.fields()).select(BUILDINGS.CLUSTER_CODE, STAFF.NAME).select(more)
                .from(VISITS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VISITS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(VISITS.STAFF_CODE));
    }

    private static Visit mapVisit(Record r) {
        return new Visit(r.get(VISITS.VISIT_NO), r.get(VISITS.UNIT_CODE), r.get(BUILDINGS.CLUSTER_CODE),
                r.get(OWNER_NAME), r.get(VISITS.VISITED_ON), r.get(VISITS.STAFF_CODE), r.get(STAFF.NAME),
                r.get(VISITS.KIND), r.get(VISITS.TOPIC), r.get(VISITS.SATISFACTION), r.get(VISITS.NOTE),
                Boolean.TRUE.equals(r.get(VISITS.STRONG_OPINION)), Boolean.TRUE.equals(r.get(KEY_CUSTOMER)),
                Boolean.TRUE.equals(r.get(OWNER_STRONG)), r.get(REQUESTS), r.get(OPEN_ESCALATIONS));
    }

    /**
     * One visit as the list shows it ({@link #mapVisit}), read after every visit saved: its owner's
     * facts and its requests come from two small queries by its unit and number instead of the
     * list's correlated subqueries, which DuckDB plans as joins over every owner and request
     * (at the demo's size 14.5 ms against about 4 ms).
     */
    public Optional<Visit> findVisit(String no) {
        // the list's fields by name, filled below and read by mapVisit as the list's are
        Field<String> ownerName = DSL.castNull(SQLDataType.VARCHAR).as(OWNER_NAME.getName());
        Field<Boolean> keyCustomer = DSL.castNull(SQLDataType.BOOLEAN).as(KEY_CUSTOMER.getName());
        Field<Boolean> ownerStrong = DSL.castNull(SQLDataType.BOOLEAN).as(OWNER_STRONG.getName());
        Field<Integer> requests = DSL.castNull(SQLDataType.INTEGER).as(REQUESTS.getName());
        Field<Integer> open = DSL.castNull(SQLDataType.INTEGER).as(OPEN_ESCALATIONS.getName());
        Record v = selectVisits(ownerName, keyCustomer, ownerStrong, requests, open)
                .where(VISITS.VISIT_NO.eq(no)).fetchOne();
        if (v == null) {
            return Optional.empty();
        }
        // as OWNER_NAME, KEY_CUSTOMER and OWNER_STRONG: over no owner, null and false
        Record owner = dsl.select(DSL.min(OWNERS.NAME), DSL.boolOr(OWNERS.KEY_CUSTOMER.isTrue()),
                        DSL.boolOr(OWNERS.STRONG_OPINION.isTrue()))
                .from(OWNERS).where(OWNERS.UNIT_CODE.eq(v.get(VISITS.UNIT_CODE))).fetchOne();
        // as REQUESTS and OPEN_ESCALATIONS: a request without a follow-up is not waiting
        Record counts = dsl.select(DSL.count(), DSL.count().filterWhere(WAITING))
                .from(VISIT_REQUESTS)
                .leftJoin(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(VISIT_REQUESTS.FOLLOW_UP_NO))
                .where(VISIT_REQUESTS.VISIT_NO.eq(no)).fetchOne();
        v.set(ownerName, owner.get(0, String.class));
        v.set(keyCustomer, owner.get(1, Boolean.class));
        v.set(ownerStrong, owner.get(2, Boolean.class));
        v.set(requests, counts.get(0, Integer.class));
        v.set(open, counts.get(1, Integer.class));
        return Optional.of(mapVisit(v));
    }

    private static Condition condition(Scope scope, VisitFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.kind() != null) {
            c = c.and(VISITS.KIND.eq(f.kind()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.from() != null) {
            c = c.and(VISITS.VISITED_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(VISITS.VISITED_ON.le(f.to()));
        }
        if (f.strongOpinionOnly()) {
            c = c.and(VISITS.STRONG_OPINION.isTrue());
        }
        if (f.keyCustomerOnly()) {
            c = c.and(keyCustomer(VISITS.UNIT_CODE));
        }
        if (f.openEscalationsOnly()) {
            c = c.and(openEscalation(VISITS.VISIT_NO));
        }
        if (f.unitCode() != null) {
            c = c.and(VISITS.UNIT_CODE.eq(f.unitCode()));
        }
        if (f.staffCode() != null) {
            c = c.and(VISITS.STAFF_CODE.eq(f.staffCode()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(VISITS.VISIT_NO.containsIgnoreCase(t)
                    .or(VISITS.UNIT_CODE.containsIgnoreCase(t))
                    .or(VISITS.TOPIC.containsIgnoreCase(t))
                    .or(VISITS.NOTE.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Newest first. */
    public List<Visit> visits(Scope scope, VisitFilter filter, Page page) {
        return selectVisits(OWNER_NAME, KEY_CUSTOMER, OWNER_STRONG, REQUESTS, OPEN_ESCALATIONS)
                .where(condition(scope, filter))
                .orderBy(VISITS.VISITED_ON.desc(), VISITS.VISIT_NO.desc())
                .offset(page.offset()).limit(page.limit()).fetch(VisitRepository::mapVisit);
    }

    public int countVisits(Scope scope, VisitFilter filter) {
        return dsl.fetchCount(dsl.selectOne().from(VISITS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VISITS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(condition(scope, filter)));
    }

    public VisitSummary summary(Scope scope, VisitFilter filter) {
        var escalated = DSL.field(DSL.selectCount().from(VISIT_REQUESTS)
                .where(VISIT_REQUESTS.VISIT_NO.eq(VISITS.VISIT_NO)).and(VISIT_REQUESTS.FOLLOW_UP_NO.isNotNull()));
        Record6<Integer, Integer, BigDecimal, Integer, BigDecimal, BigDecimal> r = dsl.select(DSL.count(),
                        DSL.count(VISITS.SATISFACTION), DSL.sum(VISITS.SATISFACTION),
                        DSL.count().filterWhere(VISITS.STRONG_OPINION.isTrue()),
                        DSL.sum(escalated), DSL.sum(OPEN_ESCALATION_COUNT))
                .from(VISITS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VISITS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(condition(scope, filter)).fetchSingle();
        int scored = r.value2();
        BigDecimal mean = scored == 0 ? null
                : r.value3().divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
        return new VisitSummary(r.value1(), scored, mean, r.value4(), intOf(r.value5()), intOf(r.value6()));
    }

    private static int intOf(BigDecimal b) {
        return b == null ? 0 : b.intValue();
    }

    public void insertVisit(String no, String unitCode, LocalDate visitedOn, String staffCode, String kind,
            String topic, Integer satisfaction, String note, boolean strongOpinion) {
        VisitsRecord r = dsl.newRecord(VISITS);
        r.setVisitNo(no);
        r.setUnitCode(unitCode);
        // the unit's building, for the KPI views (V026)
        r.setBuildingCode(dsl.select(UNITS.BUILDING_CODE).from(UNITS).where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOne(UNITS.BUILDING_CODE));
        r.setVisitedOn(visitedOn);
        r.setStaffCode(staffCode);
        r.setKind(kind);
        r.setTopic(topic);
        r.setSatisfaction(satisfaction);
        r.setNote(note);
        r.setStrongOpinion(strongOpinion);
        r.insert();
        summaries.addWork(KpiWorkMonths.Kind.VISITS, staffCode, visitedOn, 1);
    }

    public void updateVisit(String no, LocalDate visitedOn, String kind, String topic, Integer satisfaction,
            String note, boolean strongOpinion) {
        VisitsRecord r = dsl.fetchSingle(VISITS, VISITS.VISIT_NO.eq(no));
        LocalDate before = r.getVisitedOn();
        r.setVisitedOn(visitedOn);
        r.setKind(kind);
        r.setTopic(topic);
        r.setSatisfaction(satisfaction);
        r.setNote(note);
        r.setStrongOpinion(strongOpinion);
        RecordUpdates.update(r, "visitedOn");
        summaries.moveWork(KpiWorkMonths.Kind.VISITS, r.getStaffCode(), before, r.getStaffCode(), visitedOn);
    }

    // --- requests ------------------------------------------------------------------------------

    public void insertRequest(String visitNo, String request, boolean answeredOnSpot, String answer,
            String followUpNo) {
        VisitRequestsRecord r = dsl.newRecord(VISIT_REQUESTS);
        r.setVisitNo(visitNo);
        r.setRequest(request);
        r.setAnsweredOnSpot(answeredOnSpot);
        r.setAnswer(answer);
        r.setFollowUpNo(followUpNo);
        r.insert();
    }

    /** The requests of a visit in the order they were raised, without their follow-ups' state. */
    public List<VisitRequest> requests(String visitNo) {
        return dsl.selectFrom(VISIT_REQUESTS).where(VISIT_REQUESTS.VISIT_NO.eq(visitNo))
                .orderBy(VISIT_REQUESTS.ID)
                .fetch(r -> new VisitRequest(r.getId(), r.getVisitNo(), r.getRequest(),
                        Boolean.TRUE.equals(r.getAnsweredOnSpot()), r.getAnswer(), r.getFollowUpNo(),
                        null, null, null, null));
    }

    // --- plans ---------------------------------------------------------------------------------

    private static final Field<String> PLAN_OWNER = ownerName(VISIT_PLANS.UNIT_CODE).as("owner_name");
    private static final Field<Boolean> PLAN_KEY = DSL.field(keyCustomer(VISIT_PLANS.UNIT_CODE)).as("key_customer");
    private static final Field<Boolean> PLAN_STRONG = DSL.field(ownerStrongOpinion(VISIT_PLANS.UNIT_CODE))
            .as("owner_strong");

    private SelectOnConditionStep<Record> selectPlans() {
        return dsl.select(VISIT_PLANS.fields())
                .select(BUILDINGS.CLUSTER_CODE, PLAN_OWNER, PLAN_KEY, PLAN_STRONG, STAFF.NAME)
                .from(VISIT_PLANS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VISIT_PLANS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(VISIT_PLANS.STAFF_CODE));
    }

    private static VisitPlan mapPlan(Record r) {
        return new VisitPlan(r.get(VISIT_PLANS.PLAN_NO), r.get(VISIT_PLANS.UNIT_CODE), r.get(BUILDINGS.CLUSTER_CODE),
                r.get(PLAN_OWNER), r.get(VISIT_PLANS.PLANNED_ON), r.get(VISIT_PLANS.STAFF_CODE), r.get(STAFF.NAME),
                r.get(VISIT_PLANS.TOPIC), r.get(VISIT_PLANS.STATUS), r.get(VISIT_PLANS.VISIT_NO),
                r.get(VISIT_PLANS.CANCELLED_ON), r.get(VISIT_PLANS.NOTE), Boolean.TRUE.equals(r.get(PLAN_KEY)),
                Boolean.TRUE.equals(r.get(PLAN_STRONG)));
    }

    public Optional<VisitPlan> findPlan(String no) {
        return selectPlans().where(VISIT_PLANS.PLAN_NO.eq(no)).fetchOptional(VisitRepository::mapPlan);
    }

    private static Condition planCondition(Scope scope, boolean openOnly, String clusterCode, String text) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (openOnly) {
            c = c.and(VISIT_PLANS.STATUS.eq("planned"));
        }
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        if (text != null && !text.isBlank()) {
            String t = text.trim();
            c = c.and(VISIT_PLANS.PLAN_NO.containsIgnoreCase(t)
                    .or(VISIT_PLANS.UNIT_CODE.containsIgnoreCase(t))
                    .or(VISIT_PLANS.TOPIC.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Soonest first: the overdue and today's appointments lead. */
    public List<VisitPlan> plans(Scope scope, boolean openOnly, String clusterCode, String text, Page page) {
        return selectPlans().where(planCondition(scope, openOnly, clusterCode, text))
                .orderBy(VISIT_PLANS.PLANNED_ON, VISIT_PLANS.PLAN_NO)
                .offset(page.offset()).limit(page.limit()).fetch(VisitRepository::mapPlan);
    }

    public int countPlans(Scope scope, boolean openOnly, String clusterCode, String text) {
        return dsl.fetchCount(dsl.selectOne().from(VISIT_PLANS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VISIT_PLANS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(planCondition(scope, openOnly, clusterCode, text)));
    }

    public void insertPlan(String no, String unitCode, LocalDate plannedOn, String staffCode, String topic) {
        VisitPlansRecord r = dsl.newRecord(VISIT_PLANS);
        r.setPlanNo(no);
        r.setUnitCode(unitCode);
        r.setPlannedOn(plannedOn);
        r.setStaffCode(staffCode);
        r.setTopic(topic);
        r.setStatus("planned");
        r.insert();
    }

    public void planDone(String no, String visitNo) {
        VisitPlansRecord r = dsl.fetchSingle(VISIT_PLANS, VISIT_PLANS.PLAN_NO.eq(no));
        r.setStatus("done");
        r.setVisitNo(visitNo);
        RecordUpdates.update(r, "planNo");
    }

    public void cancelPlan(String no, LocalDate on, String note) {
        VisitPlansRecord r = dsl.fetchSingle(VISIT_PLANS, VISIT_PLANS.PLAN_NO.eq(no));
        r.setStatus("cancelled");
        r.setCancelledOn(on);
        r.setNote(note);
        RecordUpdates.update(r, "planNo");
    }
}

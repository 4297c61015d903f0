package org.guanjia.complaint.internal;

import static org.guanjia.db.Sequences.COMPLAINT_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.COMPLAINT_SERVICE_LEVELS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintFilter;
import org.guanjia.complaint.ServiceLevel;
import org.guanjia.db.tables.records.ComplaintServiceLevelsRecord;
import org.guanjia.db.tables.records.ComplaintsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to complaints and complaint_service_levels. */
@Repository
public class ComplaintRepository {

    /** The defaults of KPI.md when a category has no row. */
    private static final int DEFAULT_RESPONSE_MINUTES = 30;
    private static final int DEFAULT_RESOLUTION_HOURS = 48;

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    ComplaintRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** A new number, e.g. CP-202503-00042 (the demo's start with "D-", so never clash). */
    public String nextNo(LocalDateTime at) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT,
                DSL.inline(COMPLAINT_NO_SEQ.getName()))).fetchOne(0, Long.class);
        return String.format("CP-%04d%02d-%05d", at.getYear(), at.getMonthValue(), n);
    }

    /** The unit's cluster and building. */
    public Optional<String[]> placeOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE, UNITS.BUILDING_CODE)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> new String[] {r.value1(), r.value2()});
    }

    public boolean staffExists(String code) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(code));
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    private static Field<Integer> responseLevel() {
        return DSL.coalesce(COMPLAINT_SERVICE_LEVELS.RESPONSE_MINUTES, DSL.inline(DEFAULT_RESPONSE_MINUTES));
    }

    private static Field<Integer> resolutionLevel() {
        return DSL.coalesce(COMPLAINT_SERVICE_LEVELS.RESOLUTION_HOURS,
                DSL.inline(DEFAULT_RESOLUTION_HOURS));
    }

    private static final Field<String> OWNER_NAME = DSL.field(DSL.select(DSL.min(OWNERS.NAME))
            .from(OWNERS).where(OWNERS.UNIT_CODE.eq(COMPLAINTS.UNIT_CODE))).as("owner_name");

    /** The complaints with their building, owner name (as {@code ownerName}), responder and levels. */
    private SelectOnConditionStep<Record> select(Field<String> ownerName) {
        return dsl.select(COMPLAINTS.fields()).select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE,
                        ownerName, STAFF.NAME, responseLevel().as("response_level"),
                        resolutionLevel().as("resolution_level"))
                .from(COMPLAINTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(COMPLAINTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(COMPLAINTS.RESPONDER_CODE))
                .leftJoin(COMPLAINT_SERVICE_LEVELS)
                .on(COMPLAINT_SERVICE_LEVELS.CATEGORY.eq(COMPLAINTS.CATEGORY));
    }

    private static Complaint map(Record r) {
        return new Complaint(r.get(COMPLAINTS.COMPLAINT_NO), r.get(COMPLAINTS.UNIT_CODE),
                r.get(BUILDINGS.BUILDING_CODE), r.get(BUILDINGS.CLUSTER_CODE),
                r.get("owner_name", String.class), r.get(COMPLAINTS.RECEIVED_AT),
                r.get(COMPLAINTS.CHANNEL), r.get(COMPLAINTS.CATEGORY), r.get(COMPLAINTS.DESCRIPTION),
                r.get(COMPLAINTS.FIRST_RESPONSE_AT), r.get(COMPLAINTS.RESPONSE_METHOD),
                r.get(COMPLAINTS.RESPONDER_CODE), r.get(STAFF.NAME), r.get(COMPLAINTS.VALID),
                r.get(COMPLAINTS.DEPARTMENT), r.get(COMPLAINTS.RESPONSIBLE_PERSON),
                r.get(COMPLAINTS.PLAN), r.get(COMPLAINTS.REPLY), r.get(COMPLAINTS.REPLIED_AT),
                r.get(COMPLAINTS.RESOLVED_AT), r.get(COMPLAINTS.OWNER_SIGNED),
                r.get(COMPLAINTS.SATISFACTION), r.get(COMPLAINTS.RETURN_VISIT_AT),
                r.get(COMPLAINTS.CORRECTIVE_ACTION), r.get(COMPLAINTS.CLOSED_AT),
                r.get(COMPLAINTS.STATUS), r.get(COMPLAINTS.REOPEN_COUNT),
                r.get("response_level", Integer.class), r.get("resolution_level", Integer.class));
    }

    /**
     * One complaint as the list shows it, read after every step taken on it: the owner's name by
     * a query of its own, since as the list's correlated subquery DuckDB plans it as a join over
     * every owner (at the demo's size 6.0 ms against 3.6 ms).
     */
    public Optional<Complaint> find(String no) {
        Field<String> owner = DSL.castNull(SQLDataType.VARCHAR).as("owner_name");
        Record r = select(owner).where(COMPLAINTS.COMPLAINT_NO.eq(no)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        r.set(owner, dsl.select(DSL.min(OWNERS.NAME)).from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(r.get(COMPLAINTS.UNIT_CODE))).fetchOne(0, String.class));
        return Optional.of(map(r));
    }

    /**
     * Late as KPI.md counts it: answered after the level, or unanswered with the deadline at or
     * before {@code now}. Seconds compared, so a response at exactly the level is on time.
     */
    private static Condition breached(Field<LocalDateTime> done, Field<Integer> levelSeconds,
            Field<LocalDateTime> now) {
        Field<Double> taken = DSL.field("epoch({0}) - epoch({1})", Double.class, done,
                COMPLAINTS.RECEIVED_AT);
        Field<Double> waited = DSL.field("epoch({0}) - epoch({1})", Double.class, now,
                COMPLAINTS.RECEIVED_AT);
        return done.isNotNull().and(taken.gt(levelSeconds.cast(SQLDataType.DOUBLE)))
                .or(done.isNull().and(waited.ge(levelSeconds.cast(SQLDataType.DOUBLE))));
    }

    private static Condition condition(Scope scope, ComplaintFilter f, LocalDateTime now) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.status() != null) {
            c = c.and(COMPLAINTS.STATUS.eq(f.status()));
        }
        if (f.category() != null) {
            c = c.and(COMPLAINTS.CATEGORY.eq(f.category()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.breachedOnly()) {
            // a plain TIMESTAMP bind: jOOQ's default cast is one DuckDB refuses
            Field<LocalDateTime> at = DSL.val(now, SQLDataType.LOCALDATETIME);
            c = c.and(breached(COMPLAINTS.FIRST_RESPONSE_AT, responseLevel().mul(60), at)
                    .or(breached(COMPLAINTS.RESOLVED_AT, resolutionLevel().mul(3600), at)));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(COMPLAINTS.COMPLAINT_NO.containsIgnoreCase(t)
                    .or(COMPLAINTS.UNIT_CODE.containsIgnoreCase(t))
                    .or(COMPLAINTS.DESCRIPTION.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Newest first: the butler works on today's complaints. */
    public List<Complaint> list(Scope scope, ComplaintFilter filter, LocalDateTime now, Page page) {
        return select(OWNER_NAME).where(condition(scope, filter, now))
                .orderBy(COMPLAINTS.RECEIVED_AT.desc(), COMPLAINTS.COMPLAINT_NO.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(ComplaintRepository::map);
    }

    public int count(Scope scope, ComplaintFilter filter, LocalDateTime now) {
        return dsl.fetchCount(dsl.selectOne().from(COMPLAINTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(COMPLAINTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(COMPLAINT_SERVICE_LEVELS)
                .on(COMPLAINT_SERVICE_LEVELS.CATEGORY.eq(COMPLAINTS.CATEGORY))
                .where(condition(scope, filter, now)));
    }

    /** A new complaint; {@code buildingCode} is the unit's ({@link #placeOfUnit}), for the KPI views (V026). */
    public void insert(String no, String unitCode, String buildingCode, LocalDateTime receivedAt, String channel,
            String category, String description) {
        ComplaintsRecord r = dsl.newRecord(COMPLAINTS);
        r.setComplaintNo(no);
        r.setUnitCode(unitCode);
        r.setBuildingCode(buildingCode);
        r.setReceivedAt(receivedAt);
        r.setChannel(channel);
        r.setCategory(category);
        r.setDescription(description);
        r.setStatus("received");
        r.setReopenCount(0);
        r.insert();
    }

    private ComplaintsRecord record(String no) {
        return dsl.fetchSingle(COMPLAINTS, COMPLAINTS.COMPLAINT_NO.eq(no));
    }

    public void respond(String no, LocalDateTime at, String method, String responderCode) {
        ComplaintsRecord r = record(no);
        String responderBefore = r.getResponderCode();
        LocalDateTime before = r.getFirstResponseAt();
        r.setFirstResponseAt(at);
        r.setResponseMethod(method);
        r.setResponderCode(responderCode);
        r.setStatus("responded");
        RecordUpdates.update(r, "status");
        summaries.moveWork(KpiWorkMonths.Kind.COMPLAINTS_HANDLED, responderBefore,
                before == null ? null : before.toLocalDate(), responderCode, at.toLocalDate());
    }

    public void classify(String no, Boolean valid, String department, String person, String plan) {
        ComplaintsRecord r = record(no);
        r.setValid(valid);
        r.setDepartment(department);
        r.setResponsiblePerson(person);
        r.setPlan(plan);
        r.setStatus("in_progress");
        RecordUpdates.update(r, "status");
    }

    public void resolve(String no, LocalDateTime at, String reply, LocalDateTime repliedAt) {
        ComplaintsRecord r = record(no);
        r.setResolvedAt(at);
        r.setReply(reply);
        r.setRepliedAt(repliedAt);
        r.setStatus("resolved");
        RecordUpdates.update(r, "status");
    }

    public void signOff(String no, Boolean ownerSigned, LocalDateTime returnVisitAt, Integer satisfaction,
            String correctiveAction, LocalDateTime closedAt) {
        ComplaintsRecord r = record(no);
        r.setOwnerSigned(ownerSigned);
        r.setReturnVisitAt(returnVisitAt);
        r.setSatisfaction(satisfaction);
        r.setCorrectiveAction(correctiveAction);
        r.setClosedAt(closedAt);
        r.setStatus("closed");
        RecordUpdates.update(r, "status");
    }

    /** Back to in progress with the resolution, sign-off and return visit cleared. */
    public void reopen(String no, int reopenCount) {
        ComplaintsRecord r = record(no);
        r.setResolvedAt(null);
        r.setOwnerSigned(null);
        r.setSatisfaction(null);
        r.setReturnVisitAt(null);
        r.setClosedAt(null);
        r.setStatus("in_progress");
        r.setReopenCount(reopenCount);
        RecordUpdates.update(r, "status");
    }

    // --- service levels -----------------------------------------------------------------------

    public List<ServiceLevel> levels() {
        return dsl.select(COMPLAINT_SERVICE_LEVELS.CATEGORY, COMPLAINT_SERVICE_LEVELS.RESPONSE_MINUTES,
                        COMPLAINT_SERVICE_LEVELS.RESOLUTION_HOURS)
                .from(COMPLAINT_SERVICE_LEVELS)
                .fetch(r -> new ServiceLevel(r.value1(), r.value2(), r.value3()));
    }

    public void saveLevel(ServiceLevel l) {
        ComplaintServiceLevelsRecord r = dsl.fetchOne(COMPLAINT_SERVICE_LEVELS,
                COMPLAINT_SERVICE_LEVELS.CATEGORY.eq(l.category()));
        if (r == null) {
            r = dsl.newRecord(COMPLAINT_SERVICE_LEVELS);
            r.setCategory(l.category());
            r.setResponseMinutes(l.responseMinutes());
            r.setResolutionHours(l.resolutionHours());
            r.insert();
            return;
        }
        r.setResponseMinutes(l.responseMinutes());
        r.setResolutionHours(l.resolutionHours());
        RecordUpdates.update(r, "category");
    }

    public static int defaultResponseMinutes() {
        return DEFAULT_RESPONSE_MINUTES;
    }

    public static int defaultResolutionHours() {
        return DEFAULT_RESOLUTION_HOURS;
    }
}

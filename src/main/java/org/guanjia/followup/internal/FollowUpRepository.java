package org.guanjia.followup.internal;

import static org.guanjia.db.Sequences.FOLLOW_UP_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.FOLLOW_UP_NOTES;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.FollowUpNotesRecord;
import org.guanjia.db.tables.records.FollowUpsRecord;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpFilter;
import org.guanjia.followup.FollowUpNote;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record17;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to follow_ups and follow_up_notes. */
@Repository
public class FollowUpRepository {

    private final DSLContext dsl;

    FollowUpRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new number, e.g. FU-2026-000042 (the demo's numbers start with "D-", so never clash). */
    public String nextNo(int year) {
        long n = nextval(FOLLOW_UP_NO_SEQ);
        return "FU-" + year + "-" + String.format("%06d", n);
    }

    /** The unit's cluster and building. */
    public Optional<String[]> placeOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE, UNITS.BUILDING_CODE)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> new String[] {r.value1(), r.value2()});
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    public boolean staffExists(String code) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(code));
    }

    public void insert(FollowUp f) {
        FollowUpsRecord r = dsl.newRecord(FOLLOW_UPS);
        r.setFollowUpNo(f.no());
        r.setSource(f.source());
        r.setSourceRef(f.sourceRef());
        r.setClusterCode(f.clusterCode());
        r.setBuildingCode(f.buildingCode());
        r.setUnitCode(f.unitCode());
        r.setDepartmentCode(f.departmentCode());
        r.setAssigneeCode(f.assigneeCode());
        r.setDescription(f.description());
        r.setRaisedAt(f.raisedAt());
        r.setDueOn(f.dueOn());
        r.setStatus(f.status());
        r.insert();
    }

    private SelectJoinStep<Record17<String, String, String, String, String, String, String, String,
            String, String, LocalDateTime, java.time.LocalDate, String, LocalDateTime, String, String,
            LocalDateTime>> select() {
        return dsl.select(FOLLOW_UPS.FOLLOW_UP_NO, FOLLOW_UPS.SOURCE, FOLLOW_UPS.SOURCE_REF,
                        FOLLOW_UPS.CLUSTER_CODE, FOLLOW_UPS.BUILDING_CODE, FOLLOW_UPS.UNIT_CODE,
                        FOLLOW_UPS.DEPARTMENT_CODE, DEPARTMENTS.NAME, FOLLOW_UPS.ASSIGNEE_CODE,
                        FOLLOW_UPS.DESCRIPTION, FOLLOW_UPS.RAISED_AT, FOLLOW_UPS.DUE_ON,
                        FOLLOW_UPS.STATUS, FOLLOW_UPS.RESOLVED_AT, FOLLOW_UPS.RESOLUTION,
                        FOLLOW_UPS.REPLY_TO_OWNER, FOLLOW_UPS.REPLIED_AT)
                .from(FOLLOW_UPS).leftJoin(DEPARTMENTS)
                .on(DEPARTMENTS.DEPARTMENT_CODE.eq(FOLLOW_UPS.DEPARTMENT_CODE));
    }

    public Optional<FollowUp> find(String no) {
        return select().where(FOLLOW_UPS.FOLLOW_UP_NO.eq(no)).fetchOptional(Records.mapping(FollowUp::new));
    }

    public List<FollowUp> findAll(Collection<String> nos) {
        return select().where(FOLLOW_UPS.FOLLOW_UP_NO.in(nos)).fetch(Records.mapping(FollowUp::new));
    }

    private static Condition condition(Scope scope, FollowUpFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : FOLLOW_UPS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.openOnly()) {
            c = c.and(FOLLOW_UPS.STATUS.in(FollowUp.OPEN_STATUSES));
        }
        if (f.clusterCode() != null) {
            c = c.and(FOLLOW_UPS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.departmentCode() != null) {
            c = c.and(FOLLOW_UPS.DEPARTMENT_CODE.eq(f.departmentCode()));
        }
        if (f.source() != null) {
            c = c.and(FOLLOW_UPS.SOURCE.eq(f.source()));
        }
        if (f.unitCode() != null) {
            c = c.and(FOLLOW_UPS.UNIT_CODE.eq(f.unitCode()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(FOLLOW_UPS.FOLLOW_UP_NO.containsIgnoreCase(t)
                    .or(FOLLOW_UPS.UNIT_CODE.containsIgnoreCase(t))
                    .or(FOLLOW_UPS.DESCRIPTION.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Oldest first: the longest-waiting ticket is the most urgent. */
    public List<FollowUp> list(Scope scope, FollowUpFilter filter, Page page) {
        return select().where(condition(scope, filter))
                .orderBy(FOLLOW_UPS.RAISED_AT, FOLLOW_UPS.FOLLOW_UP_NO)
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(FollowUp::new));
    }

    public int count(Scope scope, FollowUpFilter filter) {
        return dsl.fetchCount(FOLLOW_UPS, condition(scope, filter));
    }

    public void setStatus(String no, String status) {
        FollowUpsRecord r = dsl.fetchSingle(FOLLOW_UPS, FOLLOW_UPS.FOLLOW_UP_NO.eq(no));
        r.setStatus(status);
        RecordUpdates.update(r, "status");
    }

    public void resolve(String no, LocalDateTime resolvedAt, String resolution, String reply,
            LocalDateTime repliedAt, String status) {
        FollowUpsRecord r = dsl.fetchSingle(FOLLOW_UPS, FOLLOW_UPS.FOLLOW_UP_NO.eq(no));
        r.setResolvedAt(resolvedAt);
        r.setResolution(resolution);
        if (reply != null) {
            r.setReplyToOwner(reply);
            r.setRepliedAt(repliedAt);
        }
        r.setStatus(status);
        RecordUpdates.update(r, "status");
    }

    public void addNote(String no, LocalDateTime at, String staffCode, String note) {
        FollowUpNotesRecord r = dsl.newRecord(FOLLOW_UP_NOTES);
        r.setFollowUpNo(no);
        r.setNotedAt(at);
        r.setStaffCode(staffCode);
        r.setNote(note);
        r.insert();
    }

    public List<FollowUpNote> notes(String no) {
        return dsl.select(FOLLOW_UP_NOTES.NOTED_AT, FOLLOW_UP_NOTES.STAFF_CODE, FOLLOW_UP_NOTES.NOTE)
                .from(FOLLOW_UP_NOTES).where(FOLLOW_UP_NOTES.FOLLOW_UP_NO.eq(no))
                .orderBy(FOLLOW_UP_NOTES.NOTED_AT, FOLLOW_UP_NOTES.ID)
                .fetch(Records.mapping(FollowUpNote::new));
    }

    /**
     * Units with a follow-up of the source that was raised before {@code before} and not
     * resolved by then, within the scope and, unless null, the given clusters.
     */
    public Set<String> unitsWithOpen(Scope scope, String source, LocalDateTime before,
            Collection<String> clusters) {
        Condition c = scope.all() ? DSL.noCondition() : FOLLOW_UPS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusters != null) {
            c = c.and(FOLLOW_UPS.CLUSTER_CODE.in(clusters));
        }
        // a plain TIMESTAMP bind: jOOQ casts to "timestamp without time zone(6)", which DuckDB refuses
        Field<LocalDateTime> at = DSL.val(before, SQLDataType.LOCALDATETIME);
        return new HashSet<>(dsl.selectDistinct(FOLLOW_UPS.UNIT_CODE).from(FOLLOW_UPS)
                .where(c)
                .and(FOLLOW_UPS.SOURCE.eq(source))
                .and(FOLLOW_UPS.UNIT_CODE.isNotNull())
                .and(FOLLOW_UPS.RAISED_AT.lt(at))
                .and(FOLLOW_UPS.RESOLVED_AT.isNull().or(FOLLOW_UPS.RESOLVED_AT.ge(at)))
                // a ticket closed without a resolution time is closed all the same
                .and(FOLLOW_UPS.RESOLVED_AT.isNotNull().or(FOLLOW_UPS.STATUS.in(FollowUp.OPEN_STATUSES)))
                .fetch(FOLLOW_UPS.UNIT_CODE));
    }

    /** jOOQ renders nextval for DuckDB as "seq".nextval, which DuckDB does not know. */
    private long nextval(org.jooq.Sequence<Long> sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence.getName())))
                .fetchOne(0, Long.class);
    }
}

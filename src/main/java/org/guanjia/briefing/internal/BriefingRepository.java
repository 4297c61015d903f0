package org.guanjia.briefing.internal;

import static org.guanjia.db.Sequences.BRIEFING_NO_SEQ;
import static org.guanjia.db.Tables.BRIEFING_ITEMS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.MORNING_BRIEFINGS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.briefing.Briefing;
import org.guanjia.briefing.BriefingFilter;
import org.guanjia.briefing.BriefingItem;
import org.guanjia.db.tables.records.BriefingItemsRecord;
import org.guanjia.db.tables.records.MorningBriefingsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to morning_briefings and briefing_items. */
@Repository
public class BriefingRepository {

    private final DSLContext dsl;

    BriefingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Numbers like MB-202503-00042 (the demo's start with "D-"). */
    public String nextNo(LocalDateTime at) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(BRIEFING_NO_SEQ.getName())))
                .fetchOne(0, Long.class);
        return String.format("MB-%04d%02d-%05d", at.getYear(), at.getMonthValue(), n);
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    public Optional<String> departmentOfKind(String kind) {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE).from(DEPARTMENTS).where(DEPARTMENTS.KIND.eq(kind))
                .orderBy(DEPARTMENTS.DEPARTMENT_CODE).limit(1).fetchOptional(r -> r.value1());
    }

    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(r -> r.value1());
    }

    private static Field<Integer> itemCount(boolean openOnly) {
        Condition c = BRIEFING_ITEMS.BRIEFING_NO.eq(MORNING_BRIEFINGS.BRIEFING_NO);
        if (openOnly) {
            return DSL.field(DSL.selectCount().from(BRIEFING_ITEMS)
                    .join(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(BRIEFING_ITEMS.FOLLOW_UP_NO))
                    .where(c).and(FOLLOW_UPS.STATUS.in("open", "in_progress")));
        }
        return DSL.field(DSL.selectCount().from(BRIEFING_ITEMS).where(c));
    }

    private List<Briefing> select(Condition where, Page page) {
        Field<Integer> items = itemCount(false).as("items");
        Field<Integer> open = itemCount(true).as("open_follow_ups");
        return dsl.select(MORNING_BRIEFINGS.BRIEFING_NO, MORNING_BRIEFINGS.CLUSTER_CODE,
                        MORNING_BRIEFINGS.BRIEFING_ON, MORNING_BRIEFINGS.HELD_AT, MORNING_BRIEFINGS.STAFF_CODE,
                        STAFF.NAME, MORNING_BRIEFINGS.NOTE, items, open)
                .from(MORNING_BRIEFINGS).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(MORNING_BRIEFINGS.STAFF_CODE))
                .where(where)
                .orderBy(MORNING_BRIEFINGS.BRIEFING_ON.desc(), MORNING_BRIEFINGS.CLUSTER_CODE)
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new Briefing(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8() == null ? 0 : r.value8(), r.value9() == null ? 0 : r.value9()));
    }

    private static Condition condition(Scope scope, BriefingFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : MORNING_BRIEFINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.clusterCode() != null) {
            c = c.and(MORNING_BRIEFINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.from() != null) {
            c = c.and(MORNING_BRIEFINGS.BRIEFING_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(MORNING_BRIEFINGS.BRIEFING_ON.le(f.to()));
        }
        if (f.withOpenOnly()) {
            c = c.and(DSL.exists(DSL.selectOne().from(BRIEFING_ITEMS)
                    .join(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(BRIEFING_ITEMS.FOLLOW_UP_NO))
                    .where(BRIEFING_ITEMS.BRIEFING_NO.eq(MORNING_BRIEFINGS.BRIEFING_NO))
                    .and(FOLLOW_UPS.STATUS.in("open", "in_progress"))));
        }
        return c;
    }

    public Optional<Briefing> find(String no) {
        return select(MORNING_BRIEFINGS.BRIEFING_NO.eq(no), Page.first(1)).stream().findFirst();
    }

    public Optional<Briefing> find(String clusterCode, LocalDate day) {
        return select(MORNING_BRIEFINGS.CLUSTER_CODE.eq(clusterCode).and(MORNING_BRIEFINGS.BRIEFING_ON.eq(day)),
                Page.first(1)).stream().findFirst();
    }

    public List<Briefing> list(Scope scope, BriefingFilter filter, Page page) {
        return select(condition(scope, filter), page);
    }

    public int count(Scope scope, BriefingFilter filter) {
        return dsl.fetchCount(MORNING_BRIEFINGS, condition(scope, filter));
    }

    public void insert(String no, String clusterCode, LocalDate day, LocalDateTime heldAt, String staffCode) {
        MorningBriefingsRecord r = dsl.newRecord(MORNING_BRIEFINGS);
        r.setBriefingNo(no);
        r.setClusterCode(clusterCode);
        r.setBriefingOn(day);
        r.setHeldAt(heldAt);
        r.setStaffCode(staffCode);
        r.insert();
    }

    public void setHeld(String no, LocalDateTime heldAt, String note) {
        MorningBriefingsRecord r = dsl.fetchSingle(MORNING_BRIEFINGS, MORNING_BRIEFINGS.BRIEFING_NO.eq(no));
        r.setHeldAt(heldAt);
        r.setNote(note);
        RecordUpdates.update(r, "heldAt");
    }

    public long insertItem(String no, String source, String description, boolean urgent, String followUpNo) {
        BriefingItemsRecord r = dsl.newRecord(BRIEFING_ITEMS);
        r.setBriefingNo(no);
        r.setSource(source);
        r.setDescription(description);
        r.setUrgent(urgent);
        r.setFollowUpNo(followUpNo);
        r.insert();
        return r.getId();
    }

    public List<BriefingItem> items(String no) {
        return dsl.select(BRIEFING_ITEMS.ID, BRIEFING_ITEMS.BRIEFING_NO, BRIEFING_ITEMS.SOURCE,
                        BRIEFING_ITEMS.DESCRIPTION, BRIEFING_ITEMS.URGENT, BRIEFING_ITEMS.FOLLOW_UP_NO, FOLLOW_UPS.STATUS)
                .from(BRIEFING_ITEMS).leftJoin(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(BRIEFING_ITEMS.FOLLOW_UP_NO))
                .where(BRIEFING_ITEMS.BRIEFING_NO.eq(no)).orderBy(BRIEFING_ITEMS.ID)
                .fetch(r -> new BriefingItem(r.value1(), r.value2(), r.value3(), r.value4(),
                        Boolean.TRUE.equals(r.value5()), r.value6(), r.value7()));
    }
}

package org.guanjia.repair.internal;

import static org.guanjia.db.Sequences.RECTIFICATION_ITEM_NO_SEQ;
import static org.guanjia.db.Sequences.REPAIR_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.RECTIFICATION_ITEMS;
import static org.guanjia.db.Tables.RECTIFICATION_NOTES;
import static org.guanjia.db.Tables.REPAIRS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.Staff;
import org.guanjia.db.tables.records.RectificationItemsRecord;
import org.guanjia.db.tables.records.RectificationNotesRecord;
import org.guanjia.db.tables.records.RepairsRecord;
import org.guanjia.repair.Engineer;
import org.guanjia.repair.RectificationFilter;
import org.guanjia.repair.RectificationItem;
import org.guanjia.repair.RectificationNote;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to repairs, rectification_items and rectification_notes. */
@Repository
public class RepairRepository {

    private static final Staff ENGINEER = STAFF.as("engineer");

    private final DSLContext dsl;

    RepairRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Numbers like RP-202503-00042 / RI-202503-00007 (the demo's start with "D-"). */
    public String nextRepairNo(LocalDateTime at) {
        return String.format("RP-%04d%02d-%05d", at.getYear(), at.getMonthValue(), nextval(REPAIR_NO_SEQ));
    }

    public String nextItemNo(LocalDateTime at) {
        return String.format("RI-%04d%02d-%05d", at.getYear(), at.getMonthValue(),
                nextval(RECTIFICATION_ITEM_NO_SEQ));
    }

    /** jOOQ renders nextval for DuckDB as "seq".nextval, which DuckDB does not know. */
    private long nextval(org.jooq.Sequence<Long> sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence.getName())))
                .fetchOne(0, Long.class);
    }

    /** The unit's building and cluster. */
    public Optional<String[]> placeOfUnit(String unitCode) {
        return dsl.select(UNITS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> new String[] {r.value1(), r.value2()});
    }

    public Optional<String> clusterOfBuilding(String buildingCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(BUILDINGS)
                .where(BUILDINGS.BUILDING_CODE.eq(buildingCode)).fetchOptional(r -> r.value1());
    }

    public List<String> buildings(Scope scope) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        return dsl.select(BUILDINGS.BUILDING_CODE).from(BUILDINGS).where(c)
                .orderBy(BUILDINGS.BUILDING_CODE).fetch(r -> r.value1());
    }

    public List<Engineer> engineers() {
        return dsl.select(STAFF.STAFF_CODE, STAFF.NAME).from(STAFF)
                .where(STAFF.ROLE.eq("engineer")).and(STAFF.ACTIVE.isTrue())
                .orderBy(STAFF.NAME).fetch(r -> new Engineer(r.value1(), r.value2()));
    }

    public boolean isEngineer(String staffCode) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(staffCode).and(STAFF.ROLE.eq("engineer")));
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    private static Field<String> ownerOf(Field<String> unit) {
        return DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS).where(OWNERS.UNIT_CODE.eq(unit)))
                .as("owner_name");
    }

    // --- repairs ------------------------------------------------------------------------------

    private SelectOnConditionStep<Record> selectRepairs() {
        return dsl.select(REPAIRS.fields()).select(BUILDINGS.CLUSTER_CODE, ownerOf(REPAIRS.UNIT_CODE),
                        ENGINEER.NAME)
                .from(REPAIRS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(REPAIRS.BUILDING_CODE))
                .leftJoin(ENGINEER).on(ENGINEER.STAFF_CODE.eq(REPAIRS.ENGINEER_CODE));
    }

    private static Repair mapRepair(Record r) {
        return new Repair(r.get(REPAIRS.REPAIR_NO), r.get(REPAIRS.BUILDING_CODE), r.get(REPAIRS.UNIT_CODE),
                r.get(BUILDINGS.CLUSTER_CODE), r.get("owner_name", String.class), r.get(REPAIRS.REPORTED_AT),
                r.get(REPAIRS.CATEGORY), r.get(REPAIRS.DESCRIPTION), r.get(REPAIRS.STATUS),
                r.get(REPAIRS.ENGINEER_CODE), r.get(ENGINEER.NAME), r.get(REPAIRS.ASSIGNED_AT),
                r.get(REPAIRS.BUTLER_ACCOMPANIED), r.get(REPAIRS.COMPLETED_AT), r.get(REPAIRS.RETURN_VISIT_AT),
                r.get(REPAIRS.RETURN_VISIT_BY), r.get(REPAIRS.SCORE_ATTITUDE), r.get(REPAIRS.SCORE_QUALITY),
                r.get(REPAIRS.SCORE_ETIQUETTE), r.get(REPAIRS.RETURN_VISIT_COMMENT));
    }

    public Optional<Repair> findRepair(String no) {
        return selectRepairs().where(REPAIRS.REPAIR_NO.eq(no)).fetchOptional(RepairRepository::mapRepair);
    }

    private static Condition repairCondition(Scope scope, RepairFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.status() != null) {
            c = c.and(REPAIRS.STATUS.eq(f.status()));
        }
        if (f.category() != null) {
            c = c.and(REPAIRS.CATEGORY.eq(f.category()));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(REPAIRS.REPAIR_NO.containsIgnoreCase(t)
                    .or(REPAIRS.UNIT_CODE.containsIgnoreCase(t))
                    .or(REPAIRS.BUILDING_CODE.containsIgnoreCase(t))
                    .or(REPAIRS.DESCRIPTION.containsIgnoreCase(t)));
        }
        return c;
    }

    public List<Repair> repairs(Scope scope, RepairFilter filter, Page page) {
        return selectRepairs().where(repairCondition(scope, filter))
                .orderBy(REPAIRS.REPORTED_AT.desc(), REPAIRS.REPAIR_NO.desc())
                .offset(page.offset()).limit(page.limit()).fetch(RepairRepository::mapRepair);
    }

    public int countRepairs(Scope scope, RepairFilter filter) {
        return dsl.fetchCount(dsl.selectOne().from(REPAIRS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(REPAIRS.BUILDING_CODE))
                .where(repairCondition(scope, filter)));
    }

    public void insertRepair(String no, String buildingCode, String unitCode, LocalDateTime reportedAt,
            String category, String description) {
        RepairsRecord r = dsl.newRecord(REPAIRS);
        r.setRepairNo(no);
        r.setBuildingCode(buildingCode);
        r.setUnitCode(unitCode);
        r.setReportedAt(reportedAt);
        r.setCategory(category);
        r.setDescription(description);
        r.setStatus("reported");
        r.insert();
    }

    private RepairsRecord repairRecord(String no) {
        return dsl.fetchSingle(REPAIRS, REPAIRS.REPAIR_NO.eq(no));
    }

    public void assign(String no, String engineerCode, LocalDateTime at, Boolean butlerAccompanied) {
        RepairsRecord r = repairRecord(no);
        r.setEngineerCode(engineerCode);
        r.setAssignedAt(at);
        r.setButlerAccompanied(butlerAccompanied);
        r.setStatus("assigned");
        RecordUpdates.update(r, "status");
    }

    public void complete(String no, LocalDateTime at, Boolean butlerAccompanied) {
        RepairsRecord r = repairRecord(no);
        r.setCompletedAt(at);
        if (butlerAccompanied != null) {
            r.setButlerAccompanied(butlerAccompanied);
        }
        r.setStatus("completed");
        RecordUpdates.update(r, "status");
    }

    public void returnVisit(String no, LocalDateTime at, String by, Integer attitude, Integer quality,
            Integer etiquette, String comment) {
        RepairsRecord r = repairRecord(no);
        r.setReturnVisitAt(at);
        r.setReturnVisitBy(by);
        r.setScoreAttitude(attitude);
        r.setScoreQuality(quality);
        r.setScoreEtiquette(etiquette);
        r.setReturnVisitComment(comment);
        r.setStatus("closed");
        RecordUpdates.update(r, "status");
    }

    // --- rectification items --------------------------------------------------------------------

    private SelectOnConditionStep<Record> selectItems() {
        return dsl.select(RECTIFICATION_ITEMS.fields())
                .select(BUILDINGS.CLUSTER_CODE, ownerOf(RECTIFICATION_ITEMS.UNIT_CODE), DEPARTMENTS.NAME)
                .from(RECTIFICATION_ITEMS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(RECTIFICATION_ITEMS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(DEPARTMENTS).on(DEPARTMENTS.DEPARTMENT_CODE.eq(RECTIFICATION_ITEMS.DEPARTMENT_CODE));
    }

    private static RectificationItem mapItem(Record r) {
        return new RectificationItem(r.get(RECTIFICATION_ITEMS.ITEM_NO), r.get(RECTIFICATION_ITEMS.UNIT_CODE),
                r.get(BUILDINGS.CLUSTER_CODE), r.get("owner_name", String.class),
                r.get(RECTIFICATION_ITEMS.RAISED_ON), r.get(RECTIFICATION_ITEMS.DESCRIPTION),
                r.get(RECTIFICATION_ITEMS.DEPARTMENT_CODE), r.get(DEPARTMENTS.NAME),
                r.get(RECTIFICATION_ITEMS.STATUS), r.get(RECTIFICATION_ITEMS.CLOSED_ON),
                r.get(RECTIFICATION_ITEMS.FEEDBACK_TO_OWNER), r.get(RECTIFICATION_ITEMS.FOLLOW_UP_NO));
    }

    public Optional<RectificationItem> findItem(String no) {
        return selectItems().where(RECTIFICATION_ITEMS.ITEM_NO.eq(no)).fetchOptional(RepairRepository::mapItem);
    }

    private static Condition itemCondition(Scope scope, RectificationFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.openOnly()) {
            c = c.and(RECTIFICATION_ITEMS.STATUS.ne("closed"));
        }
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(RECTIFICATION_ITEMS.ITEM_NO.containsIgnoreCase(t)
                    .or(RECTIFICATION_ITEMS.UNIT_CODE.containsIgnoreCase(t))
                    .or(RECTIFICATION_ITEMS.DESCRIPTION.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Oldest first: the owner who has waited longest comes first. */
    public List<RectificationItem> items(Scope scope, RectificationFilter filter, Page page) {
        return selectItems().where(itemCondition(scope, filter))
                .orderBy(RECTIFICATION_ITEMS.RAISED_ON, RECTIFICATION_ITEMS.ITEM_NO)
                .offset(page.offset()).limit(page.limit()).fetch(RepairRepository::mapItem);
    }

    public int countItems(Scope scope, RectificationFilter filter) {
        return dsl.fetchCount(dsl.selectOne().from(RECTIFICATION_ITEMS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(RECTIFICATION_ITEMS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(itemCondition(scope, filter)));
    }

    public void insertItem(String no, String unitCode, java.time.LocalDate raisedOn, String description,
            String departmentCode, String followUpNo) {
        RectificationItemsRecord r = dsl.newRecord(RECTIFICATION_ITEMS);
        r.setItemNo(no);
        r.setUnitCode(unitCode);
        r.setRaisedOn(raisedOn);
        r.setDescription(description);
        r.setDepartmentCode(departmentCode);
        r.setStatus("open");
        r.setFollowUpNo(followUpNo);
        r.insert();
    }

    private RectificationItemsRecord itemRecord(String no) {
        return dsl.fetchSingle(RECTIFICATION_ITEMS, RECTIFICATION_ITEMS.ITEM_NO.eq(no));
    }

    public void setItemStatus(String no, String status) {
        RectificationItemsRecord r = itemRecord(no);
        r.setStatus(status);
        RecordUpdates.update(r, "status");
    }

    public void closeItem(String no, java.time.LocalDate closedOn, String feedbackToOwner) {
        RectificationItemsRecord r = itemRecord(no);
        r.setStatus("closed");
        r.setClosedOn(closedOn);
        r.setFeedbackToOwner(feedbackToOwner);
        RecordUpdates.update(r, "status");
    }

    public void addNote(String itemNo, LocalDateTime at, String staffCode, boolean returnVisit, String note) {
        RectificationNotesRecord r = dsl.newRecord(RECTIFICATION_NOTES);
        r.setItemNo(itemNo);
        r.setNotedAt(at);
        r.setStaffCode(staffCode);
        r.setReturnVisit(returnVisit);
        r.setNote(note);
        r.insert();
    }

    public List<RectificationNote> notes(String itemNo) {
        return dsl.select(RECTIFICATION_NOTES.NOTED_AT, RECTIFICATION_NOTES.STAFF_CODE, STAFF.NAME,
                        RECTIFICATION_NOTES.RETURN_VISIT, RECTIFICATION_NOTES.NOTE)
                .from(RECTIFICATION_NOTES).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(RECTIFICATION_NOTES.STAFF_CODE))
                .where(RECTIFICATION_NOTES.ITEM_NO.eq(itemNo))
                .orderBy(RECTIFICATION_NOTES.NOTED_AT, RECTIFICATION_NOTES.ID)
                .fetch(r -> new RectificationNote(r.value1(), r.value2(), r.value3(),
                        Boolean.TRUE.equals(r.value4()), r.value5()));
    }
}

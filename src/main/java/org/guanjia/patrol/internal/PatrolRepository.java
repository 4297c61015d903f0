package org.guanjia.patrol.internal;

import static org.guanjia.db.Sequences.PATROL_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.PATROLS;
import static org.guanjia.db.Tables.PATROL_CHECKLIST_ITEMS;
import static org.guanjia.db.Tables.PATROL_CHECKS;
import static org.guanjia.db.Tables.PATROL_FINDINGS;
import static org.guanjia.db.Tables.PATROL_ITEM_RESULTS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.PatrolChecklistItemsRecord;
import org.guanjia.db.tables.records.PatrolChecksRecord;
import org.guanjia.db.tables.records.PatrolFindingsRecord;
import org.guanjia.db.tables.records.PatrolItemResultsRecord;
import org.guanjia.db.tables.records.PatrolsRecord;
import org.guanjia.patrol.ChecklistItem;
import org.guanjia.patrol.Finding;
import org.guanjia.patrol.Patrol;
import org.guanjia.patrol.PatrolCheck;
import org.guanjia.patrol.PatrolFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to patrols, their checklist results and findings, and the checklist itself. */
@Repository
public class PatrolRepository {

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    PatrolRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** Numbers like PT-202503-00042 (the demo's start with "D-"). */
    public String nextNo(LocalDateTime at) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(PATROL_NO_SEQ.getName())))
                .fetchOne(0, Long.class);
        return String.format("PT-%04d%02d-%05d", at.getYear(), at.getMonthValue(), n);
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(r -> r.value1());
    }

    public boolean departmentExists(String code) {
        return dsl.fetchExists(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE.eq(code));
    }

    // --- patrols ------------------------------------------------------------------------------

    private static Field<Integer> findingCount(boolean openOnly) {
        Condition c = PATROL_FINDINGS.PATROL_NO.eq(PATROLS.PATROL_NO);
        if (openOnly) {
            return DSL.field(DSL.selectCount().from(PATROL_FINDINGS)
                    .join(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(PATROL_FINDINGS.FOLLOW_UP_NO))
                    .where(c).and(FOLLOW_UPS.STATUS.in("open", "in_progress")));
        }
        return DSL.field(DSL.selectCount().from(PATROL_FINDINGS).where(c));
    }

    private List<Patrol> select(Condition where, Page page) {
        Field<Integer> findings = findingCount(false).as("findings");
        Field<Integer> open = findingCount(true).as("open_follow_ups");
        return dsl.select(PATROLS.PATROL_NO, PATROLS.CLUSTER_CODE, PATROLS.STAFF_CODE, STAFF.NAME,
                        PATROLS.PATROL_ON, PATROLS.STARTED_AT, PATROLS.FINISHED_AT, PATROLS.NOTE, findings, open)
                .from(PATROLS).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(PATROLS.STAFF_CODE))
                .where(where)
                .orderBy(PATROLS.PATROL_ON.desc(), PATROLS.STARTED_AT.desc().nullsLast(), PATROLS.PATROL_NO.desc())
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new Patrol(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9() == null ? 0 : r.value9(),
                        r.value10() == null ? 0 : r.value10()));
    }

    private static Condition condition(Scope scope, PatrolFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : PATROLS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.clusterCode() != null) {
            c = c.and(PATROLS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.from() != null) {
            c = c.and(PATROLS.PATROL_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(PATROLS.PATROL_ON.le(f.to()));
        }
        if (f.withFindingsOnly()) {
            c = c.and(DSL.exists(DSL.selectOne().from(PATROL_FINDINGS)
                    .where(PATROL_FINDINGS.PATROL_NO.eq(PATROLS.PATROL_NO))));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(PATROLS.PATROL_NO.containsIgnoreCase(t).or(PATROLS.CLUSTER_CODE.containsIgnoreCase(t))
                    .or(DSL.exists(DSL.selectOne().from(STAFF).where(STAFF.STAFF_CODE.eq(PATROLS.STAFF_CODE))
                            .and(STAFF.NAME.containsIgnoreCase(t)))));
        }
        return c;
    }

    public Optional<Patrol> find(String no) {
        return select(PATROLS.PATROL_NO.eq(no), Page.first(1)).stream().findFirst();
    }

    public List<Patrol> list(Scope scope, PatrolFilter filter, Page page) {
        return select(condition(scope, filter), page);
    }

    public int count(Scope scope, PatrolFilter filter) {
        return dsl.fetchCount(PATROLS, condition(scope, filter));
    }

    /** The staff member's unfinished patrol of the cluster, if there is one. */
    public Optional<String> unfinished(String clusterCode, String staffCode) {
        return dsl.select(PATROLS.PATROL_NO).from(PATROLS)
                .where(PATROLS.CLUSTER_CODE.eq(clusterCode)).and(PATROLS.STAFF_CODE.eq(staffCode))
                .and(PATROLS.FINISHED_AT.isNull())
                .orderBy(PATROLS.STARTED_AT.desc()).limit(1).fetchOptional(r -> r.value1());
    }

    public void insert(String no, String clusterCode, String staffCode, LocalDate on, LocalDateTime startedAt,
            String note) {
        PatrolsRecord r = dsl.newRecord(PATROLS);
        r.setPatrolNo(no);
        r.setClusterCode(clusterCode);
        r.setStaffCode(staffCode);
        r.setPatrolOn(on);
        r.setStartedAt(startedAt);
        r.setNote(note);
        r.insert();
        summaries.addWork(KpiWorkMonths.Kind.PATROLS, staffCode, on, 1);
    }

    public void finish(String no, LocalDateTime at, String note) {
        PatrolsRecord r = dsl.fetchSingle(PATROLS, PATROLS.PATROL_NO.eq(no));
        r.setFinishedAt(at);
        if (note != null) {
            r.setNote(note);
        }
        RecordUpdates.update(r, "note");
    }

    // --- checklist results ----------------------------------------------------------------------

    /**
     * The checklist of a patrol: the active items for its cluster, plus items recorded on it that
     * have since been deactivated, in checklist order, each with its result.
     */
    public List<PatrolCheck> checks(String patrolNo, String clusterCode) {
        Condition forCluster = PATROL_CHECKLIST_ITEMS.CLUSTER_CODE.isNull()
                .or(PATROL_CHECKLIST_ITEMS.CLUSTER_CODE.eq(clusterCode));
        return dsl.select(PATROL_CHECKLIST_ITEMS.fields()).select(PATROL_ITEM_RESULTS.RESULT, PATROL_ITEM_RESULTS.NOTE)
                .from(PATROL_CHECKLIST_ITEMS)
                .leftJoin(PATROL_ITEM_RESULTS).on(PATROL_ITEM_RESULTS.ITEM_CODE.eq(PATROL_CHECKLIST_ITEMS.ITEM_CODE)
                        .and(PATROL_ITEM_RESULTS.PATROL_NO.eq(patrolNo)))
                .where(forCluster.and(PATROL_CHECKLIST_ITEMS.ACTIVE.isTrue())
                        .or(PATROL_ITEM_RESULTS.RESULT.isNotNull()))
                .orderBy(PATROL_CHECKLIST_ITEMS.SORT_ORDER, PATROL_CHECKLIST_ITEMS.ITEM_CODE)
                .fetch(r -> new PatrolCheck(item(r), r.get(PATROL_ITEM_RESULTS.RESULT),
                        r.get(PATROL_ITEM_RESULTS.NOTE)));
    }

    public Optional<String> result(String patrolNo, String itemCode) {
        return dsl.select(PATROL_ITEM_RESULTS.RESULT).from(PATROL_ITEM_RESULTS)
                .where(PATROL_ITEM_RESULTS.PATROL_NO.eq(patrolNo)).and(PATROL_ITEM_RESULTS.ITEM_CODE.eq(itemCode))
                .fetchOptional(r -> r.value1());
    }

    /** Writes the item's result and keeps the category's row in patrol_checks the worst of its items. */
    public void setResult(String patrolNo, ChecklistItem item, String result, String note, LocalDateTime at) {
        PatrolItemResultsRecord r = dsl.fetchOne(PATROL_ITEM_RESULTS, PATROL_ITEM_RESULTS.PATROL_NO.eq(patrolNo)
                .and(PATROL_ITEM_RESULTS.ITEM_CODE.eq(item.code())));
        if (r == null) {
            r = dsl.newRecord(PATROL_ITEM_RESULTS);
            r.setPatrolNo(patrolNo);
            r.setItemCode(item.code());
            r.setResult(result);
            r.setNote(note);
            r.setCheckedAt(at);
            r.insert();
        } else {
            r.setResult(result);
            r.setNote(note);
            r.setCheckedAt(at);
            RecordUpdates.update(r, "result");
        }
        summarise(patrolNo, item.category());
    }

    private void summarise(String patrolNo, String category) {
        List<String> results = dsl.select(PATROL_ITEM_RESULTS.RESULT).from(PATROL_ITEM_RESULTS)
                .join(PATROL_CHECKLIST_ITEMS).on(PATROL_CHECKLIST_ITEMS.ITEM_CODE.eq(PATROL_ITEM_RESULTS.ITEM_CODE))
                .where(PATROL_ITEM_RESULTS.PATROL_NO.eq(patrolNo)).and(PATROL_CHECKLIST_ITEMS.CATEGORY.eq(category))
                .fetch(r -> r.value1());
        String worst = results.contains(PatrolCheck.ISSUE) ? PatrolCheck.ISSUE
                : results.contains(PatrolCheck.OK) ? PatrolCheck.OK : PatrolCheck.NOT_APPLICABLE;
        PatrolChecksRecord c = dsl.fetchOne(PATROL_CHECKS, PATROL_CHECKS.PATROL_NO.eq(patrolNo)
                .and(PATROL_CHECKS.ITEM.eq(category)));
        if (c == null) {
            c = dsl.newRecord(PATROL_CHECKS);
            c.setPatrolNo(patrolNo);
            c.setItem(category);
            c.setResult(worst);
            c.insert();
        } else {
            c.setResult(worst);
            RecordUpdates.update(c, "result");
        }
    }

    // --- findings -------------------------------------------------------------------------------

    public long insertFinding(String patrolNo, ChecklistItem item, String description, String unitCode,
            String photoKey, String followUpNo) {
        PatrolFindingsRecord f = dsl.newRecord(PATROL_FINDINGS);
        f.setPatrolNo(patrolNo);
        f.setItem(item.category());
        f.setItemCode(item.code());
        f.setDescription(description);
        f.setUnitCode(unitCode);
        f.setPhotoKey(photoKey);
        f.setFollowUpNo(followUpNo);
        f.insert();
        return f.getId();
    }

    private org.jooq.SelectOnConditionStep<Record> selectFindings() {
        return dsl.select(PATROL_FINDINGS.fields()).select(FOLLOW_UPS.STATUS)
                .from(PATROL_FINDINGS)
                .leftJoin(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(PATROL_FINDINGS.FOLLOW_UP_NO));
    }

    private static Finding finding(Record r) {
        return new Finding(r.get(PATROL_FINDINGS.ID), r.get(PATROL_FINDINGS.PATROL_NO),
                r.get(PATROL_FINDINGS.ITEM_CODE) != null ? r.get(PATROL_FINDINGS.ITEM_CODE) : r.get(PATROL_FINDINGS.ITEM),
                r.get(PATROL_FINDINGS.ITEM), r.get(PATROL_FINDINGS.DESCRIPTION), r.get(PATROL_FINDINGS.UNIT_CODE),
                r.get(PATROL_FINDINGS.PHOTO_KEY), r.get(PATROL_FINDINGS.FOLLOW_UP_NO), r.get(FOLLOW_UPS.STATUS));
    }

    public List<Finding> findings(String patrolNo) {
        return selectFindings().where(PATROL_FINDINGS.PATROL_NO.eq(patrolNo)).orderBy(PATROL_FINDINGS.ID)
                .fetch(PatrolRepository::finding);
    }

    public Optional<Finding> finding(long id) {
        return selectFindings().where(PATROL_FINDINGS.ID.eq(id)).fetchOptional(PatrolRepository::finding);
    }

    // --- the checklist --------------------------------------------------------------------------

    private static ChecklistItem item(Record r) {
        return new ChecklistItem(r.get(PATROL_CHECKLIST_ITEMS.ITEM_CODE), r.get(PATROL_CHECKLIST_ITEMS.CLUSTER_CODE),
                r.get(PATROL_CHECKLIST_ITEMS.CATEGORY), r.get(PATROL_CHECKLIST_ITEMS.LABEL_EN),
                r.get(PATROL_CHECKLIST_ITEMS.LABEL_ZH_CN), r.get(PATROL_CHECKLIST_ITEMS.LABEL_ZH_TW),
                r.get(PATROL_CHECKLIST_ITEMS.SORT_ORDER), r.get(PATROL_CHECKLIST_ITEMS.NEEDS_UNIT),
                r.get(PATROL_CHECKLIST_ITEMS.DEPARTMENT_KIND), r.get(PATROL_CHECKLIST_ITEMS.ACTIVE));
    }

    /** All items (active or not) of the company and, with a cluster, of that cluster; or of all clusters. */
    public List<ChecklistItem> items(String clusterCode, boolean allClusters) {
        Condition c = allClusters ? DSL.noCondition()
                : clusterCode == null ? PATROL_CHECKLIST_ITEMS.CLUSTER_CODE.isNull()
                : PATROL_CHECKLIST_ITEMS.CLUSTER_CODE.isNull().or(PATROL_CHECKLIST_ITEMS.CLUSTER_CODE.eq(clusterCode));
        return dsl.selectFrom(PATROL_CHECKLIST_ITEMS).where(c)
                .orderBy(PATROL_CHECKLIST_ITEMS.SORT_ORDER, PATROL_CHECKLIST_ITEMS.ITEM_CODE)
                .fetch(PatrolRepository::item);
    }

    public Optional<ChecklistItem> item(String code) {
        return dsl.selectFrom(PATROL_CHECKLIST_ITEMS).where(PATROL_CHECKLIST_ITEMS.ITEM_CODE.eq(code))
                .fetchOptional(PatrolRepository::item);
    }

    public int maxSortOrder() {
        Integer max = dsl.select(DSL.max(PATROL_CHECKLIST_ITEMS.SORT_ORDER)).from(PATROL_CHECKLIST_ITEMS)
                .fetchOne(0, Integer.class);
        return max == null ? 0 : max;
    }

    public boolean itemUsed(String code) {
        return dsl.fetchExists(PATROL_ITEM_RESULTS, PATROL_ITEM_RESULTS.ITEM_CODE.eq(code))
                || dsl.fetchExists(PATROL_FINDINGS, PATROL_FINDINGS.ITEM_CODE.eq(code));
    }

    public void insertItem(ChecklistItem i) {
        PatrolChecklistItemsRecord r = dsl.newRecord(PATROL_CHECKLIST_ITEMS);
        write(r, i);
        r.setItemCode(i.code());
        r.insert();
    }

    public void updateItem(ChecklistItem i) {
        PatrolChecklistItemsRecord r = dsl.fetchSingle(PATROL_CHECKLIST_ITEMS, PATROL_CHECKLIST_ITEMS.ITEM_CODE.eq(i.code()));
        write(r, i);
        RecordUpdates.update(r, "clusterCode");
    }

    private static void write(PatrolChecklistItemsRecord r, ChecklistItem i) {
        r.setClusterCode(i.clusterCode());
        r.setCategory(i.category());
        r.setLabelEn(i.labelEn());
        r.setLabelZhCn(i.labelZhCn());
        r.setLabelZhTw(i.labelZhTw());
        r.setSortOrder(i.sortOrder());
        r.setNeedsUnit(i.needsUnit());
        r.setDepartmentKind(i.departmentKind());
        r.setActive(i.active());
    }

    public void deleteItem(String code) {
        dsl.deleteFrom(PATROL_CHECKLIST_ITEMS).where(PATROL_CHECKLIST_ITEMS.ITEM_CODE.eq(code)).execute();
    }

    /** The first department of the kind, for a finding's default. */
    public Optional<String> departmentOfKind(String kind) {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE).from(DEPARTMENTS).where(DEPARTMENTS.KIND.eq(kind))
                .orderBy(DEPARTMENTS.DEPARTMENT_CODE).limit(1).fetchOptional(r -> r.value1());
    }
}

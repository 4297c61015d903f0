package org.guanjia.vacancy.internal;

import static org.guanjia.db.Sequences.VACANCY_INSPECTION_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_STATUS;
import static org.guanjia.db.Tables.VACANCY_INSPECTIONS;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiWorkMonths;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.VacancyInspectionsRecord;
import org.guanjia.vacancy.Inspection;
import org.guanjia.vacancy.InspectionFilter;
import org.guanjia.vacancy.VacantUnit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to vacancy_inspections and the unit status history it is based on. */
@Repository
public class VacancyRepository {

    private final DSLContext dsl;
    private final KpiSummaryMaintenance summaries;

    VacancyRepository(DSLContext dsl, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.summaries = summaries;
    }

    /** Numbers like VI-202503-00042 (the demo's start with "D-"). */
    public String nextNo(LocalDate on) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT,
                DSL.inline(VACANCY_INSPECTION_NO_SEQ.getName()))).fetchOne(0, Long.class);
        return String.format("VI-%04d%02d-%05d", on.getYear(), on.getMonthValue(), n);
    }

    /** The unit's cluster. */
    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(r -> r.value1());
    }

    /** The clusters a scope covers, by code. */
    public List<String> clusters(Scope scope) {
        return dsl.select(CLUSTERS.CLUSTER_CODE).from(CLUSTERS)
                .where(scope.all() ? DSL.noCondition() : CLUSTERS.CLUSTER_CODE.in(scope.clusterCodes()))
                .orderBy(CLUSTERS.CLUSTER_CODE).fetch(r -> r.value1());
    }

    /** The first engineering department (by code), where failed checks go. */
    public Optional<String> engineeringDepartment() {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE).from(DEPARTMENTS)
                .where(DEPARTMENTS.KIND.eq("engineering")).orderBy(DEPARTMENTS.DEPARTMENT_CODE)
                .limit(1).fetchOptional(r -> r.value1());
    }

    // --- status on a day (KPI.md: latest row on or before the day; none = vacant) ---------------

    private static Field<String> statusOn(Field<String> unit, LocalDate day) {
        return DSL.coalesce(DSL.field(DSL.select(UNIT_STATUS.STATUS).from(UNIT_STATUS)
                .where(UNIT_STATUS.UNIT_CODE.eq(unit)).and(UNIT_STATUS.FROM_DATE.le(day))
                .orderBy(UNIT_STATUS.FROM_DATE.desc()).limit(1)), DSL.inline("vacant"));
    }

    /** Delivered by the day and vacant on it. */
    private static Condition vacantOn(LocalDate day) {
        return UNITS.DELIVERED_ON.le(day).and(statusOn(UNITS.UNIT_CODE, day).eq("vacant"));
    }

    public boolean isVacant(String unitCode, LocalDate day) {
        return dsl.fetchExists(dsl.selectOne().from(UNITS)
                .where(UNITS.UNIT_CODE.eq(unitCode)).and(vacantOn(day)));
    }

    /**
     * The units of the scope vacant on {@code today} without an inspection dated from
     * {@code monthStart} to today, by cluster and unit.
     */
    public List<VacantUnit> notInspected(Scope scope, String clusterCode, LocalDate monthStart,
            LocalDate today) {
        Field<LocalDate> since = DSL.coalesce(DSL.field(DSL.select(DSL.max(UNIT_STATUS.FROM_DATE))
                .from(UNIT_STATUS).where(UNIT_STATUS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                .and(UNIT_STATUS.FROM_DATE.le(today))), UNITS.DELIVERED_ON).as("vacant_since");
        Field<LocalDate> last = DSL.field(DSL.select(DSL.max(VACANCY_INSPECTIONS.INSPECTED_ON))
                .from(VACANCY_INSPECTIONS).where(VACANCY_INSPECTIONS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                .and(VACANCY_INSPECTIONS.INSPECTED_ON.lt(monthStart))).as("last_inspected");
        Field<String> owner = DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(UNITS.UNIT_CODE))).as("owner_name");
        Field<String> phone = DSL.field(DSL.select(DSL.min(OWNERS.PHONE)).from(OWNERS)
                .where(OWNERS.UNIT_CODE.eq(UNITS.UNIT_CODE))).as("owner_phone");
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        return dsl.select(UNITS.UNIT_CODE, BUILDINGS.CLUSTER_CODE, UNITS.BUILDING_CODE, owner, phone, since, last)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(c).and(vacantOn(today))
                .andNotExists(DSL.selectOne().from(VACANCY_INSPECTIONS)
                        .where(VACANCY_INSPECTIONS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                        .and(VACANCY_INSPECTIONS.INSPECTED_ON.between(monthStart, today)))
                .orderBy(BUILDINGS.CLUSTER_CODE, UNITS.UNIT_CODE)
                .fetch(r -> new VacantUnit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    /**
     * The status rows from {@code from} to {@code to} that are move-ins as KPI.md counts them:
     * "occupied" after a status that was not (none before = vacant), of a unit delivered by then.
     * One row per move-in: the cluster and the day.
     */
    public List<MoveIn> moveIns(Scope scope, LocalDate from, LocalDate to) {
        var s = DSL.select(UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE, UNIT_STATUS.STATUS,
                        DSL.coalesce(DSL.lag(UNIT_STATUS.STATUS).over(DSL.partitionBy(UNIT_STATUS.UNIT_CODE)
                                .orderBy(UNIT_STATUS.FROM_DATE)), DSL.inline("vacant")).as("previous"))
                .from(UNIT_STATUS).where(UNIT_STATUS.FROM_DATE.le(to)).asTable("s");
        Field<String> unit = s.field(UNIT_STATUS.UNIT_CODE);
        Field<LocalDate> on = s.field(UNIT_STATUS.FROM_DATE);
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        return dsl.select(BUILDINGS.CLUSTER_CODE, on)
                .from(s).join(UNITS).on(UNITS.UNIT_CODE.eq(unit))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(c).and(on.between(from, to))
                .and(s.field(UNIT_STATUS.STATUS).eq("occupied"))
                .and(s.field("previous", String.class).ne("occupied"))
                .and(UNITS.DELIVERED_ON.le(on))
                .fetch(r -> new MoveIn(r.value1(), r.value2()));
    }

    /** A move-in: the unit's cluster and the day. */
    public record MoveIn(String clusterCode, LocalDate on) {
    }

    // --- inspections -----------------------------------------------------------------------------

    private static final Field<String> OWNER = DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS)
            .where(OWNERS.UNIT_CODE.eq(VACANCY_INSPECTIONS.UNIT_CODE))).as("owner_name");

    private SelectOnConditionStep<Record> select() {
        return dsl.select(VACANCY_INSPECTIONS.fields())
                .select(BUILDINGS.CLUSTER_CODE, OWNER, STAFF.NAME, FOLLOW_UPS.STATUS)
                .from(VACANCY_INSPECTIONS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VACANCY_INSPECTIONS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(VACANCY_INSPECTIONS.STAFF_CODE))
                .leftJoin(FOLLOW_UPS).on(FOLLOW_UPS.FOLLOW_UP_NO.eq(VACANCY_INSPECTIONS.FOLLOW_UP_NO));
    }

    private static Inspection map(Record r) {
        return new Inspection(r.get(VACANCY_INSPECTIONS.INSPECTION_NO), r.get(VACANCY_INSPECTIONS.UNIT_CODE),
                r.get(BUILDINGS.CLUSTER_CODE), r.get(OWNER), r.get(VACANCY_INSPECTIONS.INSPECTED_ON),
                r.get(VACANCY_INSPECTIONS.STAFF_CODE), r.get(STAFF.NAME),
                r.get(VACANCY_INSPECTIONS.DOORS_WINDOWS_OK), r.get(VACANCY_INSPECTIONS.UTILITIES_OFF_OK),
                r.get(VACANCY_INSPECTIONS.NO_LEAK), r.get(VACANCY_INSPECTIONS.NO_CRACKS),
                r.get(VACANCY_INSPECTIONS.NOTE), r.get(VACANCY_INSPECTIONS.PHOTO_PATH),
                r.get(VACANCY_INSPECTIONS.FOLLOW_UP_NO), r.get(FOLLOW_UPS.STATUS),
                r.get(VACANCY_INSPECTIONS.OWNER_INFORMED_ON), r.get(VACANCY_INSPECTIONS.OWNER_INFORMED_METHOD));
    }

    public Optional<Inspection> find(String no) {
        return select().where(VACANCY_INSPECTIONS.INSPECTION_NO.eq(no)).fetchOptional(VacancyRepository::map);
    }

    private static Condition condition(Scope scope, InspectionFilter f) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (f.clusterCode() != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(f.clusterCode()));
        }
        if (f.unitCode() != null) {
            c = c.and(VACANCY_INSPECTIONS.UNIT_CODE.eq(f.unitCode()));
        }
        if (f.from() != null) {
            c = c.and(VACANCY_INSPECTIONS.INSPECTED_ON.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(VACANCY_INSPECTIONS.INSPECTED_ON.le(f.to()));
        }
        if (f.failedOnly()) {
            c = c.and(VACANCY_INSPECTIONS.DOORS_WINDOWS_OK.isFalse()
                    .or(VACANCY_INSPECTIONS.UTILITIES_OFF_OK.isFalse())
                    .or(VACANCY_INSPECTIONS.NO_LEAK.isFalse())
                    .or(VACANCY_INSPECTIONS.NO_CRACKS.isFalse()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(VACANCY_INSPECTIONS.INSPECTION_NO.containsIgnoreCase(t)
                    .or(VACANCY_INSPECTIONS.UNIT_CODE.containsIgnoreCase(t))
                    .or(VACANCY_INSPECTIONS.NOTE.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Newest first. */
    public List<Inspection> list(Scope scope, InspectionFilter filter, Page page) {
        return select().where(condition(scope, filter))
                .orderBy(VACANCY_INSPECTIONS.INSPECTED_ON.desc(), VACANCY_INSPECTIONS.INSPECTION_NO.desc())
                .offset(page.offset()).limit(page.limit()).fetch(VacancyRepository::map);
    }

    public int count(Scope scope, InspectionFilter filter) {
        return dsl.fetchCount(dsl.selectOne().from(VACANCY_INSPECTIONS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(VACANCY_INSPECTIONS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(condition(scope, filter)));
    }

    public void insert(String no, String staffCode, LocalDate on, String unitCode, Boolean doors,
            Boolean utilities, Boolean noLeak, Boolean noCracks, String note, String photoKey,
            String followUpNo, LocalDate informedOn, String informedMethod) {
        VacancyInspectionsRecord r = dsl.newRecord(VACANCY_INSPECTIONS);
        r.setInspectionNo(no);
        r.setUnitCode(unitCode);
        // the unit's building, for the KPI views (V036)
        r.setBuildingCode(dsl.select(UNITS.BUILDING_CODE).from(UNITS)
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOne(UNITS.BUILDING_CODE));
        r.setInspectedOn(on);
        r.setStaffCode(staffCode);
        r.setDoorsWindowsOk(doors);
        r.setUtilitiesOffOk(utilities);
        r.setNoLeak(noLeak);
        r.setNoCracks(noCracks);
        r.setNote(note);
        r.setPhotoPath(photoKey);
        r.setFollowUpNo(followUpNo);
        r.setOwnerInformedOn(informedOn);
        r.setOwnerInformedMethod(informedMethod);
        r.insert();
        summaries.addWork(KpiWorkMonths.Kind.VACANCY_INSPECTIONS, staffCode, on, 1);
    }

    public void setOwnerInformed(String no, LocalDate on, String method) {
        VacancyInspectionsRecord r = dsl.fetchSingle(VACANCY_INSPECTIONS, VACANCY_INSPECTIONS.INSPECTION_NO.eq(no));
        r.setOwnerInformedOn(on);
        r.setOwnerInformedMethod(method);
        RecordUpdates.update(r, "ownerInformedOn");
    }
}

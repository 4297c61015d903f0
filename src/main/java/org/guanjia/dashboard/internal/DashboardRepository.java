package org.guanjia.dashboard.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.dashboard.FilterChoice;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.STAFF;

/** Look-ups the dashboards need: the estate tree for filters and the filter choices. */
@Repository
public class DashboardRepository {

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** building code → cluster code. */
    public Map<String, String> buildingClusters() {
        Map<String, String> m = new HashMap<>();
        for (Record2<String, String> r : dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE)
                .from(BUILDINGS).fetch()) {
            m.put(r.value1(), r.value2());
        }
        return m;
    }

    /** cluster code → estate code. */
    public Map<String, String> clusterEstates() {
        Map<String, String> m = new HashMap<>();
        for (Record2<String, String> r : dsl.select(CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE)
                .from(CLUSTERS).fetch()) {
            m.put(r.value1(), r.value2());
        }
        return m;
    }

    /** The estates (code, name) in code order. */
    public List<FilterChoice> estates() {
        return dsl.select(ESTATES.ESTATE_CODE, ESTATES.NAME).from(ESTATES)
                .orderBy(ESTATES.ESTATE_CODE).fetch(r -> new FilterChoice(r.value1(), r.value2(), null));
    }

    /** The clusters with their estate as parent. */
    public List<FilterChoice> clusters() {
        return dsl.select(CLUSTERS.CLUSTER_CODE, CLUSTERS.NAME, CLUSTERS.ESTATE_CODE)
                .from(CLUSTERS).orderBy(CLUSTERS.CLUSTER_CODE)
                .fetch(r -> new FilterChoice(r.value1(), r.value2(), r.value3()));
    }

    /** The buildings with their cluster as parent. */
    public List<FilterChoice> buildings() {
        return dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.NAME, BUILDINGS.CLUSTER_CODE)
                .from(BUILDINGS).orderBy(BUILDINGS.BUILDING_CODE)
                .fetch(r -> new FilterChoice(r.value1(), r.value2(), r.value3()));
    }

    /** Butlers assigned on {@code day}, each with one of their clusters as parent. */
    public List<FilterChoice> butlers(LocalDate day) {
        return dsl.selectDistinct(STAFF.STAFF_CODE, STAFF.NAME, ASSIGNMENTS.CLUSTER_CODE)
                .from(STAFF).join(ASSIGNMENTS).on(ASSIGNMENTS.STAFF_CODE.eq(STAFF.STAFF_CODE))
                .where(STAFF.ROLE.eq("butler"))
                .and(ASSIGNMENTS.FROM_DATE.le(day))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(day)))
                .orderBy(STAFF.STAFF_CODE)
                .fetch(r -> new FilterChoice(r.value1(), r.value2(), r.value3()));
    }

    public List<String> categories() {
        return dsl.selectDistinct(COMPLAINTS.CATEGORY).from(COMPLAINTS)
                .orderBy(COMPLAINTS.CATEGORY).fetch(COMPLAINTS.CATEGORY);
    }

    /** The clusters a staff member is assigned to on a day. */
    public Set<String> clustersOf(String staffCode, LocalDate day) {
        return Set.copyOf(dsl.selectDistinct(ASSIGNMENTS.CLUSTER_CODE).from(ASSIGNMENTS)
                .where(ASSIGNMENTS.STAFF_CODE.eq(staffCode))
                .and(ASSIGNMENTS.FROM_DATE.le(day))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(day)))
                .fetch(ASSIGNMENTS.CLUSTER_CODE));
    }
}

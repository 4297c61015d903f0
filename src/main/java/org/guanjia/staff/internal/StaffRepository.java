package org.guanjia.staff.internal;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.STAFF;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.db.tables.records.AssignmentsRecord;
import org.guanjia.db.tables.records.StaffRecord;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.AssignmentRow;
import org.guanjia.staff.Department;
import org.guanjia.staff.Staff;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class StaffRepository {

    private final DSLContext dsl;

    StaffRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Set<String> clusterCodesOf(String staffCode, LocalDate day) {
        return new HashSet<>(dsl.select(ASSIGNMENTS.CLUSTER_CODE).from(ASSIGNMENTS)
                .where(ASSIGNMENTS.STAFF_CODE.eq(staffCode))
                .and(ASSIGNMENTS.FROM_DATE.le(day))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(day)))
                .fetch(ASSIGNMENTS.CLUSTER_CODE));
    }

    private static Condition staffCondition(String text, String role) {
        Condition c = DSL.noCondition();
        if (role != null) {
            c = c.and(STAFF.ROLE.eq(role));
        }
        if (text != null && !text.isBlank()) {
            String t = text.trim();
            c = c.and(STAFF.STAFF_CODE.containsIgnoreCase(t).or(STAFF.NAME.containsIgnoreCase(t)));
        }
        return c;
    }

    public List<Staff> staff(String text, String role, Page page) {
        return dsl.select(STAFF.STAFF_CODE, STAFF.NAME, STAFF.ROLE, STAFF.PHONE, STAFF.SERVICE_PHONE,
                        STAFF.DEPARTMENT_CODE, STAFF.ACTIVE)
                .from(STAFF).where(staffCondition(text, role))
                .orderBy(STAFF.STAFF_CODE)
                .offset(page.offset()).limit(page.limit())
                .fetch(Records.mapping(Staff::new));
    }

    public int countStaff(String text, String role) {
        return dsl.fetchCount(STAFF, staffCondition(text, role));
    }

    public Optional<Staff> staffMember(String code) {
        return dsl.select(STAFF.STAFF_CODE, STAFF.NAME, STAFF.ROLE, STAFF.PHONE, STAFF.SERVICE_PHONE,
                        STAFF.DEPARTMENT_CODE, STAFF.ACTIVE)
                .from(STAFF).where(STAFF.STAFF_CODE.eq(code))
                .fetchOptional(Records.mapping(Staff::new));
    }

    public void insert(Staff s) {
        StaffRecord r = dsl.newRecord(STAFF);
        r.setStaffCode(s.code());
        fill(r, s);
        r.insert();
    }

    public void update(Staff s) {
        StaffRecord r = dsl.fetchSingle(STAFF, STAFF.STAFF_CODE.eq(s.code()));
        fill(r, s);
        RecordUpdates.update(r, "departmentCode");
    }

    private static void fill(StaffRecord r, Staff s) {
        r.setName(s.name());
        r.setRole(s.role());
        r.setPhone(s.phone());
        r.setServicePhone(s.servicePhone());
        r.setDepartmentCode(s.departmentCode());
        r.setActive(s.active());
    }

    public List<Department> departments() {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .from(DEPARTMENTS).orderBy(DEPARTMENTS.DEPARTMENT_CODE)
                .fetch(Records.mapping(Department::new));
    }

    public Optional<Department> department(String code) {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .from(DEPARTMENTS).where(DEPARTMENTS.DEPARTMENT_CODE.eq(code))
                .fetchOptional(Records.mapping(Department::new));
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    public List<AssignmentRow> assignments(String clusterCode) {
        Condition c = clusterCode == null ? DSL.noCondition()
                : ASSIGNMENTS.CLUSTER_CODE.eq(clusterCode);
        return dsl.select(ASSIGNMENTS.STAFF_CODE, STAFF.NAME, STAFF.SERVICE_PHONE,
                        ASSIGNMENTS.CLUSTER_CODE, ASSIGNMENTS.FROM_DATE, ASSIGNMENTS.TO_DATE)
                .from(ASSIGNMENTS).join(STAFF).on(STAFF.STAFF_CODE.eq(ASSIGNMENTS.STAFF_CODE))
                .where(c)
                .orderBy(ASSIGNMENTS.CLUSTER_CODE, ASSIGNMENTS.FROM_DATE.desc(), ASSIGNMENTS.STAFF_CODE)
                .fetch(Records.mapping(AssignmentRow::new));
    }

    /** Inserts the assignment or updates its end date; true when inserted. */
    public boolean upsert(Assignment a) {
        AssignmentsRecord r = dsl.fetchOne(ASSIGNMENTS, ASSIGNMENTS.STAFF_CODE.eq(a.staffCode())
                .and(ASSIGNMENTS.CLUSTER_CODE.eq(a.clusterCode()))
                .and(ASSIGNMENTS.FROM_DATE.eq(a.fromDate())));
        if (r == null) {
            r = dsl.newRecord(ASSIGNMENTS);
            r.setStaffCode(a.staffCode());
            r.setClusterCode(a.clusterCode());
            r.setFromDate(a.fromDate());
            r.setToDate(a.toDate());
            r.insert();
            return true;
        }
        r.setToDate(a.toDate());
        RecordUpdates.update(r, "toDate");
        return false;
    }
}

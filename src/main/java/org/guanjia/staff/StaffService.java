package org.guanjia.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guanjia.audit.AuditService;
import org.guanjia.base.ButlerClusters;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Validator;
import org.guanjia.staff.internal.StaffRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff, departments and butler assignments to clusters (F1). */
@Service
@Transactional(readOnly = true)
public class StaffService implements ButlerClusters {

    private static final Role[] EDITORS = {Role.ADMIN, Role.MANAGER};

    private final StaffRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public StaffService(StaffRepository repo, AuditService audit, CurrentUser currentUser,
            Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Set<String> clusterCodesOf(String staffCode, LocalDate day) {
        return repo.clusterCodesOf(staffCode, day);
    }

    /** Roles that may read the staff list with its personal phone numbers (not butlers). */
    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR,
        Role.SERVICE_DESK, Role.FINANCE};

    public List<Staff> staff(String text, String role, Page page) {
        currentUser.require(READERS);
        return repo.staff(text, role, page);
    }

    public int countStaff(String text, String role) {
        currentUser.require(READERS);
        return repo.countStaff(text, role);
    }

    public Optional<Staff> staffMember(String code) {
        currentUser.require(READERS);
        return repo.staffMember(code);
    }

    public List<Department> departments() {
        return repo.departments();
    }

    @Transactional
    public Staff saveStaff(Staff s, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", s.code()).maxLength("code", s.code(), 32)
                .required("name", s.name()).maxLength("name", s.name(), 200)
                .required("role", s.role())
                .check(s.role() == null || Staff.ROLES.contains(s.role()), "role",
                        "validation.oneOf", Staff.ROLES)
                .maxLength("phone", s.phone(), 32)
                .maxLength("servicePhone", s.servicePhone(), 32);
        for (String[] phone : new String[][] {{"phone", s.phone()}, {"servicePhone", s.servicePhone()}}) {
            if (phone[1] != null && !phone[1].isBlank()) {
                v.check(phone[1].matches("[0-9+\\- ()]{3,32}"), phone[0], "validation.phone");
            }
        }
        if (s.departmentCode() != null) {
            v.check(repo.department(s.departmentCode()).isPresent(), "departmentCode",
                    "validation.unknown", s.departmentCode());
        }
        String code = s.code() == null ? null : s.code().trim();
        if (code != null && !code.isEmpty()) {
            boolean exists = repo.staffMember(code).isPresent();
            if (isNew && exists) {
                v.add("code", "validation.duplicate", code);
            } else if (!isNew && !exists) {
                v.add("code", "validation.unknown", code);
            }
        }
        v.throwIfAny();
        Staff clean = new Staff(code, s.name().trim(), s.role(), blank(s.phone()),
                blank(s.servicePhone()), s.departmentCode(), s.active());
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "staff", code, "role=" + clean.role());
        return clean;
    }

    /** Assignments, optionally of one cluster; current ones first. */
    public List<AssignmentRow> assignments(String clusterCode) {
        currentUser.require(READERS);
        return repo.assignments(clusterCode);
    }

    /** The butlers assigned to a cluster today, with their service phones. */
    public List<AssignmentRow> currentButlers(String clusterCode) {
        LocalDate today = LocalDate.now(clock);
        return repo.assignments(clusterCode).stream()
                .filter(a -> a.assignment().activeOn(today)).toList();
    }

    /** Adds an assignment, or changes the end date of an existing one (same staff, cluster, from). */
    @Transactional
    public Assignment saveAssignment(Assignment a, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("staffCode", a.staffCode())
                .required("clusterCode", a.clusterCode())
                .required("fromDate", a.fromDate())
                .check(a.toDate() == null || a.fromDate() == null || !a.toDate().isBefore(a.fromDate()),
                        "toDate", "validation.toBeforeFrom");
        if (a.staffCode() != null) {
            v.check(repo.staffMember(a.staffCode()).isPresent(), "staffCode", "validation.unknown",
                    a.staffCode());
        }
        if (a.clusterCode() != null) {
            v.check(repo.clusterExists(a.clusterCode()), "clusterCode", "validation.unknown",
                    a.clusterCode());
        }
        if (isNew && a.staffCode() != null && a.clusterCode() != null && a.fromDate() != null) {
            v.check(repo.assignments(a.clusterCode()).stream().noneMatch(x ->
                            x.staffCode().equals(a.staffCode()) && x.fromDate().equals(a.fromDate())),
                    "fromDate", "validation.duplicate", a.staffCode() + "@" + a.fromDate());
        }
        v.throwIfAny();
        repo.upsert(a);
        audit.record(isNew ? "create" : "update", "assignment",
                a.staffCode() + "/" + a.clusterCode() + "@" + a.fromDate(), String.valueOf(a.toDate()));
        return a;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.patrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.patrol.internal.PatrolRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patrol checklist as data: administrators and managers add items, rename them, change
 * their order and deactivate them. An item a patrol has used is never deleted (its results
 * must stay readable); an unused one may be.
 */
@Service
@Transactional(readOnly = true)
public class PatrolChecklistService {

    private static final Role[] EDITORS = {Role.ADMIN, Role.MANAGER};
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,31}");

    /** Department kinds a finding can default to (departments.kind). */
    public static final List<String> DEPARTMENT_KINDS = List.of("customer_service", "security",
            "engineering", "cleaning", "greening", "call_center", "service_hall", "finance",
            "management", "other");

    private final PatrolRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public PatrolChecklistService(PatrolRepository repo, AuditService audit, CurrentUser currentUser) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public boolean canEdit() {
        return currentUser.principal().map(p -> List.of(EDITORS).contains(p.role())).orElse(false);
    }

    /** Every item of every cluster, active or not, in checklist order (the admin screen). */
    public List<ChecklistItem> all() {
        currentUser.require(EDITORS);
        return repo.items(null, true);
    }

    /** The active items a patrol of the cluster walks through, in order. */
    public List<ChecklistItem> activeFor(String clusterCode) {
        currentUser.require(PatrolService.READERS);
        currentUser.scope().check(clusterCode);
        return repo.items(clusterCode, false).stream().filter(ChecklistItem::active).toList();
    }

    public Optional<ChecklistItem> item(String code) {
        currentUser.require(PatrolService.READERS);
        return repo.item(code);
    }

    /** Whether a patrol used the item (then it can be deactivated, never deleted). */
    public boolean inUse(String code) {
        currentUser.require(EDITORS);
        return repo.itemUsed(code);
    }

    /** The first department of the item's kind, the default of a finding's follow-up. */
    public Optional<String> defaultDepartment(ChecklistItem item) {
        return item.departmentKind() == null ? Optional.empty() : repo.departmentOfKind(item.departmentKind());
    }

    /** Adds an item (at the end of the list when its sort order is 0) or renames/changes one. */
    @Transactional
    public ChecklistItem save(ChecklistItem i, boolean isNew) {
        currentUser.require(EDITORS);
        Validator v = new Validator()
                .required("code", i.code())
                .required("category", i.category())
                .check(i.category() == null || ChecklistItem.CATEGORIES.contains(i.category()), "category",
                        "validation.oneOf", ChecklistItem.CATEGORIES)
                .required("labelEn", i.labelEn())
                .maxLength("labelEn", i.labelEn(), 200)
                .required("labelZhCn", i.labelZhCn())
                .maxLength("labelZhCn", i.labelZhCn(), 200)
                .required("labelZhTw", i.labelZhTw())
                .maxLength("labelZhTw", i.labelZhTw(), 200)
                .check(i.departmentKind() == null || DEPARTMENT_KINDS.contains(i.departmentKind()),
                        "departmentKind", "validation.oneOf", DEPARTMENT_KINDS)
                .check(i.sortOrder() >= 0, "sortOrder", "validation.range", 0, Integer.MAX_VALUE);
        Optional<ChecklistItem> existing = i.code() == null ? Optional.empty() : repo.item(i.code());
        if (i.code() != null) {
            if (isNew) {
                v.check(CODE.matcher(i.code()).matches(), "code", "patrol.checklist.validation.code");
                v.check(existing.isEmpty(), "code", "validation.duplicate", i.code());
            } else {
                v.check(existing.isPresent(), "code", "validation.unknown", i.code());
            }
        }
        if (i.clusterCode() != null) {
            v.check(repo.clusterExists(i.clusterCode()), "clusterCode", "validation.unknown", i.clusterCode());
        }
        // a used item keeps its category and cluster: its results were counted under them
        existing.filter(e -> !isNew && repo.itemUsed(e.code())).ifPresent(e -> v
                .check(e.category().equals(i.category()), "category", "patrol.checklist.validation.used")
                .check(java.util.Objects.equals(e.clusterCode(), i.clusterCode()), "clusterCode",
                        "patrol.checklist.validation.used"));
        v.throwIfAny();
        ChecklistItem clean = new ChecklistItem(i.code(), blank(i.clusterCode()), i.category(), i.labelEn().trim(),
                i.labelZhCn().trim(), i.labelZhTw().trim(),
                isNew && i.sortOrder() == 0 ? repo.maxSortOrder() + 10 : i.sortOrder(), i.needsUnit(),
                i.departmentKind(), i.active());
        if (isNew) {
            repo.insertItem(clean);
        } else {
            repo.updateItem(clean);
        }
        audit.record(isNew ? "create" : "update", "patrol_checklist_item", clean.code(),
                "category=" + clean.category() + " label=" + clean.labelZhCn() + " active=" + clean.active()
                        + " order=" + clean.sortOrder());
        return repo.item(clean.code()).orElseThrow();
    }

    /** Moves the item one place up ({@code -1}) or down ({@code +1}) in the whole list. */
    @Transactional
    public List<ChecklistItem> move(String code, int direction) {
        currentUser.require(EDITORS);
        List<ChecklistItem> items = new ArrayList<>(repo.items(null, true));
        int at = indexOf(items, code);
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= items.size() || direction == 0) {
            return items;
        }
        items.add(to, items.remove(at));
        // renumber in steps of 10 so later inserts fit between without touching every row
        for (int k = 0; k < items.size(); k++) {
            ChecklistItem i = items.get(k);
            if (i.sortOrder() != (k + 1) * 10) {
                repo.updateItem(withOrder(i, (k + 1) * 10));
            }
        }
        audit.record("update", "patrol_checklist_item", code, "moved " + (direction < 0 ? "up" : "down"));
        return repo.items(null, true);
    }

    @Transactional
    public ChecklistItem setActive(String code, boolean active) {
        currentUser.require(EDITORS);
        ChecklistItem i = repo.item(code).orElseThrow(() -> ValidationException.of("code", "validation.unknown", code));
        repo.updateItem(new ChecklistItem(i.code(), i.clusterCode(), i.category(), i.labelEn(), i.labelZhCn(),
                i.labelZhTw(), i.sortOrder(), i.needsUnit(), i.departmentKind(), active));
        audit.record("update", "patrol_checklist_item", code, active ? "activated" : "deactivated");
        return repo.item(code).orElseThrow();
    }

    /** Deletes an item no patrol has used; a used item can only be deactivated. */
    @Transactional
    public void delete(String code) {
        currentUser.require(EDITORS);
        new Validator()
                .check(repo.item(code).isPresent(), "code", "validation.unknown", code)
                .check(!repo.itemUsed(code), "code", "patrol.checklist.validation.inUse", code)
                .throwIfAny();
        repo.deleteItem(code);
        audit.record("delete", "patrol_checklist_item", code, "deleted");
    }

    private static int indexOf(List<ChecklistItem> items, String code) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k).code().equals(code)) {
                return k;
            }
        }
        throw ValidationException.of("code", "validation.unknown", code);
    }

    private static ChecklistItem withOrder(ChecklistItem i, int order) {
        return new ChecklistItem(i.code(), i.clusterCode(), i.category(), i.labelEn(), i.labelZhCn(), i.labelZhTw(),
                order, i.needsUnit(), i.departmentKind(), i.active());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

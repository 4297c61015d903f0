package org.guanjia.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.estate.UnitFilter;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.guanjia.visit.internal.VisitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer visits (客戶拜訪 and 回訪, rulebook 四): the butler visits owners by appointment, meets
 * them by chance or goes back to them, and records the topic, the owner's satisfaction and
 * whether they voiced strong opinions. Each request or question raised is answered on the spot
 * or escalated to a department as a follow-up (source "visit", the visit's number as reference),
 * tracked until the answer is given to the owner. Appointments can be planned ahead and are
 * marked done by the visit that carries them out.
 *
 * <p>Butlers work on the units of their clusters; supervisors, managers and administrators on
 * all; the service desk reads (it answers the owners' calls about them); finance has no access.
 */
@Service
@Transactional(readOnly = true)
public class VisitService {

    /** The follow-up source of escalated visit requests. */
    public static final String FOLLOW_UP_SOURCE = "visit";

    private static final Role[] WRITERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER,
        Role.SERVICE_DESK};

    private final VisitRepository repo;
    private final FollowUpService followUps;
    private final EstateService estates;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public VisitService(VisitRepository repo, FollowUpService followUps, EstateService estates,
            AuditService audit, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.followUps = followUps;
        this.estates = estates;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the signed-in user may record and change visits (the UI hides the buttons otherwise). */
    public boolean canWrite() {
        for (Role r : WRITERS) {
            if (currentUser.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    // --- reading -------------------------------------------------------------------------------

    public Optional<Visit> visit(String no) {
        currentUser.require(READERS);
        return repo.findVisit(no).filter(v -> currentUser.scope().allows(v.clusterCode()));
    }

    /** A page of the visits in the user's clusters, newest first. */
    public List<Visit> list(VisitFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.visits(currentUser.scope(), filter, page);
    }

    public int count(VisitFilter filter) {
        currentUser.require(READERS);
        return repo.countVisits(currentUser.scope(), filter);
    }

    /** The figures of the filtered list: visits, mean satisfaction, strong opinions, escalations. */
    public VisitSummary summary(VisitFilter filter) {
        currentUser.require(READERS);
        return repo.summary(currentUser.scope(), filter);
    }

    /** The requests of a visit, each escalated one with its follow-up's department, due date and state. */
    public List<VisitRequest> requests(String visitNo) {
        require(visitNo, READERS);
        List<VisitRequest> raw = repo.requests(visitNo);
        Map<String, FollowUp> byNo = followUps.followUps(raw.stream().filter(VisitRequest::escalated)
                        .map(VisitRequest::followUpNo).toList()).stream()
                .collect(Collectors.toMap(FollowUp::no, Function.identity()));
        return raw.stream().map(q -> {
            FollowUp f = q.followUpNo() == null ? null : byNo.get(q.followUpNo());
            return f == null ? q : new VisitRequest(q.id(), q.visitNo(), q.request(), q.answeredOnSpot(),
                    q.answer(), q.followUpNo(), f.departmentName() != null ? f.departmentName() : f.departmentCode(),
                    f.dueOn(), f.status(), f.replyToOwner());
        }).toList();
    }

    /** The flags of the unit's owners (any owner flagged counts), for the visit form. */
    public CustomerFlags customerFlags(String unitCode) {
        currentUser.require(READERS);
        if (blank(unitCode) == null) {
            return new CustomerFlags(false, false);
        }
        List<Owner> owners = estates.owners(new UnitFilter(unitCode, null, null, null, null), Page.first(50))
                .stream().filter(o -> unitCode.equals(o.unitCode())).toList();
        return new CustomerFlags(owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.keyCustomer())),
                owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.strongOpinion())));
    }

    // --- recording -----------------------------------------------------------------------------

    /**
     * Records a visit with its requests in one transaction: escalated requests become follow-ups
     * to their departments, a plan it carries out is marked done, the owners' key-customer flag
     * is set as given and a visit with strong opinions marks the owners as having them.
     */
    @Transactional
    public Visit record(NewVisit n) {
        currentUser.require(WRITERS);
        LocalDate today = today();
        LocalDate on = n.visitedOn() != null ? n.visitedOn() : today;
        Validator v = new Validator()
                .required("unitCode", n.unitCode())
                .required("kind", n.kind())
                .check(n.kind() == null || Visit.KINDS.contains(n.kind()), "kind", "validation.oneOf", Visit.KINDS)
                .check(!on.isAfter(today), "visitedOn", "visit.validation.future")
                .range("satisfaction", n.satisfaction(), 1, 5)
                .maxLength("topic", n.topic(), 10000)
                .maxLength("note", n.note(), 10000);
        String cluster = checkUnit(v, n.unitCode());
        String staff = staffOf(v, n.staffCode());
        VisitPlan plan = null;
        if (blank(n.planNo()) != null) {
            plan = repo.findPlan(n.planNo().trim()).orElse(null);
            v.check(plan != null, "planNo", "validation.unknown", n.planNo());
            if (plan != null) {
                v.check(plan.isOpen(), "planNo", "visit.validation.planClosed", plan.no());
                v.check(plan.unitCode().equals(n.unitCode()), "unitCode", "visit.validation.planUnit",
                        plan.unitCode());
            }
        }
        for (int i = 0; i < n.requests().size(); i++) {
            checkRequest(v, "requests." + i + ".", n.requests().get(i), today);
        }
        v.throwIfAny();
        String no = repo.nextVisitNo(on);
        repo.insertVisit(no, n.unitCode(), on, staff, n.kind(), blank(n.topic()), n.satisfaction(), blank(n.note()),
                n.strongOpinion());
        for (NewVisitRequest q : n.requests()) {
            insertRequest(no, n.unitCode(), q);
        }
        if (plan != null) {
            repo.planDone(plan.no(), no);
            audit.record("update", "visit_plan", plan.no(), "done visit=" + no);
        }
        audit.record("create", "visit", no, "unit=" + n.unitCode() + " cluster=" + cluster + " on=" + on
                + " kind=" + n.kind() + " satisfaction=" + n.satisfaction() + " strongOpinion=" + n.strongOpinion()
                + " requests=" + n.requests().size());
        estates.setOwnerFlags(n.unitCode(), n.keyCustomer(), n.strongOpinion() ? Boolean.TRUE : null);
        return repo.findVisit(no).orElseThrow();
    }

    /** Corrects a recorded visit (date, kind, topic, satisfaction, note, strong opinions). */
    @Transactional
    public Visit update(String no, VisitChange c) {
        Visit old = require(no, WRITERS);
        LocalDate on = c.visitedOn() != null ? c.visitedOn() : old.visitedOn();
        new Validator()
                .required("kind", c.kind())
                .check(c.kind() == null || Visit.KINDS.contains(c.kind()), "kind", "validation.oneOf", Visit.KINDS)
                .check(!on.isAfter(today()), "visitedOn", "visit.validation.future")
                .range("satisfaction", c.satisfaction(), 1, 5)
                .maxLength("topic", c.topic(), 10000)
                .maxLength("note", c.note(), 10000)
                .throwIfAny();
        repo.updateVisit(no, on, c.kind(), blank(c.topic()), c.satisfaction(), blank(c.note()), c.strongOpinion());
        audit.record("update", "visit", no, changes(old, on, c));
        if (c.strongOpinion() && !old.strongOpinion()) {
            estates.setOwnerFlags(old.unitCode(), null, Boolean.TRUE);
        }
        return repo.findVisit(no).orElseThrow();
    }

    /** Adds a request raised in the visit (answered on the spot or escalated). */
    @Transactional
    public Visit addRequest(String visitNo, NewVisitRequest q) {
        Visit visit = require(visitNo, WRITERS);
        Validator v = new Validator();
        checkRequest(v, "", q, today());
        v.throwIfAny();
        insertRequest(visitNo, visit.unitCode(), q);
        return repo.findVisit(visitNo).orElseThrow();
    }

    private void checkRequest(Validator v, String prefix, NewVisitRequest q, LocalDate today) {
        v.required(prefix + "request", q.request()).maxLength(prefix + "request", q.request(), 4000);
        if (q.escalate()) {
            v.required(prefix + "departmentCode", q.departmentCode());
            if (blank(q.departmentCode()) != null) {
                v.check(repo.departmentExists(q.departmentCode()), prefix + "departmentCode", "validation.unknown",
                        q.departmentCode());
            }
            v.check(q.dueOn() == null || !q.dueOn().isBefore(today), prefix + "dueOn",
                    "visit.validation.dueInPast");
        } else {
            v.required(prefix + "answer", q.answer()).maxLength(prefix + "answer", q.answer(), 4000);
        }
    }

    private void insertRequest(String visitNo, String unitCode, NewVisitRequest q) {
        String text = q.request().trim();
        if (q.escalate()) {
            FollowUp f = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, visitNo, null, unitCode,
                    q.departmentCode(), null, text, q.dueOn()));
            repo.insertRequest(visitNo, text, false, null, f.no());
            audit.record("update", "visit", visitNo, "request escalated: followUp=" + f.no()
                    + " department=" + q.departmentCode());
        } else {
            repo.insertRequest(visitNo, text, true, q.answer().trim(), null);
            audit.record("update", "visit", visitNo, "request answered on the spot");
        }
    }

    // --- plans ---------------------------------------------------------------------------------

    public Optional<VisitPlan> plan(String no) {
        currentUser.require(READERS);
        return repo.findPlan(no).filter(p -> currentUser.scope().allows(p.clusterCode()));
    }

    /** A page of the plans in the user's clusters, soonest first. */
    public List<VisitPlan> plans(boolean openOnly, String clusterCode, String text, Page page) {
        currentUser.require(READERS);
        return repo.plans(currentUser.scope(), openOnly, clusterCode, text, page);
    }

    public int countPlans(boolean openOnly, String clusterCode, String text) {
        currentUser.require(READERS);
        return repo.countPlans(currentUser.scope(), openOnly, clusterCode, text);
    }

    /** Makes an appointment for a visit on a day from today on. */
    @Transactional
    public VisitPlan plan(NewVisitPlan n) {
        currentUser.require(WRITERS);
        Validator v = new Validator()
                .required("unitCode", n.unitCode())
                .required("plannedOn", n.plannedOn())
                .check(n.plannedOn() == null || !n.plannedOn().isBefore(today()), "plannedOn",
                        "visit.validation.planInPast")
                .maxLength("topic", n.topic(), 4000);
        checkUnit(v, n.unitCode());
        String staff = staffOf(v, n.staffCode());
        v.throwIfAny();
        String no = repo.nextPlanNo(n.plannedOn());
        repo.insertPlan(no, n.unitCode(), n.plannedOn(), staff, blank(n.topic()));
        audit.record("create", "visit_plan", no, "unit=" + n.unitCode() + " on=" + n.plannedOn() + " staff=" + staff);
        return repo.findPlan(no).orElseThrow();
    }

    /** Cancels a planned visit, with the reason. */
    @Transactional
    public VisitPlan cancelPlan(String no, String reason) {
        currentUser.require(WRITERS);
        VisitPlan p = repo.findPlan(no).orElseThrow(
                () -> ValidationException.of("planNo", "validation.unknown", String.valueOf(no)));
        currentUser.scope().check(p.clusterCode());
        new Validator()
                .required("note", reason)
                .maxLength("note", reason, 4000)
                .check(p.isOpen(), "planNo", "visit.validation.planClosed", no)
                .throwIfAny();
        repo.cancelPlan(no, today(), reason.trim());
        audit.record("update", "visit_plan", no, "cancelled: " + reason.trim());
        return repo.findPlan(no).orElseThrow();
    }

    // --- helpers -------------------------------------------------------------------------------

    private Visit require(String no, Role... roles) {
        currentUser.require(roles);
        Visit v = repo.findVisit(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(v.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", v.clusterCode());
        }
        return v;
    }

    /** The unit's cluster, or a problem on the unit field (unknown, or outside the user's clusters). */
    private String checkUnit(Validator v, String unitCode) {
        if (blank(unitCode) == null) {
            return null;
        }
        Optional<String> cluster = repo.clusterOfUnit(unitCode);
        v.check(cluster.isPresent(), "unitCode", "validation.unknown", unitCode);
        if (cluster.isPresent() && !currentUser.scope().allows(cluster.get())) {
            v.add("unitCode", "visit.validation.outOfScope", unitCode);
        }
        return cluster.orElse(null);
    }

    /** The visiting staff: the signed-in user's own by default; a butler records only their own visits. */
    private String staffOf(Validator v, String staffCode) {
        String own = currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
        String staff = blank(staffCode) != null ? staffCode.trim() : own;
        v.required("staffCode", staff);
        if (staff != null) {
            if (currentUser.hasRole(Role.BUTLER) && !staff.equals(own)) {
                v.add("staffCode", "visit.validation.ownVisits");
            } else {
                v.check(repo.staffExists(staff), "staffCode", "validation.unknown", staff);
            }
        }
        return staff;
    }

    private static String changes(Visit old, LocalDate on, VisitChange c) {
        List<String> parts = new ArrayList<>();
        if (!on.equals(old.visitedOn())) {
            parts.add("visitedOn=" + on);
        }
        if (!c.kind().equals(old.kind())) {
            parts.add("kind=" + c.kind());
        }
        if (!java.util.Objects.equals(c.satisfaction(), old.satisfaction())) {
            parts.add("satisfaction=" + c.satisfaction());
        }
        if (c.strongOpinion() != old.strongOpinion()) {
            parts.add("strongOpinion=" + c.strongOpinion());
        }
        if (!java.util.Objects.equals(blank(c.topic()), old.topic())) {
            parts.add("topic");
        }
        if (!java.util.Objects.equals(blank(c.note()), old.note())) {
            parts.add("note");
        }
        return parts.isEmpty() ? "no change" : String.join(" ", parts);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.repair;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.repair.internal.RepairRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repair orders (报修, rulebook 七): reported in a unit or a building's common area, an engineer
 * sent (the butler going along when they can), completed, and the butler's return visit with
 * the owner's scores for attitude, quality and etiquette. A butler works only on buildings of
 * their clusters; the service desk takes reports for every building.
 */
@Service
@Transactional(readOnly = true)
public class RepairService {

    private static final Role[] WORKERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER,
        Role.SERVICE_DESK};

    /** Each step and the statuses it may start from (an engineer may be replaced before the work is done). */
    static final Map<String, Set<String>> FROM = Map.of(
            "assign", Set.of("reported", "assigned"),
            "complete", Set.of("assigned"),
            "returnVisit", Set.of("completed"));

    private final RepairRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RepairService(RepairRepository repo, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    public Optional<Repair> repair(String no) {
        currentUser.require(WORKERS);
        return repo.findRepair(no).filter(r -> currentUser.scope().allows(r.clusterCode()));
    }

    /** A page of the repairs in the user's clusters, newest first. */
    public List<Repair> list(RepairFilter filter, Page page) {
        currentUser.require(WORKERS);
        return repo.repairs(currentUser.scope(), filter, page);
    }

    public int count(RepairFilter filter) {
        currentUser.require(WORKERS);
        return repo.countRepairs(currentUser.scope(), filter);
    }

    /** The buildings the user may report a common-area repair in. */
    public List<String> buildings() {
        currentUser.require(WORKERS);
        return repo.buildings(currentUser.scope());
    }

    /** Active staff with the job "engineer" (names only, so butlers may pick one). */
    public List<Engineer> engineers() {
        currentUser.require(WORKERS);
        return repo.engineers();
    }

    @Transactional
    public Repair report(NewRepair n) {
        currentUser.require(WORKERS);
        LocalDateTime now = now();
        LocalDateTime at = n.reportedAt() != null ? n.reportedAt() : now;
        Validator v = new Validator()
                .required("category", n.category())
                .check(n.category() == null || Repair.CATEGORIES.contains(n.category()), "category",
                        "validation.oneOf", Repair.CATEGORIES)
                .required("description", n.description())
                .maxLength("description", n.description(), 10000)
                .check(!at.isAfter(now), "reportedAt", "repair.validation.future");
        String building = blank(n.buildingCode());
        String cluster = null;
        String unit = blank(n.unitCode());
        if (unit != null) {
            Optional<String[]> place = repo.placeOfUnit(unit);
            v.check(place.isPresent(), "unitCode", "validation.unknown", unit);
            if (place.isPresent()) {
                building = place.get()[0];
                cluster = place.get()[1];
            }
        } else if (building == null) {
            v.add("unitCode", "repair.validation.unitOrBuilding");
        } else {
            Optional<String> c = repo.clusterOfBuilding(building);
            v.check(c.isPresent(), "buildingCode", "validation.unknown", building);
            cluster = c.orElse(null);
        }
        if (cluster != null && !currentUser.scope().allows(cluster)) {
            v.add(unit != null ? "unitCode" : "buildingCode", "repair.validation.outOfScope",
                    unit != null ? unit : building);
        }
        v.throwIfAny();
        String no = repo.nextRepairNo(at);
        repo.insertRepair(no, building, unit, at, n.category(), n.description().trim());
        audit.record("create", "repair", no, "building=" + building + " unit=" + unit
                + " category=" + n.category() + " reported=" + at);
        return repo.findRepair(no).orElseThrow();
    }

    @Transactional
    public Repair assign(String no, Assignment a) {
        Repair rep = handle(no, "assign");
        LocalDateTime at = a.assignedAt() != null ? a.assignedAt() : now();
        Validator v = new Validator().required("engineerCode", a.engineerCode());
        if (a.engineerCode() != null) {
            v.check(repo.isEngineer(a.engineerCode()), "engineerCode", "repair.validation.notEngineer",
                    a.engineerCode());
        }
        checkTime(v, "assignedAt", at, rep.reportedAt(), "repair.validation.beforeReported");
        v.throwIfAny();
        repo.assign(no, a.engineerCode(), at, a.butlerAccompanied());
        audit.record("update", "repair", no, "assigned engineer=" + a.engineerCode() + " at=" + at
                + " butlerAccompanied=" + a.butlerAccompanied());
        return repo.findRepair(no).orElseThrow();
    }

    @Transactional
    public Repair complete(String no, Completion c) {
        Repair rep = handle(no, "complete");
        LocalDateTime at = c.completedAt() != null ? c.completedAt() : now();
        Validator v = new Validator();
        checkTime(v, "completedAt", at, rep.reportedAt(), "repair.validation.beforeReported");
        v.check(rep.assignedAt() == null || !at.isBefore(rep.assignedAt()), "completedAt",
                "repair.validation.beforeAssigned");
        v.throwIfAny();
        repo.complete(no, at, c.butlerAccompanied());
        audit.record("update", "repair", no, "completed at=" + at);
        return repo.findRepair(no).orElseThrow();
    }

    /** The return visit with the owner's scores; closes the repair. */
    @Transactional
    public Repair returnVisit(String no, ReturnVisit rv) {
        Repair rep = handle(no, "returnVisit");
        currentUser.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER);
        LocalDateTime at = rv.returnVisitAt() != null ? rv.returnVisitAt() : now();
        Validator v = new Validator()
                .range("scoreAttitude", rv.scoreAttitude(), 1, 5)
                .range("scoreQuality", rv.scoreQuality(), 1, 5)
                .range("scoreEtiquette", rv.scoreEtiquette(), 1, 5)
                .check(rv.scoreAttitude() != null || rv.scoreQuality() != null || rv.scoreEtiquette() != null,
                        "scoreQuality", "repair.validation.noScore")
                .maxLength("comment", rv.comment(), 4000);
        checkTime(v, "returnVisitAt", at, rep.completedAt(), "repair.validation.beforeCompleted");
        v.throwIfAny();
        repo.returnVisit(no, at, staffCode(), rv.scoreAttitude(), rv.scoreQuality(), rv.scoreEtiquette(),
                blank(rv.comment()));
        audit.record("update", "repair", no, "return visit at=" + at + " scores=" + rv.scoreAttitude()
                + "/" + rv.scoreQuality() + "/" + rv.scoreEtiquette());
        return repo.findRepair(no).orElseThrow();
    }

    private Repair handle(String no, String step) {
        currentUser.require(WORKERS);
        Repair r = repo.findRepair(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(r.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", r.clusterCode());
        }
        if (!FROM.get(step).contains(r.status())) {
            throw ValidationException.of("status", "repair.validation.when." + r.status(), no);
        }
        return r;
    }

    private void checkTime(Validator v, String field, LocalDateTime at, LocalDateTime notBefore, String key) {
        v.check(notBefore == null || !at.isBefore(notBefore), field, key);
        v.check(!at.isAfter(now()), field, "repair.validation.future");
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.photo.PhotoStore;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.guanjia.patrol.internal.PatrolRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cluster patrols (组团巡查记录表, rulebook 一 1-7, duty 9): a butler starts a patrol of one of
 * their clusters, records each checklist item as OK, not applicable or a finding (note, unit for
 * renovation works, optional photo), each finding going to a department as a follow-up, and
 * finishes the patrol once every item is recorded. Butlers work in their clusters only;
 * supervisors and managers everywhere; administrators read. Service desk and finance are refused.
 */
@Service
@Transactional(readOnly = true)
public class PatrolService {

    /** The follow-up source of patrol findings. */
    public static final String FOLLOW_UP_SOURCE = "patrol";

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    static final Role[] WALKERS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};

    private final PatrolRepository repo;
    private final FollowUpService followUps;
    private final PhotoStore photos;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PatrolService(PatrolRepository repo, FollowUpService followUps, PhotoStore photos,
            AuditService audit, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.followUps = followUps;
        this.photos = photos;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The largest photo accepted, in bytes. */
    public long maxPhotoBytes() {
        return photos.maxBytes();
    }

    /** Whether the signed-in user may walk patrols (the UI hides the buttons otherwise). */
    public boolean canWalk() {
        return currentUser.principal().map(p -> p.staffCode() != null
                && List.of(WALKERS).contains(p.role())).orElse(false);
    }

    /** Whether the signed-in user may still record on the patrol: their own, unfinished. */
    public boolean canRecord(Patrol p) {
        return canWalk() && !p.isFinished() && p.staffCode().equals(staffCode());
    }

    public Optional<Patrol> patrol(String no) {
        currentUser.require(READERS);
        return repo.find(no).filter(p -> currentUser.scope().allows(p.clusterCode()));
    }

    /** A page of the patrols in the user's clusters, newest first. */
    public List<Patrol> list(PatrolFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.list(currentUser.scope(), filter, page);
    }

    public int count(PatrolFilter filter) {
        currentUser.require(READERS);
        return repo.count(currentUser.scope(), filter);
    }

    /** The patrol's checklist in order, each item with its result so far. */
    public List<PatrolCheck> checklist(String no) {
        Patrol p = require(no);
        return repo.checks(no, p.clusterCode());
    }

    public List<Finding> findings(String no) {
        require(no);
        return repo.findings(no);
    }

    /** The finding's photo, for users who may see its patrol. */
    public Optional<byte[]> photo(long findingId) {
        currentUser.require(READERS);
        Optional<Finding> f = repo.finding(findingId);
        if (f.isEmpty() || f.get().photoKey() == null) {
            return Optional.empty();
        }
        require(f.get().patrolNo());
        return photos.read(f.get().photoKey());
    }

    /** The signed-in user's unfinished patrol of the cluster, to carry on with. */
    public Optional<Patrol> unfinished(String clusterCode) {
        currentUser.require(READERS);
        String staff = staffCode();
        if (staff == null || clusterCode == null) {
            return Optional.empty();
        }
        return repo.unfinished(clusterCode, staff).flatMap(this::patrol);
    }

    /** Starts a patrol of the cluster now, walked by the signed-in user. */
    @Transactional
    public Patrol start(String clusterCode, String note) {
        currentUser.require(WALKERS);
        String staff = staffCode();
        Validator v = new Validator()
                .required("clusterCode", clusterCode)
                .check(staff != null, "clusterCode", "patrol.validation.noStaff")
                .maxLength("note", note, 4000);
        if (clusterCode != null) {
            v.check(repo.clusterExists(clusterCode), "clusterCode", "validation.unknown", clusterCode);
        }
        v.throwIfAny();
        currentUser.scope().check(clusterCode);
        Optional<String> open = repo.unfinished(clusterCode, staff);
        if (open.isPresent()) {
            throw ValidationException.of("clusterCode", "patrol.validation.unfinished", open.get());
        }
        LocalDateTime now = now();
        String no = repo.nextNo(now);
        repo.insert(no, clusterCode, staff, now.toLocalDate(), now, blank(note));
        audit.record("create", "patrol", no, "cluster=" + clusterCode + " staff=" + staff);
        return repo.find(no).orElseThrow();
    }

    /** Records a checklist item as OK or not applicable (a finding goes through {@link #addFinding}). */
    @Transactional
    public PatrolCheck check(String no, String itemCode, String result, String note) {
        Patrol p = requireOpen(no);
        ChecklistItem item = requireItem(p, itemCode);
        new Validator()
                .check(PatrolCheck.OK.equals(result) || PatrolCheck.NOT_APPLICABLE.equals(result), "result",
                        "validation.oneOf", List.of(PatrolCheck.OK, PatrolCheck.NOT_APPLICABLE))
                .maxLength("note", note, 4000)
                .check(!PatrolCheck.ISSUE.equals(repo.result(no, itemCode).orElse(null)), "result",
                        "patrol.validation.hasFindings", itemCode)
                .throwIfAny();
        repo.setResult(no, item, result, blank(note), now());
        audit.record("update", "patrol", no, "item=" + itemCode + " result=" + result);
        return new PatrolCheck(item, result, blank(note));
    }

    /**
     * Records a finding on a checklist item: the item becomes "issue", the photo is stored and a
     * follow-up goes to the department, all in one transaction.
     */
    @Transactional
    public Finding addFinding(String no, NewFinding n) {
        Patrol p = requireOpen(no);
        ChecklistItem item = requireItem(p, n.itemCode());
        Validator v = new Validator()
                .required("description", n.description())
                .maxLength("description", n.description(), 4000)
                .required("departmentCode", n.departmentCode())
                .check(n.dueOn() == null || !n.dueOn().isBefore(today()), "dueOn",
                        "followup.validation.dueInPast");
        if (item.needsUnit()) {
            v.required("unitCode", n.unitCode());
        }
        if (n.unitCode() != null && !n.unitCode().isBlank()) {
            Optional<String> cluster = repo.clusterOfUnit(n.unitCode());
            v.check(cluster.isPresent(), "unitCode", "validation.unknown", n.unitCode());
            cluster.ifPresent(c -> v.check(c.equals(p.clusterCode()), "unitCode",
                    "patrol.validation.unitOutsideCluster", n.unitCode(), p.clusterCode()));
        }
        if (n.departmentCode() != null) {
            v.check(repo.departmentExists(n.departmentCode()), "departmentCode", "validation.unknown",
                    n.departmentCode());
        }
        if (n.photo() != null && n.photo().length > 0) {
            try {
                photos.check("photo", n.photo());
            } catch (ValidationException e) {
                e.problems().forEach(pr -> v.add(pr.field(), pr.messageKey(), pr.args().toArray()));
            }
        }
        v.throwIfAny();
        String unit = blank(n.unitCode());
        String description = n.description().trim();
        String photoKey = n.photo() != null && n.photo().length > 0 ? photos.store("photo", n.photo()) : null;
        FollowUp f = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, p.clusterCode(), unit,
                n.departmentCode(), null, description, n.dueOn()));
        repo.setResult(no, item, PatrolCheck.ISSUE, null, now());
        long id = repo.insertFinding(no, item, description, unit, photoKey, f.no());
        audit.record("update", "patrol", no, "finding item=" + item.code() + " unit=" + unit
                + " followUp=" + f.no() + (photoKey == null ? "" : " photo=" + photoKey));
        return repo.finding(id).orElseThrow();
    }

    /** Finishes the patrol now; every item of its checklist must have been recorded. */
    @Transactional
    public Patrol finish(String no, String note) {
        Patrol p = requireOpen(no);
        List<String> unchecked = repo.checks(no, p.clusterCode()).stream().filter(c -> !c.isChecked())
                .map(c -> c.item().code()).toList();
        LocalDateTime now = now();
        new Validator()
                .check(unchecked.isEmpty(), "checklist", "patrol.validation.unchecked", unchecked.size())
                .check(p.startedAt() == null || !now.isBefore(p.startedAt()), "finishedAt",
                        "patrol.validation.finishBeforeStart")
                .maxLength("note", note, 4000)
                .throwIfAny();
        repo.finish(no, now, blank(note));
        audit.record("update", "patrol", no, "finished");
        return repo.find(no).orElseThrow();
    }

    private Patrol require(String no) {
        currentUser.require(READERS);
        Patrol p = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(p.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", p.clusterCode());
        }
        return p;
    }

    /** A patrol the user may record on: their own (one person walks a patrol), not finished. */
    private Patrol requireOpen(String no) {
        currentUser.require(WALKERS);
        Patrol p = require(no);
        if (!p.staffCode().equals(staffCode())) {
            throw new AccessDeniedException("patrol.error.notYours", no);
        }
        if (p.isFinished()) {
            throw ValidationException.of("no", "patrol.validation.finished", no);
        }
        return p;
    }

    private ChecklistItem requireItem(Patrol p, String itemCode) {
        return repo.checks(p.no(), p.clusterCode()).stream().map(PatrolCheck::item)
                .filter(i -> i.code().equals(itemCode)).findFirst()
                .orElseThrow(() -> ValidationException.of("itemCode", "validation.unknown", String.valueOf(itemCode)));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

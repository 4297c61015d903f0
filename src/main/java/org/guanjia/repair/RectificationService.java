package org.guanjia.repair;

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
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.guanjia.repair.internal.RepairRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification items owners raise (工程整改, duty 11): each goes to a department as a
 * follow-up (source "other", the item's number as reference: the follow-up table's sources are
 * fixed by a check DuckDB cannot alter); the butler notes progress and return visits, and closes
 * it with the feedback given to the owner, which resolves the follow-up too.
 */
@Service
@Transactional(readOnly = true)
public class RectificationService {

    /** The follow-up source of rectification items. */
    public static final String FOLLOW_UP_SOURCE = "other";

    private static final Role[] WORKERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER,
        Role.SERVICE_DESK};

    private final RepairRepository repo;
    private final FollowUpService followUps;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RectificationService(RepairRepository repo, FollowUpService followUps, AuditService audit,
            CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.followUps = followUps;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<RectificationItem> item(String no) {
        currentUser.require(WORKERS);
        return repo.findItem(no).filter(i -> currentUser.scope().allows(i.clusterCode()));
    }

    /** A page of the items in the user's clusters, oldest first. */
    public List<RectificationItem> list(RectificationFilter filter, Page page) {
        currentUser.require(WORKERS);
        return repo.items(currentUser.scope(), filter, page);
    }

    public int count(RectificationFilter filter) {
        currentUser.require(WORKERS);
        return repo.countItems(currentUser.scope(), filter);
    }

    public List<RectificationNote> notes(String no) {
        require(no);
        return repo.notes(no);
    }

    /** The item's follow-up, if it has one the user may see. */
    public Optional<FollowUp> followUp(String no) {
        RectificationItem i = require(no);
        return i.followUpNo() == null ? Optional.empty() : followUps.followUp(i.followUpNo());
    }

    /** Records the item and raises its follow-up to the department, in one transaction. */
    @Transactional
    public RectificationItem raise(NewRectification n) {
        currentUser.require(WORKERS);
        LocalDate today = today();
        LocalDate raised = n.raisedOn() != null ? n.raisedOn() : today;
        Validator v = new Validator()
                .required("unitCode", n.unitCode())
                .required("description", n.description())
                .maxLength("description", n.description(), 4000)
                .required("departmentCode", n.departmentCode())
                .check(!raised.isAfter(today), "raisedOn", "repair.validation.future");
        if (n.departmentCode() != null) {
            v.check(repo.departmentExists(n.departmentCode()), "departmentCode", "validation.unknown",
                    n.departmentCode());
        }
        if (n.unitCode() != null) {
            Optional<String[]> place = repo.placeOfUnit(n.unitCode());
            v.check(place.isPresent(), "unitCode", "validation.unknown", n.unitCode());
            if (place.isPresent() && !currentUser.scope().allows(place.get()[1])) {
                v.add("unitCode", "repair.validation.outOfScope", n.unitCode());
            }
        }
        v.throwIfAny();
        String no = repo.nextItemNo(raised.atStartOfDay());
        FollowUp f = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, null, n.unitCode(),
                n.departmentCode(), null, n.description().trim(), null));
        repo.insertItem(no, n.unitCode(), raised, n.description().trim(), n.departmentCode(), f.no());
        audit.record("create", "rectification_item", no, "unit=" + n.unitCode()
                + " department=" + n.departmentCode() + " followUp=" + f.no());
        return repo.findItem(no).orElseThrow();
    }

    /** A progress note or return visit; an open item becomes "in progress", its follow-up too. */
    @Transactional
    public RectificationItem addNote(String no, String note, boolean returnVisit) {
        RectificationItem i = require(no);
        new Validator()
                .required("note", note)
                .maxLength("note", note, 4000)
                .check(i.isOpen(), "note", "repair.validation.itemClosed", no)
                .throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        repo.addNote(no, now, staffCode(), returnVisit, note.trim());
        if ("open".equals(i.status())) {
            repo.setItemStatus(no, "in_progress");
        }
        openFollowUp(i).ifPresent(f -> followUps.updateStatus(f.no(), "in_progress", note));
        audit.record("update", "rectification_item", no, (returnVisit ? "return visit: " : "note: ") + note.trim());
        return repo.findItem(no).orElseThrow();
    }

    /** Closes the item with the feedback given to the owner; resolves and closes its follow-up. */
    @Transactional
    public RectificationItem close(String no, RectificationClosing c) {
        RectificationItem i = require(no);
        LocalDate on = c.closedOn() != null ? c.closedOn() : today();
        new Validator()
                .required("feedbackToOwner", c.feedbackToOwner())
                .maxLength("feedbackToOwner", c.feedbackToOwner(), 4000)
                .check(!on.isBefore(i.raisedOn()), "closedOn", "repair.validation.beforeRaised")
                .check(!on.isAfter(today()), "closedOn", "repair.validation.future")
                .check(i.isOpen(), "status", "repair.validation.itemClosed", no)
                .throwIfAny();
        repo.closeItem(no, on, c.feedbackToOwner().trim());
        if (i.followUpNo() != null) {
            followUps.followUp(i.followUpNo()).filter(f -> !"closed".equals(f.status()))
                    .ifPresent(f -> followUps.resolve(f.no(), c.feedbackToOwner(), c.feedbackToOwner()));
        }
        audit.record("update", "rectification_item", no, "closed on=" + on);
        return repo.findItem(no).orElseThrow();
    }

    private Optional<FollowUp> openFollowUp(RectificationItem i) {
        return i.followUpNo() == null ? Optional.empty()
                : followUps.followUp(i.followUpNo()).filter(FollowUp::isOpen);
    }

    private RectificationItem require(String no) {
        currentUser.require(WORKERS);
        RectificationItem i = repo.findItem(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(i.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", i.clusterCode());
        }
        return i;
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }
}

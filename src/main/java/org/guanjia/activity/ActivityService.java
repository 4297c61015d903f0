package org.guanjia.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.activity.internal.ActivityRepository;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community activities (社区文化活动, rulebook 八, duty 10): once the company has decided an
 * activity's plan (date, place, capacity) the butler announces it to the owners, collects the
 * sign-ups per unit with their head count (capacity counts heads), tells the service hall, and
 * after the activity records who came and calls the owners back for their impressions, a 1-5
 * score and suggestions for the next one; then writes the activity's summary.
 *
 * <p>Status: planned → announced → held, or cancelled before it is held. Sign-ups are taken
 * while planned or announced (owners often sign up when the butler first mentions it), one per
 * unit; attendance and feedback only once held.
 *
 * <p>Scope: an activity belongs to an estate. A butler manages the activities of the estates
 * that hold one of their clusters, but signs up and sees the sign-ups of the units of their own
 * clusters only (the totals count everyone). Supervisors and managers manage all; administrators
 * and the service desk (who prepare the hall) read; finance has no access.
 */
@Service
@Transactional(readOnly = true)
public class ActivityService {

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER, Role.SERVICE_DESK};
    static final Role[] ORGANISERS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};

    private final ActivityRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ActivityService(ActivityRepository repo, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the signed-in user may plan and run activities (the UI hides the buttons otherwise). */
    public boolean canOrganise() {
        return currentUser.principal().map(p -> List.of(ORGANISERS).contains(p.role())).orElse(false);
    }

    /** The estates whose activities the user sees. */
    public List<String> estates() {
        currentUser.require(READERS);
        return repo.estates(currentUser.scope());
    }

    // --- activities ------------------------------------------------------------------------------

    public Optional<Activity> activity(String no) {
        currentUser.require(READERS);
        return repo.find(no).filter(a -> estates().contains(a.estateCode()));
    }

    /** A page of the activities of the user's estates, latest first. */
    public List<Activity> list(String status, String estateCode, String text, Page page) {
        currentUser.require(READERS);
        return repo.list(estates(), blank(status), blank(estateCode), text, page);
    }

    public int count(String status, String estateCode, String text) {
        currentUser.require(READERS);
        return repo.count(estates(), blank(status), blank(estateCode), text);
    }

    /** Records a new activity plan (status planned), starting in the future. */
    @Transactional
    public Activity create(ActivityPlan plan) {
        currentUser.require(ORGANISERS);
        Validator v = checkPlan(plan, null);
        v.check(plan.startsAt() == null || plan.startsAt().isAfter(LocalDateTime.now(clock)), "startsAt",
                "activity.validation.past");
        String estate = blank(plan.estateCode());
        if (estate != null) {
            v.check(repo.estateExists(estate), "estateCode", "validation.unknown", estate);
        }
        v.throwIfAny();
        if (!estates().contains(estate)) {
            throw new AccessDeniedException("error.outOfScope", estate);
        }
        String no = repo.nextNo(plan.startsAt().toLocalDate());
        repo.insert(no, estate, plan.title().trim(), plan.startsAt(), blank(plan.place()), plan.capacity());
        audit.record("create", "activity", no, "estate=" + estate + " startsAt=" + plan.startsAt()
                + " capacity=" + plan.capacity());
        return repo.find(no).orElseThrow();
    }

    /** Changes the plan of an activity not yet held or cancelled (the estate stays). */
    @Transactional
    public Activity update(String no, ActivityPlan plan) {
        Activity a = require(no, ORGANISERS);
        Validator v = checkPlan(plan, a);
        v.check(a.isOpen(), "status", "activity.validation.closed", no);
        v.throwIfAny();
        repo.updatePlan(no, plan.title().trim(), plan.startsAt(), blank(plan.place()), plan.capacity());
        audit.record("update", "activity", no, "plan startsAt=" + plan.startsAt() + " capacity="
                + plan.capacity());
        return repo.find(no).orElseThrow();
    }

    private Validator checkPlan(ActivityPlan plan, Activity old) {
        Validator v = new Validator()
                .required("title", blank(plan.title()))
                .maxLength("title", plan.title(), 200)
                .required("startsAt", plan.startsAt())
                .maxLength("place", plan.place(), 200)
                .check(plan.capacity() == null || plan.capacity() > 0, "capacity", "validation.positive");
        if (old == null) {
            v.required("estateCode", blank(plan.estateCode()));
        } else {
            v.check(plan.capacity() == null || plan.capacity() >= old.heads(), "capacity",
                    "activity.validation.belowSignups", old.heads());
            v.check(plan.startsAt() == null || old.noticeOn() == null
                    || !old.noticeOn().isAfter(plan.startsAt().toLocalDate()), "startsAt",
                    "activity.validation.beforeNotice", String.valueOf(old.noticeOn()));
        }
        return v;
    }

    /** The owners were told (notice posted, messages sent) on the day: planned → announced. */
    @Transactional
    public Activity announce(String no, LocalDate noticeOn) {
        Activity a = require(no, ORGANISERS);
        LocalDate on = noticeOn != null ? noticeOn : today();
        new Validator()
                .check("planned".equals(a.status()), "status", "activity.validation.notPlanned", no)
                .check(!on.isAfter(today()), "noticeOn", "activity.validation.future")
                .check(!on.isAfter(a.startsAt().toLocalDate()), "noticeOn", "activity.validation.noticeAfterStart")
                .throwIfAny();
        repo.setStatus(no, "announced", on, null);
        audit.record("update", "activity", no, "announced noticeOn=" + on);
        return repo.find(no).orElseThrow();
    }

    /** The activity took place: announced → held; sign-ups close, attendance and feedback open. */
    @Transactional
    public Activity markHeld(String no) {
        Activity a = require(no, ORGANISERS);
        new Validator()
                .check("announced".equals(a.status()), "status", "activity.validation.notAnnounced", no)
                .check(!a.startsAt().isAfter(LocalDateTime.now(clock)), "status", "activity.validation.notYet")
                .throwIfAny();
        repo.setStatus(no, "held", null, null);
        audit.record("update", "activity", no, "held");
        return repo.find(no).orElseThrow();
    }

    /** Cancels an activity not yet held, with the reason (kept as its summary). */
    @Transactional
    public Activity cancel(String no, String reason) {
        Activity a = require(no, ORGANISERS);
        new Validator()
                .check(a.isOpen(), "status", "activity.validation.closed", no)
                .required("summary", blank(reason))
                .maxLength("summary", reason, 10000)
                .throwIfAny();
        repo.setStatus(no, "cancelled", null, reason.trim());
        audit.record("update", "activity", no, "cancelled: " + reason.trim());
        return repo.find(no).orElseThrow();
    }

    /** The summary of a held activity (活动总结). */
    @Transactional
    public Activity saveSummary(String no, String summary) {
        Activity a = require(no, ORGANISERS);
        new Validator()
                .check(a.isHeld(), "summary", "activity.validation.notHeld", no)
                .required("summary", blank(summary))
                .maxLength("summary", summary, 10000)
                .throwIfAny();
        repo.setSummary(no, summary.trim());
        audit.record("update", "activity", no, "summary");
        return repo.find(no).orElseThrow();
    }

    // --- sign-ups --------------------------------------------------------------------------------

    /** The sign-ups of the units of the user's clusters. */
    public List<Signup> signups(String no) {
        require(no, READERS);
        return repo.signups(no, currentUser.scope());
    }

    /** Signs a unit up with its head count; one sign-up per unit, the heads within capacity. */
    @Transactional
    public Activity signUp(String no, NewSignup s) {
        Activity a = require(no, ORGANISERS);
        String unit = blank(s.unitCode());
        Validator v = new Validator()
                .check(a.isOpen(), "unitCode", "activity.validation.signupsClosed", no)
                .required("unitCode", unit)
                .required("headCount", s.headCount())
                .check(s.headCount() == null || s.headCount() > 0, "headCount", "validation.positive");
        if (unit != null) {
            checkUnit(v, a, unit);
            v.check(repo.headCount(no, unit).isEmpty(), "unitCode", "activity.validation.duplicate", unit);
        }
        if (s.headCount() != null && a.capacity() != null) {
            v.check(a.heads() + s.headCount() <= a.capacity(), "headCount", "activity.validation.capacity",
                    a.freePlaces());
        }
        v.throwIfAny();
        repo.insertSignup(no, unit, s.headCount(), today());
        audit.record("create", "activity_signup", no + "/" + unit, "heads=" + s.headCount());
        return repo.find(no).orElseThrow();
    }

    /** Changes a sign-up's head count while sign-ups are open. */
    @Transactional
    public Activity changeSignup(String no, NewSignup s) {
        Activity a = require(no, ORGANISERS);
        String unit = blank(s.unitCode());
        Validator v = new Validator()
                .check(a.isOpen(), "headCount", "activity.validation.signupsClosed", no)
                .required("unitCode", unit)
                .required("headCount", s.headCount())
                .check(s.headCount() == null || s.headCount() > 0, "headCount", "validation.positive");
        Integer before = null;
        if (unit != null) {
            checkUnit(v, a, unit);
            before = repo.headCount(no, unit).orElse(null);
            v.check(before != null, "unitCode", "activity.validation.notSignedUp", unit);
        }
        if (before != null && s.headCount() != null && a.capacity() != null) {
            v.check(a.heads() - before + s.headCount() <= a.capacity(), "headCount",
                    "activity.validation.capacity", a.capacity() - a.heads() + before);
        }
        v.throwIfAny();
        repo.setHeadCount(no, unit, s.headCount());
        audit.record("update", "activity_signup", no + "/" + unit, "heads=" + before + "->" + s.headCount());
        return repo.find(no).orElseThrow();
    }

    /** Records attendance and the owner's feedback for a sign-up of a held activity. */
    @Transactional
    public Signup recordResult(String no, String unitCode, SignupResult r) {
        Activity a = require(no, ORGANISERS);
        String unit = blank(unitCode);
        Validator v = new Validator()
                .check(a.isHeld(), "attended", "activity.validation.notHeld", no)
                .required("attended", r.attended())
                .range("feedbackScore", r.feedbackScore(), 1, 5)
                .maxLength("feedback", r.feedback(), 4000)
                .maxLength("suggestion", r.suggestion(), 4000);
        if (unit != null) {
            checkUnit(v, a, unit);
            v.check(repo.headCount(no, unit).isPresent(), "unitCode", "activity.validation.notSignedUp", unit);
        } else {
            v.required("unitCode", null);
        }
        if (Boolean.TRUE.equals(r.attended())) {
            v.required("attendedCount", r.attendedCount());
            v.check(r.attendedCount() == null || r.attendedCount() > 0, "attendedCount", "validation.positive");
        } else if (Boolean.FALSE.equals(r.attended())) {
            v.check(r.attendedCount() == null || r.attendedCount() == 0, "attendedCount",
                    "activity.validation.absentCount");
        }
        boolean anyFeedback = r.feedbackScore() != null || blank(r.feedback()) != null || blank(r.suggestion()) != null;
        LocalDate feedbackOn = anyFeedback ? (r.feedbackOn() != null ? r.feedbackOn() : today()) : null;
        if (feedbackOn != null) {
            v.check(!feedbackOn.isBefore(a.startsAt().toLocalDate()), "feedbackOn",
                    "activity.validation.feedbackBefore");
            v.check(!feedbackOn.isAfter(today()), "feedbackOn", "activity.validation.future");
        }
        v.throwIfAny();
        int count = Boolean.TRUE.equals(r.attended()) ? r.attendedCount() : 0;
        repo.setResult(no, unit, r.attended(), count, r.feedbackScore(), blank(r.feedback()), blank(r.suggestion()),
                feedbackOn);
        audit.record("update", "activity_signup", no + "/" + unit, "attended=" + r.attended() + " count=" + count
                + " score=" + r.feedbackScore());
        return repo.signups(no, currentUser.scope()).stream().filter(x -> x.unitCode().equals(unit))
                .findFirst().orElseThrow();
    }

    /** The unit exists, belongs to the activity's estate and to the user's clusters. */
    private void checkUnit(Validator v, Activity a, String unit) {
        Optional<String[]> place = repo.placeOfUnit(unit);
        v.check(place.isPresent(), "unitCode", "validation.unknown", unit);
        if (place.isPresent()) {
            if (!currentUser.scope().allows(place.get()[0])) {
                throw new AccessDeniedException("error.outOfScope", place.get()[0]);
            }
            v.check(place.get()[1].equals(a.estateCode()), "unitCode", "activity.validation.otherEstate", unit,
                    a.estateCode());
        }
    }

    private Activity require(String no, Role... roles) {
        currentUser.require(roles);
        Activity a = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!estates().contains(a.estateCode())) {
            throw new AccessDeniedException("error.outOfScope", a.estateCode());
        }
        return a;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.complaint;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.complaint.internal.ComplaintRepository;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉, rulebook 五): intake by a butler or the service desk, first response,
 * classification with the responsible department and plan, resolution with the reply to the
 * owner, the owner's signature and return visit, and reopening. Each step is allowed only from
 * the states listed in {@link #FROM}; a butler works only on units of their clusters.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintService {

    /** Who may see complaints and take them in (finance has no business with them). */
    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER,
        Role.SERVICE_DESK};
    /** Who handles a complaint after intake: the butler, their supervisor and managers. */
    private static final Role[] HANDLERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};

    /** The workflow: each step and the statuses it may start from. */
    static final Map<String, Set<String>> FROM = Map.of(
            "respond", Set.of("received"),
            "classify", Set.of("responded", "in_progress"),
            "resolve", Set.of("in_progress"),
            "signOff", Set.of("resolved"),
            "reopen", Set.of("resolved", "closed"));

    private final ComplaintRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final FollowUpService followUps;
    private final Messages messages;
    private final Clock clock;

    public ComplaintService(ComplaintRepository repo, AuditService audit, CurrentUser currentUser,
            FollowUpService followUps, Messages messages, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.followUps = followUps;
        this.messages = messages;
        this.clock = clock;
    }

    /** Now in the estates' zone, to the second (the form shows no fractions). */
    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    // --- reading ------------------------------------------------------------------------------

    public Optional<Complaint> complaint(String no) {
        currentUser.require(READERS);
        return repo.find(no).filter(c -> currentUser.scope().allows(c.clusterCode()));
    }

    /** A page of the complaints in the user's clusters, newest first. */
    public List<Complaint> list(ComplaintFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.list(currentUser.scope(), filter, now(), page);
    }

    public int count(ComplaintFilter filter) {
        currentUser.require(READERS);
        return repo.count(currentUser.scope(), filter, now());
    }

    /** Whether the user may work on complaints after intake (for the UI's buttons). */
    public boolean canHandle() {
        return currentUser.principal().map(p -> List.of(HANDLERS).contains(p.role())).orElse(false);
    }

    // --- intake -------------------------------------------------------------------------------

    @Transactional
    public Complaint intake(NewComplaint c) {
        currentUser.require(READERS);
        LocalDateTime now = now();
        LocalDateTime received = c.receivedAt() != null ? c.receivedAt() : now;
        Validator v = new Validator()
                .required("unitCode", c.unitCode())
                .required("channel", c.channel())
                .check(c.channel() == null || Complaint.CHANNELS.contains(c.channel()), "channel",
                        "validation.oneOf", Complaint.CHANNELS)
                .required("category", c.category())
                .check(c.category() == null || Complaint.CATEGORIES.contains(c.category()), "category",
                        "validation.oneOf", Complaint.CATEGORIES)
                .required("description", c.description())
                .maxLength("description", c.description(), 10000)
                .check(!received.isAfter(now), "receivedAt", "complaint.validation.future");
        Optional<String[]> place = c.unitCode() == null ? Optional.empty() : repo.placeOfUnit(c.unitCode());
        if (c.unitCode() != null) {
            v.check(place.isPresent(), "unitCode", "validation.unknown", c.unitCode());
        }
        if (place.isPresent() && !currentUser.scope().allows(place.get()[0])) {
            v.add("unitCode", "complaint.validation.outOfScope", c.unitCode());
        }
        v.throwIfAny();
        String no = repo.nextNo(received);
        // the building placeOfUnit found, stored on the complaint for the KPI views (V026)
        repo.insert(no, c.unitCode(), place.get()[1], received, c.channel(), c.category(),
                c.description().trim());
        audit.record("create", "complaint", no, "unit=" + c.unitCode() + " category=" + c.category()
                + " channel=" + c.channel() + " received=" + received);
        return repo.find(no).orElseThrow();
    }

    // --- workflow -----------------------------------------------------------------------------

    @Transactional
    public Complaint respond(String no, FirstResponse r) {
        Complaint c = handle(no, "respond");
        LocalDateTime at = r.respondedAt() != null ? r.respondedAt() : now();
        String responder = blank(r.responderCode()) != null ? r.responderCode().trim() : staffCode();
        Validator v = new Validator()
                .required("method", r.method())
                .check(r.method() == null || Complaint.RESPONSE_METHODS.contains(r.method()), "method",
                        "validation.oneOf", Complaint.RESPONSE_METHODS);
        checkTime(v, "respondedAt", at, c);
        if (responder != null) {
            v.check(repo.staffExists(responder), "responderCode", "validation.unknown", responder);
        }
        v.throwIfAny();
        repo.respond(no, at, r.method(), responder);
        audit.record("update", "complaint", no, "responded at=" + at + " method=" + r.method()
                + " by=" + responder);
        return repo.find(no).orElseThrow();
    }

    @Transactional
    public Complaint classify(String no, Classification k) {
        handle(no, "classify");
        new Validator()
                .required("valid", k.valid())
                .maxLength("department", k.department(), 200)
                .maxLength("responsiblePerson", k.responsiblePerson(), 200)
                .maxLength("plan", k.plan(), 4000)
                .check(!Boolean.TRUE.equals(k.valid()) || blank(k.department()) != null, "department",
                        "validation.required")
                .check(!Boolean.TRUE.equals(k.valid()) || blank(k.plan()) != null, "plan",
                        "validation.required")
                .throwIfAny();
        repo.classify(no, k.valid(), blank(k.department()), blank(k.responsiblePerson()), blank(k.plan()));
        audit.record("update", "complaint", no, "classified valid=" + k.valid() + " department="
                + blank(k.department()) + " person=" + blank(k.responsiblePerson()));
        return repo.find(no).orElseThrow();
    }

    @Transactional
    public Complaint resolve(String no, Resolution r) {
        Complaint c = handle(no, "resolve");
        LocalDateTime at = r.resolvedAt() != null ? r.resolvedAt() : now();
        String reply = blank(r.reply());
        LocalDateTime repliedAt = reply == null ? null : r.repliedAt() != null ? r.repliedAt() : at;
        Validator v = new Validator()
                .required("reply", reply)
                .maxLength("reply", reply, 4000);
        checkTime(v, "resolvedAt", at, c);
        // one message per field: "before the response" only when it is not before receipt too
        v.check(c.firstResponseAt() == null || at.isBefore(c.receivedAt())
                || !at.isBefore(c.firstResponseAt()), "resolvedAt", "complaint.validation.beforeResponse");
        if (repliedAt != null) {
            checkTime(v, "repliedAt", repliedAt, c);
        }
        v.throwIfAny();
        repo.resolve(no, at, reply, repliedAt);
        audit.record("update", "complaint", no, "resolved at=" + at + " replied=" + repliedAt);
        return repo.find(no).orElseThrow();
    }

    /**
     * Records the owner's signature (or refusal) and the return visit, and closes the complaint;
     * a corrective action with a department raises a follow-up to that department.
     */
    @Transactional
    public Complaint signOff(String no, SignOff s) {
        Complaint c = handle(no, "signOff");
        LocalDateTime now = now();
        LocalDateTime visit = s.returnVisitAt() != null ? s.returnVisitAt() : now;
        String action = blank(s.correctiveAction());
        String dept = blank(s.followUpDepartmentCode());
        Validator v = new Validator()
                .required("ownerSigned", s.ownerSigned())
                .required("satisfaction", s.satisfaction())
                .range("satisfaction", s.satisfaction(), 1, 5)
                .maxLength("correctiveAction", action, 4000)
                .check(dept == null || action != null, "correctiveAction", "validation.required");
        checkTime(v, "returnVisitAt", visit, c);
        v.check(c.resolvedAt() == null || visit.isBefore(c.receivedAt()) || !visit.isBefore(c.resolvedAt()),
                "returnVisitAt", "complaint.validation.beforeResolved");
        if (dept != null) {
            v.check(repo.departmentExists(dept), "followUpDepartmentCode", "validation.unknown", dept);
        }
        v.throwIfAny();
        // closing cannot predate the return visit that closes it
        repo.signOff(no, s.ownerSigned(), visit, s.satisfaction(), action, visit.isAfter(now) ? visit : now);
        audit.record("update", "complaint", no, "closed signed=" + s.ownerSigned() + " satisfaction="
                + s.satisfaction() + " returnVisit=" + visit);
        if (dept != null) {
            followUps.create(new NewFollowUp("complaint", no, null, c.unitCode(), dept, null, action,
                    null));
        }
        return repo.find(no).orElseThrow();
    }

    /**
     * Reopens a resolved or closed complaint that turned out not to be settled: back to in
     * progress, its resolution, sign-off and return visit cleared (they will be recorded again,
     * so the KPIs count the final ones; the audit log keeps the old values).
     */
    @Transactional
    public Complaint reopen(String no, String reason) {
        Complaint c = handle(no, "reopen");
        new Validator().required("reason", reason).maxLength("reason", reason, 1000).throwIfAny();
        repo.reopen(no, c.reopenCount() + 1);
        audit.record("update", "complaint", no, "reopened (" + (c.reopenCount() + 1) + ") from "
                + c.status() + ": " + reason.trim() + "; was resolved=" + c.resolvedAt() + " signed="
                + c.ownerSigned() + " satisfaction=" + c.satisfaction());
        return repo.find(no).orElseThrow();
    }

    // --- service levels -----------------------------------------------------------------------

    /** The levels of every category; categories without a row show the defaults. */
    public List<ServiceLevel> serviceLevels() {
        Map<String, ServiceLevel> stored = repo.levels().stream()
                .collect(Collectors.toMap(ServiceLevel::category, Function.identity()));
        return Complaint.CATEGORIES.stream().map(cat -> stored.getOrDefault(cat, new ServiceLevel(cat,
                ComplaintRepository.defaultResponseMinutes(), ComplaintRepository.defaultResolutionHours())))
                .toList();
    }

    @Transactional
    public ServiceLevel saveServiceLevel(ServiceLevel l) {
        saveServiceLevels(List.of(l));
        return l;
    }

    /**
     * Saves the levels of several categories at once (all or none); a problem names the field
     * {@code category.responseMinutes} or {@code category.resolutionHours}.
     */
    @Transactional
    public void saveServiceLevels(List<ServiceLevel> levels) {
        currentUser.require(Role.ADMIN, Role.MANAGER);
        Validator v = new Validator();
        for (ServiceLevel l : levels) {
            String c = l.category();
            v.check(Complaint.CATEGORIES.contains(c), "category", "validation.oneOf", Complaint.CATEGORIES)
                    .required(c + ".responseMinutes", l.responseMinutes())
                    .range(c + ".responseMinutes", l.responseMinutes(), 1, 7 * 24 * 60)
                    .required(c + ".resolutionHours", l.resolutionHours())
                    .range(c + ".resolutionHours", l.resolutionHours(), 1, 90 * 24);
        }
        v.throwIfAny();
        for (ServiceLevel l : levels) {
            repo.saveLevel(l);
            audit.record("update", "complaint_service_level", l.category(), "response="
                    + l.responseMinutes() + "min resolution=" + l.resolutionHours() + "h");
        }
    }

    // --- the printed form -----------------------------------------------------------------------

    /** The complaint record form (投诉记录表) as PDF, in the reader's language. */
    public byte[] pdf(String no, Locale locale) {
        Complaint c = complaint(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        return ComplaintPdf.render(c, (key, args) -> messages.getTranslation(key, locale, args), locale);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The complaint, if the user may handle it and the step may start from its status. */
    private Complaint handle(String no, String step) {
        currentUser.require(HANDLERS);
        Complaint c = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(c.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", c.clusterCode());
        }
        if (!FROM.get(step).contains(c.status())) {
            // one message per status: "already resolved", "not yet responded to" ...
            throw ValidationException.of("status", "complaint.validation.when." + c.status(), no);
        }
        return c;
    }

    /** A step's time: not before the complaint was received and not in the future. */
    private void checkTime(Validator v, String field, LocalDateTime at, Complaint c) {
        v.check(!at.isBefore(c.receivedAt()), field, "complaint.validation.beforeReceived");
        v.check(!at.isAfter(now()), field, "complaint.validation.future");
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

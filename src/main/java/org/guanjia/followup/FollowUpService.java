package org.guanjia.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.followup.internal.FollowUpRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups (跟进单): tickets any feature raises to a department (a collection call about a
 * service issue, a patrol finding, a complaint ...), worked on, resolved and answered to the
 * owner. The raising feature names itself by {@code source} and its record by
 * {@code source_ref}. Every role may raise one within its clusters; butlers (their clusters),
 * the service desk, supervisors, managers and administrators work on them.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

    private static final Role[] WORKERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR,
        Role.SERVICE_DESK, Role.BUTLER};

    private final FollowUpRepository repo;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public FollowUpService(FollowUpRepository repo, AuditService audit, CurrentUser currentUser,
            Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Raises a follow-up (status open) in the caller's transaction. */
    @Transactional
    public FollowUp create(NewFollowUp f) {
        currentUser.require(Role.values());
        Validator v = new Validator()
                .required("source", f.source())
                .check(f.source() == null || FollowUp.SOURCES.contains(f.source()), "source",
                        "validation.oneOf", FollowUp.SOURCES)
                .maxLength("sourceRef", f.sourceRef(), 64)
                .required("departmentCode", f.departmentCode())
                .required("description", f.description())
                .maxLength("description", f.description(), 4000);
        String cluster = f.clusterCode();
        String building = null;
        if (f.unitCode() != null) {
            Optional<String[]> place = repo.placeOfUnit(f.unitCode());
            v.check(place.isPresent(), "unitCode", "validation.unknown", f.unitCode());
            if (place.isPresent()) {
                cluster = place.get()[0];
                building = place.get()[1];
            }
        } else {
            v.required("clusterCode", cluster);
            if (cluster != null) {
                v.check(repo.clusterExists(cluster), "clusterCode", "validation.unknown", cluster);
            }
        }
        if (f.departmentCode() != null) {
            v.check(repo.departmentExists(f.departmentCode()), "departmentCode", "validation.unknown",
                    f.departmentCode());
        }
        if (f.assigneeCode() != null) {
            v.check(repo.staffExists(f.assigneeCode()), "assigneeCode", "validation.unknown",
                    f.assigneeCode());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        v.check(f.dueOn() == null || !f.dueOn().isBefore(now.toLocalDate()), "dueOn",
                "followup.validation.dueInPast");
        v.throwIfAny();
        currentUser.scope().check(cluster);
        FollowUp created = new FollowUp(repo.nextNo(now.getYear()), f.source(), blank(f.sourceRef()),
                cluster, building, f.unitCode(), f.departmentCode(), null, f.assigneeCode(),
                f.description().trim(), now, f.dueOn(), "open", null, null, null, null);
        repo.insert(created);
        audit.record("create", "follow_up", created.no(), "source=" + created.source()
                + (created.sourceRef() == null ? "" : "/" + created.sourceRef())
                + " unit=" + created.unitCode() + " department=" + created.departmentCode());
        return repo.find(created.no()).orElseThrow();
    }

    public Optional<FollowUp> followUp(String no) {
        return repo.find(no).filter(f -> currentUser.scope().allows(f.clusterCode()));
    }

    /** Follow-ups by number, those outside the user's clusters left out. */
    public List<FollowUp> followUps(Collection<String> nos) {
        if (nos.isEmpty()) {
            return List.of();
        }
        return repo.findAll(nos).stream().filter(f -> currentUser.scope().allows(f.clusterCode()))
                .toList();
    }

    /** A page of the follow-ups in the user's clusters, oldest first. */
    public List<FollowUp> list(FollowUpFilter filter, Page page) {
        return repo.list(currentUser.scope(), filter, page);
    }

    public int count(FollowUpFilter filter) {
        return repo.count(currentUser.scope(), filter);
    }

    public List<FollowUpNote> notes(String no) {
        require(no);
        return repo.notes(no);
    }

    /** Marks an open follow-up open or in progress, with an optional progress note. */
    @Transactional
    public FollowUp updateStatus(String no, String status, String note) {
        currentUser.require(WORKERS);
        FollowUp f = require(no);
        new Validator()
                .check(FollowUp.OPEN_STATUSES.contains(status), "status", "validation.oneOf",
                        FollowUp.OPEN_STATUSES)
                .check(f.isOpen(), "status", "followup.validation.notOpen", no)
                .maxLength("note", note, 4000)
                .throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!status.equals(f.status())) {
            repo.setStatus(no, status);
        }
        if (note != null && !note.isBlank()) {
            repo.addNote(no, now, staffCode(), note.trim());
        }
        audit.record("update", "follow_up", no, "status=" + status);
        return repo.find(no).orElseThrow();
    }

    /**
     * Resolves the follow-up with what was done; with a reply to the owner it is closed,
     * without one it stays "resolved" until the reply is given (calling this again with it).
     */
    @Transactional
    public FollowUp resolve(String no, String resolution, String replyToOwner) {
        currentUser.require(WORKERS);
        FollowUp f = require(no);
        String reply = blank(replyToOwner);
        new Validator()
                .required("resolution", resolution)
                .maxLength("resolution", resolution, 4000)
                .maxLength("replyToOwner", reply, 4000)
                .check(!"closed".equals(f.status()), "status", "followup.validation.closed", no)
                .throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        // resolved_at stays the first resolution time when only the reply is added later
        LocalDateTime at = f.resolvedAt() != null ? f.resolvedAt() : now;
        boolean closed = reply != null || f.unitCode() == null;
        repo.resolve(no, at, resolution.trim(), reply, now, closed ? "closed" : "resolved");
        if (f.resolvedAt() != null && reply != null) {
            repo.addNote(no, now, staffCode(), reply);
        }
        audit.record("update", "follow_up", no, closed ? "closed" : "resolved");
        return repo.find(no).orElseThrow();
    }

    /**
     * The units (within the user's clusters) that have a follow-up of the source that was open
     * at the end of {@code day}: raised by then and not resolved by then.
     */
    public Set<String> unitsWithOpen(String source, LocalDate day) {
        return repo.unitsWithOpen(currentUser.scope(), source, day.plusDays(1).atStartOfDay(), null);
    }

    /** {@link #unitsWithOpen(String, LocalDate)} limited to the units of the given clusters. */
    public Set<String> unitsWithOpenInClusters(String source, Collection<String> clusterCodes,
            LocalDate day) {
        return repo.unitsWithOpen(currentUser.scope(), source, day.plusDays(1).atStartOfDay(),
                clusterCodes);
    }

    /** {@link #unitsWithOpen(String, LocalDate)} limited to the given units. */
    public Set<String> unitsWithOpen(String source, Collection<String> unitCodes, LocalDate day) {
        Set<String> wanted = Set.copyOf(unitCodes);
        return unitsWithOpen(source, day).stream().filter(wanted::contains)
                .collect(Collectors.toSet());
    }

    private FollowUp require(String no) {
        FollowUp f = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(f.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", f.clusterCode());
        }
        return f;
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.briefing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.briefing.internal.BriefingRepository;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 9:30 morning briefing (晨会, rulebook 一; DESIGN F2): one per cluster and day, chaired by
 * the butler, with the items each source reports; an item that needs action goes to a department
 * as a follow-up, like a patrol finding. Butlers work in their clusters only, supervisors and
 * managers everywhere; administrators read; service desk and finance are refused.
 */
@Service
@Transactional(readOnly = true)
public class BriefingService {

    /** The follow-up source of briefing items. */
    public static final String FOLLOW_UP_SOURCE = "briefing";

    /** The department kind an item of each source goes to unless the butler picks another. */
    public static final Map<String, String> DEPARTMENT_KINDS = Map.of("security", "security",
            "maintenance", "engineering", "cleaning_greening", "cleaning", "call_center", "customer_service",
            "service_hall", "customer_service");

    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    private static final Role[] WRITERS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};

    private final BriefingRepository repo;
    private final FollowUpService followUps;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public BriefingService(BriefingRepository repo, FollowUpService followUps, AuditService audit,
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

    public boolean canWrite() {
        return currentUser.principal().map(p -> p.staffCode() != null
                && List.of(WRITERS).contains(p.role())).orElse(false);
    }

    /** The default department for an item of the source. */
    public Optional<String> defaultDepartment(String source) {
        String kind = source == null ? null : DEPARTMENT_KINDS.get(source);
        return kind == null ? Optional.empty() : repo.departmentOfKind(kind);
    }

    public Optional<Briefing> briefing(String no) {
        currentUser.require(READERS);
        return repo.find(no).filter(b -> currentUser.scope().allows(b.clusterCode()));
    }

    public List<Briefing> list(BriefingFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.list(currentUser.scope(), filter, page);
    }

    public int count(BriefingFilter filter) {
        currentUser.require(READERS);
        return repo.count(currentUser.scope(), filter);
    }

    public List<BriefingItem> items(String no) {
        require(no);
        return repo.items(no);
    }

    /**
     * Today's briefing of the cluster: the existing one, or a new one chaired by the signed-in
     * user and held now (there is one briefing per cluster and day).
     */
    @Transactional
    public Briefing today(String clusterCode) {
        currentUser.require(WRITERS);
        String staff = staffCode();
        Validator v = new Validator()
                .required("clusterCode", clusterCode)
                .check(staff != null, "clusterCode", "brief.validation.noStaff");
        if (clusterCode != null) {
            v.check(repo.clusterExists(clusterCode), "clusterCode", "validation.unknown", clusterCode);
        }
        v.throwIfAny();
        currentUser.scope().check(clusterCode);
        LocalDateTime now = now();
        Optional<Briefing> existing = repo.find(clusterCode, now.toLocalDate());
        if (existing.isPresent()) {
            return existing.get();
        }
        String no = repo.nextNo(now);
        repo.insert(no, clusterCode, now.toLocalDate(), now, staff);
        audit.record("create", "morning_briefing", no, "cluster=" + clusterCode + " staff=" + staff);
        return repo.find(no).orElseThrow();
    }

    /**
     * Records when the briefing was held (on its day, not later than now) and its note. Both can
     * be corrected only until the first item is noted: DuckDB 2.0 rewrites an update of this table
     * as delete + insert (its checks involve the indexed key and day), which the items' foreign
     * key refuses once an item points at the briefing.
     */
    @Transactional
    public Briefing held(String no, LocalTime heldAt, String note) {
        Briefing b = requireWritable(no);
        LocalDateTime at = heldAt == null ? null : b.briefingOn().atTime(heldAt).truncatedTo(ChronoUnit.MINUTES);
        new Validator()
                .required("heldAt", heldAt)
                .check(at == null || !at.isAfter(now()), "heldAt", "brief.validation.heldInFuture")
                .check(b.items() == 0, "heldAt", "brief.validation.heldFixed")
                .maxLength("note", note, 4000)
                .throwIfAny();
        repo.setHeld(no, at, blank(note));
        audit.record("update", "morning_briefing", no, "held=" + at);
        return repo.find(no).orElseThrow();
    }

    /** Notes an item; one that needs action becomes a follow-up to the department, in one transaction. */
    @Transactional
    public BriefingItem addItem(String no, NewBriefingItem n) {
        Briefing b = requireWritable(no);
        Validator v = new Validator()
                .required("source", n.source())
                .check(n.source() == null || BriefingItem.SOURCES.contains(n.source()), "source",
                        "validation.oneOf", BriefingItem.SOURCES)
                .required("description", n.description())
                .maxLength("description", n.description(), 4000);
        String unit = blank(n.unitCode());
        if (n.needsAction()) {
            v.required("departmentCode", n.departmentCode())
                    .check(n.dueOn() == null || !n.dueOn().isBefore(today()), "dueOn", "followup.validation.dueInPast");
            if (n.departmentCode() != null) {
                v.check(repo.departmentExists(n.departmentCode()), "departmentCode", "validation.unknown",
                        n.departmentCode());
            }
        }
        if (unit != null) {
            Optional<String> cluster = repo.clusterOfUnit(unit);
            v.check(cluster.isPresent(), "unitCode", "validation.unknown", unit);
            cluster.ifPresent(c -> v.check(c.equals(b.clusterCode()), "unitCode",
                    "brief.validation.unitOutsideCluster", unit, b.clusterCode()));
        }
        v.throwIfAny();
        String description = n.description().trim();
        String followUpNo = null;
        if (n.needsAction()) {
            FollowUp f = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, b.clusterCode(), unit,
                    n.departmentCode(), null, description, n.dueOn()));
            followUpNo = f.no();
        }
        long id = repo.insertItem(no, n.source(), description, n.urgent(), followUpNo);
        audit.record("update", "morning_briefing", no, "item source=" + n.source() + " urgent=" + n.urgent()
                + (followUpNo == null ? "" : " followUp=" + followUpNo));
        return repo.items(no).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    private Briefing require(String no) {
        currentUser.require(READERS);
        Briefing b = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(b.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", b.clusterCode());
        }
        return b;
    }

    /** Only today's briefing takes items: what happened overnight is noted the same morning. */
    private Briefing requireWritable(String no) {
        currentUser.require(WRITERS);
        Briefing b = require(no);
        if (!b.briefingOn().equals(today())) {
            throw ValidationException.of("no", "brief.validation.notToday", b.briefingOn());
        }
        return b;
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

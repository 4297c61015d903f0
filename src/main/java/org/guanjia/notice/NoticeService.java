package org.guanjia.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.pdf.PdfDoc;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.guanjia.notice.internal.NoticeRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice boards and recreation facilities (公告栏及文体设施, rulebook 二, duty 8, DESIGN F4):
 * boards per cluster, notices with expiry and the morning list of expired notices to take down,
 * facility checks whose problems go to engineering or cleaning as follow-ups, and the
 * notice-board card of each building with its butlers' 24-hour service phone (篇2).
 * Butlers work in their clusters; supervisors and managers everywhere and they alone (with
 * administrators) set up boards and facilities; administrators read; other roles are refused.
 */
@Service
@Transactional(readOnly = true)
public class NoticeService {

    /** The follow-up source of facility checks. */
    public static final String FOLLOW_UP_SOURCE = "facility_check";

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    static final Role[] WRITERS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    static final Role[] SETUP = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR};

    private final NoticeRepository repo;
    private final FollowUpService followUps;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    public NoticeService(NoticeRepository repo, FollowUpService followUps, AuditService audit,
            CurrentUser currentUser, Messages messages, Clock clock) {
        this.repo = repo;
        this.followUps = followUps;
        this.audit = audit;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the user may post notices, take them down and check facilities. */
    public boolean canWrite() {
        return currentUser.principal().map(p -> List.of(WRITERS).contains(p.role())).orElse(false);
    }

    /** Whether the user may set up boards and facilities. */
    public boolean canSetUp() {
        return currentUser.principal().map(p -> List.of(SETUP).contains(p.role())).orElse(false);
    }

    // --- boards -------------------------------------------------------------------------------

    public List<Board> boards(String clusterCode) {
        currentUser.require(READERS);
        return repo.boards(currentUser.scope(), clusterCode);
    }

    @Transactional
    public Board saveBoard(Board b, boolean isNew) {
        currentUser.require(SETUP);
        Validator v = new Validator()
                .required("code", b.code()).maxLength("code", b.code(), 32)
                .required("clusterCode", b.clusterCode())
                .maxLength("location", b.location(), 200);
        if (b.clusterCode() != null) {
            v.check(repo.clusterExists(b.clusterCode()), "clusterCode", "validation.unknown", b.clusterCode());
        }
        String building = blank(b.buildingCode());
        if (building != null) {
            Optional<String> cluster = repo.clusterOfBuilding(building);
            v.check(cluster.isPresent(), "buildingCode", "validation.unknown", building);
            cluster.ifPresent(c -> v.check(c.equals(b.clusterCode()), "buildingCode",
                    "notice.validation.buildingOutsideCluster", building, b.clusterCode()));
        }
        if (b.code() != null && !b.code().isBlank()) {
            Optional<Board> existing = repo.board(b.code().trim());
            if (isNew) {
                v.check(existing.isEmpty(), "code", "validation.duplicate", b.code().trim());
            } else {
                v.check(existing.isPresent(), "code", "validation.unknown", b.code().trim());
                existing.ifPresent(e -> currentUser.scope().check(e.clusterCode()));
            }
        }
        v.throwIfAny();
        currentUser.scope().check(b.clusterCode());
        Board saved = new Board(b.code().trim(), b.clusterCode(), building, blank(b.location()));
        if (isNew) {
            repo.insertBoard(saved);
        } else {
            repo.updateBoard(saved);
        }
        audit.record(isNew ? "create" : "update", "notice_board", saved.code(),
                "cluster=" + saved.clusterCode() + " building=" + saved.buildingCode());
        return repo.board(saved.code()).orElseThrow();
    }

    // --- notices ------------------------------------------------------------------------------

    /** A page of the notices posted in the user's clusters: newest first, or by expiry for the due list. */
    public List<Notice> notices(NoticeFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.notices(currentUser.scope(), filter, today(), page);
    }

    public int count(NoticeFilter filter) {
        currentUser.require(READERS);
        return repo.countNotices(currentUser.scope(), filter, today());
    }

    /**
     * This morning's take-down list (rulebook 二): notices on the boards of the user's clusters
     * that expired before today and are still up. A notice expiring today stays up today.
     */
    public List<Notice> takeDownList(String clusterCode) {
        return notices(new NoticeFilter(clusterCode, true, true, null), Page.first(10_000));
    }

    public Optional<Notice> notice(String no) {
        currentUser.require(READERS);
        return repo.notice(no).filter(this::visible);
    }

    private boolean visible(Notice n) {
        Scope scope = currentUser.scope();
        return repo.clustersOfBoards(n.boardCodes()).values().stream().anyMatch(scope::allows);
    }

    /** Posts a new notice or changes one; its boards are replaced by the form's. */
    @Transactional
    public Notice saveNotice(NoticeForm f, boolean isNew) {
        currentUser.require(WRITERS);
        LocalDate posted = f.postedOn() != null ? f.postedOn() : today();
        Set<String> boards = f.boardCodes() == null ? Set.of() : new LinkedHashSet<>(f.boardCodes());
        Validator v = new Validator()
                .required("title", f.title()).maxLength("title", f.title(), 200)
                .maxLength("body", f.body(), 10_000)
                .check(!boards.isEmpty(), "boardCodes", "notice.validation.noBoard")
                .check(f.expiresOn() == null || !f.expiresOn().isBefore(posted), "expiresOn",
                        "notice.validation.expiresBeforePosted");
        Map<String, String> clusters = boards.isEmpty() ? Map.of() : repo.clustersOfBoards(boards);
        for (String b : boards) {
            v.check(clusters.containsKey(b), "boardCodes", "validation.unknown", b);
        }
        Notice old = null;
        if (!isNew) {
            old = repo.notice(String.valueOf(f.no())).orElse(null);
            v.check(old != null, "no", "validation.unknown", String.valueOf(f.no()));
            if (old != null) {
                v.check(!old.isTakenDown(), "no", "notice.validation.takenDown", old.no());
                v.check(old.takenDownOn() == null || !old.takenDownOn().isBefore(posted), "postedOn",
                        "notice.validation.expiresBeforePosted");
            }
        }
        v.throwIfAny();
        Scope scope = currentUser.scope();
        clusters.values().forEach(scope::check);
        if (old != null && !visible(old)) {
            throw new AccessDeniedException("error.outOfScope", old.no());
        }
        String title = f.title().trim();
        String body = blank(f.body());
        String no;
        if (isNew) {
            no = repo.nextNoticeNo(posted.getYear());
            repo.insertNotice(no, title, body, posted, f.expiresOn(), boards);
        } else {
            no = old.no();
            repo.updateNotice(no, title, body, posted, f.expiresOn(), boards);
        }
        audit.record(isNew ? "create" : "update", "notice", no, "boards=" + String.join(",", boards)
                + " posted=" + posted + " expires=" + f.expiresOn());
        return repo.notice(no).orElseThrow();
    }

    /** Records that the signed-in butler took the notice down today (from all its boards). */
    @Transactional
    public Notice takeDown(String no) {
        currentUser.require(WRITERS);
        String staff = staffCode();
        Notice n = repo.notice(String.valueOf(no))
                .orElseThrow(() -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!visible(n)) {
            throw new AccessDeniedException("error.outOfScope", n.no());
        }
        LocalDate today = today();
        new Validator()
                .check(staff != null && repo.staffExists(staff), "takenDownBy", "notice.validation.noStaff")
                .check(!n.isTakenDown(), "no", "notice.validation.takenDown", n.no())
                .check(!today.isBefore(n.postedOn()), "takenDownOn", "notice.validation.downBeforePosted")
                .throwIfAny();
        repo.takeDown(n.no(), today, staff);
        audit.record("update", "notice", n.no(), "taken down on " + today + " by " + staff);
        return repo.notice(n.no()).orElseThrow();
    }

    // --- facilities ---------------------------------------------------------------------------

    public List<Facility> facilities(String clusterCode, String text) {
        currentUser.require(READERS);
        return repo.facilities(currentUser.scope(), clusterCode, text);
    }

    @Transactional
    public Facility saveFacility(Facility f, boolean isNew) {
        currentUser.require(SETUP);
        Validator v = new Validator()
                .required("code", f.code()).maxLength("code", f.code(), 32)
                .required("clusterCode", f.clusterCode())
                .required("name", f.name()).maxLength("name", f.name(), 200)
                .required("kind", f.kind())
                .check(f.kind() == null || Facility.KINDS.contains(f.kind()), "kind", "validation.oneOf",
                        Facility.KINDS);
        if (f.clusterCode() != null) {
            v.check(repo.clusterExists(f.clusterCode()), "clusterCode", "validation.unknown", f.clusterCode());
        }
        if (f.code() != null && !f.code().isBlank()) {
            Optional<Facility> existing = repo.facility(f.code().trim());
            if (isNew) {
                v.check(existing.isEmpty(), "code", "validation.duplicate", f.code().trim());
            } else {
                v.check(existing.isPresent(), "code", "validation.unknown", f.code().trim());
                existing.ifPresent(e -> currentUser.scope().check(e.clusterCode()));
            }
        }
        v.throwIfAny();
        currentUser.scope().check(f.clusterCode());
        Facility saved = new Facility(f.code().trim(), f.clusterCode(), f.name().trim(), f.kind(), f.active(),
                null, null);
        if (isNew) {
            repo.insertFacility(saved);
        } else {
            repo.updateFacility(saved);
        }
        audit.record(isNew ? "create" : "update", "facility", saved.code(),
                "cluster=" + saved.clusterCode() + " kind=" + saved.kind() + " active=" + saved.active());
        return repo.facility(saved.code()).orElseThrow();
    }

    /** The facility's latest checks, newest first. */
    public List<FacilityCheck> checks(String facilityCode, int limit) {
        currentUser.require(READERS);
        Facility f = requireFacility(facilityCode);
        return repo.checks(f.code(), limit);
    }

    /**
     * Records today's check of a facility by the signed-in user. A failed item raises a
     * follow-up in the same transaction: damage or safety to engineering, cleanliness to
     * cleaning (both when both fail; the check keeps the engineering one, safety coming first).
     */
    @Transactional
    public FacilityCheck check(NewFacilityCheck c) {
        currentUser.require(WRITERS);
        String staff = staffCode();
        Validator v = new Validator()
                .required("facilityCode", c.facilityCode())
                .required("cleanOk", c.cleanOk())
                .required("undamagedOk", c.undamagedOk())
                .required("safeOk", c.safeOk())
                .maxLength("note", c.note(), 4000)
                .check(staff != null && repo.staffExists(staff), "facilityCode", "notice.validation.noStaff");
        boolean engineering = Boolean.FALSE.equals(c.undamagedOk()) || Boolean.FALSE.equals(c.safeOk());
        boolean cleaning = Boolean.FALSE.equals(c.cleanOk());
        if (engineering || cleaning) {
            v.required("note", c.note());
        }
        Optional<Facility> facility = c.facilityCode() == null ? Optional.empty() : repo.facility(c.facilityCode());
        if (c.facilityCode() != null) {
            v.check(facility.isPresent(), "facilityCode", "validation.unknown", c.facilityCode());
            facility.ifPresent(f -> v.check(f.active(), "facilityCode", "notice.validation.inactive", f.code()));
        }
        Optional<String> engineeringDept = engineering ? repo.departmentOfKind("engineering") : Optional.empty();
        Optional<String> cleaningDept = cleaning ? repo.departmentOfKind("cleaning") : Optional.empty();
        v.check(!engineering || engineeringDept.isPresent(), engineeringField(c), "notice.validation.noDepartment",
                "engineering");
        v.check(!cleaning || cleaningDept.isPresent(), "cleanOk", "notice.validation.noDepartment", "cleaning");
        v.throwIfAny();
        Facility f = facility.orElseThrow();
        currentUser.scope().check(f.clusterCode());
        LocalDate today = today();
        String no = repo.nextCheckNo(today.getYear());
        String note = blank(c.note());
        String followUpNo = null;
        List<String> raised = new ArrayList<>();
        if (engineering) {
            String what = Boolean.FALSE.equals(c.safeOk()) ? "safety" : "damage";
            FollowUp fu = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, f.clusterCode(), null,
                    engineeringDept.get(), null, f.name() + " [" + what + "]: " + note, null));
            followUpNo = fu.no();
            raised.add(fu.no());
        }
        if (cleaning) {
            FollowUp fu = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, f.clusterCode(), null,
                    cleaningDept.get(), null, f.name() + " [cleanliness]: " + note, null));
            if (followUpNo == null) {
                followUpNo = fu.no();
            }
            raised.add(fu.no());
        }
        repo.insertCheck(no, f.code(), today, staff, c.cleanOk(), c.undamagedOk(), c.safeOk(), note, followUpNo);
        audit.record("create", "facility_check", no, "facility=" + f.code() + " clean=" + c.cleanOk()
                + " undamaged=" + c.undamagedOk() + " safe=" + c.safeOk()
                + (raised.isEmpty() ? "" : " followUps=" + String.join(",", raised)));
        return repo.check(no).orElseThrow();
    }

    private static String engineeringField(NewFacilityCheck c) {
        return Boolean.FALSE.equals(c.safeOk()) ? "safeOk" : "undamagedOk";
    }

    private Facility requireFacility(String code) {
        Facility f = repo.facility(String.valueOf(code))
                .orElseThrow(() -> ValidationException.of("facilityCode", "validation.unknown", String.valueOf(code)));
        if (!currentUser.scope().allows(f.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", f.clusterCode());
        }
        return f;
    }

    // --- notice-board card --------------------------------------------------------------------

    /** The buildings whose cards the user may print, code to name. */
    public Map<String, String> buildings(String clusterCode) {
        currentUser.require(READERS);
        return repo.buildings(currentUser.scope(), clusterCode);
    }

    /** The butlers the card of the building shows: those assigned to its cluster today. */
    public List<ButlerContact> butlersOfBuilding(String buildingCode) {
        currentUser.require(READERS);
        String[] place = requireBuilding(buildingCode);
        return repo.butlers(place[1], today());
    }

    /**
     * The card on the building's notice board (篇2: each building has its butler and a 24-hour
     * service phone, made public on the notice board): the building, each butler of its cluster
     * today with their service phone.
     */
    public byte[] cardPdf(String buildingCode, Locale locale) {
        currentUser.require(READERS);
        String[] place = requireBuilding(buildingCode);
        List<ButlerContact> butlers = repo.butlers(place[1], today());
        Locale l = Messages.supported(locale);
        List<List<String>> rows = butlers.stream()
                .map(b -> List.of(b.name(), b.servicePhone() == null ? "—" : b.servicePhone())).toList();
        audit.record("export", "notice_card", buildingCode, "butlers=" + butlers.size());
        return PdfDoc.render(l, tr(l, "notice.card.footer", today()), doc -> {
            doc.title(tr(l, "notice.card.title"))
                    .fields(List.of(new String[] {tr(l, "field.building"), place[0] + " (" + buildingCode + ")"},
                            new String[] {tr(l, "field.cluster"), place[2] + " (" + place[1] + ")"}))
                    .paragraph(tr(l, "notice.card.intro"));
            if (rows.isEmpty()) {
                doc.paragraph(tr(l, "notice.card.noButler"));
            } else {
                doc.table(List.of(tr(l, "notice.card.butler"), tr(l, "notice.card.servicePhone")), rows,
                        new float[] {1f, 1f}, Set.of());
            }
            doc.note(tr(l, "notice.card.note"));
        });
    }

    private String[] requireBuilding(String buildingCode) {
        String[] place = repo.buildingPlace(String.valueOf(buildingCode))
                .orElseThrow(() -> ValidationException.of("buildingCode", "validation.unknown", String.valueOf(buildingCode)));
        if (!currentUser.scope().allows(place[1])) {
            throw new AccessDeniedException("error.outOfScope", place[1]);
        }
        return place;
    }

    private String tr(Locale l, String key, Object... args) {
        return messages.getTranslation(key, l, args);
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

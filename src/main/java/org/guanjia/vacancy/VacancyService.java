package org.guanjia.vacancy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.analytics.KpiTable;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.photo.PhotoStore;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.followup.NewFollowUp;
import org.guanjia.vacancy.internal.VacancyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vacant units (空置房管理, rulebook 六 and duty 6): every unit vacant on a day (KPI.md: its
 * status that day, a delivered unit without status rows being vacant) is inspected at least once
 * per calendar month — doors and windows, water/power/gas switched off, leaks, cracks — with a
 * note and an optional photo; a failed check goes to engineering as a follow-up (source
 * "vacancy_inspection", the inspection's number as reference) and the owner is told how it went.
 * The butler also counts move-ins per week and vacant units per month.
 *
 * <p>Butlers work on the units of their clusters; supervisors and managers on all; administrators
 * read. The service desk and finance have no access.
 */
@Service
@Transactional(readOnly = true)
public class VacancyService {

    /** The follow-up source of failed checks. */
    public static final String FOLLOW_UP_SOURCE = "vacancy_inspection";

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    static final Role[] INSPECTORS = {Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};

    private final VacancyRepository repo;
    private final FollowUpService followUps;
    private final KpiService kpis;
    private final PhotoStore photos;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final KpiSummaryMaintenance summaries;

    public VacancyService(VacancyRepository repo, FollowUpService followUps, KpiService kpis,
            PhotoStore photos, AuditService audit, CurrentUser currentUser, Clock clock,
            KpiSummaryMaintenance summaries) {
        this.repo = repo;
        this.followUps = followUps;
        this.kpis = kpis;
        this.photos = photos;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.summaries = summaries;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public long maxPhotoBytes() {
        return photos.maxBytes();
    }

    /** Whether the signed-in user may record inspections (the UI hides the buttons otherwise). */
    public boolean canInspect() {
        return currentUser.principal().map(p -> List.of(INSPECTORS).contains(p.role())).orElse(false);
    }

    /** The clusters the user sees, for the filters. */
    public List<String> clusters() {
        currentUser.require(READERS);
        return repo.clusters(currentUser.scope());
    }

    // --- the month's list ------------------------------------------------------------------------

    /**
     * The vacant units of the user's clusters (or of one of them) not yet inspected in the
     * current calendar month, with the days left in it.
     */
    public DueInspections dueThisMonth(String clusterCode) {
        currentUser.require(READERS);
        LocalDate today = today();
        YearMonth month = YearMonth.from(today);
        List<VacantUnit> units = repo.notInspected(currentUser.scope(), blank(clusterCode), month.atDay(1), today)
                .stream().map(u -> new VacantUnit(u.unitCode(), u.clusterCode(), u.buildingCode(), u.ownerName(),
                        currentUser.phone(u.ownerPhone()), u.vacantSince(), u.lastInspectedOn())).toList();
        return new DueInspections(month, today, month.lengthOfMonth() - today.getDayOfMonth() + 1, units);
    }

    // --- inspections -----------------------------------------------------------------------------

    public Optional<Inspection> inspection(String no) {
        currentUser.require(READERS);
        return repo.find(no).filter(i -> currentUser.scope().allows(i.clusterCode()));
    }

    /** A page of the inspections in the user's clusters, newest first. */
    public List<Inspection> list(InspectionFilter filter, Page page) {
        currentUser.require(READERS);
        return repo.list(currentUser.scope(), filter, page);
    }

    public int count(InspectionFilter filter) {
        currentUser.require(READERS);
        return repo.count(currentUser.scope(), filter);
    }

    /** The inspection's photo, for users who may see the inspection. */
    public Optional<byte[]> photo(String no) {
        Inspection i = require(no, READERS);
        return i.photoKey() == null ? Optional.empty() : photos.read(i.photoKey());
    }

    /**
     * Records an inspection in one transaction: the photo is stored, a failed check raises a
     * follow-up to engineering listing the failed checks and the note, and the record keeps its
     * number.
     */
    @Transactional
    public Inspection record(NewInspection n) {
        currentUser.require(INSPECTORS);
        LocalDate today = today();
        LocalDate on = n.inspectedOn() != null ? n.inspectedOn() : today;
        Validator v = new Validator()
                .required("unitCode", blank(n.unitCode()))
                .check(!on.isAfter(today), "inspectedOn", "vacancy.validation.future")
                .required("doorsWindowsOk", n.doorsWindowsOk())
                .required("utilitiesOffOk", n.utilitiesOffOk())
                .required("noLeak", n.noLeak())
                .required("noCracks", n.noCracks())
                .maxLength("note", n.note(), 10000);
        String unit = blank(n.unitCode());
        String cluster = null;
        if (unit != null) {
            Optional<String> c = repo.clusterOfUnit(unit);
            v.check(c.isPresent(), "unitCode", "validation.unknown", unit);
            if (c.isPresent()) {
                cluster = c.get();
                if (!currentUser.scope().allows(cluster)) {
                    throw new AccessDeniedException("error.outOfScope", cluster);
                }
                v.check(repo.isVacant(unit, on), "unitCode", "vacancy.validation.notVacant", unit,
                        on.toString());
            }
        }
        checkInformed(v, on, n.ownerInformedOn(), n.ownerInformedMethod());
        boolean failed = Boolean.FALSE.equals(n.doorsWindowsOk()) || Boolean.FALSE.equals(n.utilitiesOffOk())
                || Boolean.FALSE.equals(n.noLeak()) || Boolean.FALSE.equals(n.noCracks());
        String department = null;
        if (failed) {
            department = repo.engineeringDepartment().orElse(null);
            v.check(department != null, "doorsWindowsOk", "vacancy.validation.noEngineering");
        }
        boolean hasPhoto = n.photo() != null && n.photo().length > 0;
        if (hasPhoto) {
            try {
                photos.check("photo", n.photo());
            } catch (ValidationException e) {
                e.problems().forEach(pr -> v.add(pr.field(), pr.messageKey(), pr.args().toArray()));
            }
        }
        v.throwIfAny();
        String no = repo.nextNo(on);
        String note = blank(n.note());
        String photoKey = hasPhoto ? photos.store("photo", n.photo()) : null;
        String followUpNo = null;
        Inspection draft = new Inspection(no, unit, cluster, null, on, null, null, n.doorsWindowsOk(),
                n.utilitiesOffOk(), n.noLeak(), n.noCracks(), note, null, null, null, null, null);
        if (failed) {
            FollowUp f = followUps.create(new NewFollowUp(FOLLOW_UP_SOURCE, no, null, unit, department, null,
                    followUpText(draft), null));
            followUpNo = f.no();
        }
        String method = blank(n.ownerInformedMethod());
        repo.insert(no, staffCode(), on, unit, n.doorsWindowsOk(), n.utilitiesOffOk(), n.noLeak(), n.noCracks(),
                note, photoKey, followUpNo, method == null ? null : n.ownerInformedOn(), method);
        summaries.refreshVacancy(List.of(unit), List.of());
        audit.record("create", "vacancy_inspection", no, "unit=" + unit + " cluster=" + cluster + " on=" + on
                + " failed=" + draft.failedChecks() + (followUpNo == null ? "" : " followUp=" + followUpNo)
                + (photoKey == null ? "" : " photo=" + photoKey)
                + (method == null ? "" : " ownerInformed=" + n.ownerInformedOn() + "/" + method));
        return repo.find(no).orElseThrow();
    }

    /** Records (or corrects) when and how the owner was told of the inspection. */
    @Transactional
    public Inspection informOwner(String no, OwnerInformed o) {
        Inspection i = require(no, INSPECTORS);
        Validator v = new Validator()
                .required("ownerInformedOn", o.ownerInformedOn())
                .required("ownerInformedMethod", blank(o.ownerInformedMethod()));
        checkInformed(v, i.inspectedOn(), o.ownerInformedOn(), o.ownerInformedMethod());
        v.throwIfAny();
        repo.setOwnerInformed(no, o.ownerInformedOn(), o.ownerInformedMethod().trim());
        audit.record("update", "vacancy_inspection", no, "ownerInformed=" + o.ownerInformedOn() + "/"
                + o.ownerInformedMethod().trim());
        return repo.find(no).orElseThrow();
    }

    /** Date and method together or not at all; the date from the inspection day to today. */
    private void checkInformed(Validator v, LocalDate inspectedOn, LocalDate on, String method) {
        String m = blank(method);
        if (m != null) {
            v.check(Inspection.INFORM_METHODS.contains(m), "ownerInformedMethod", "validation.oneOf",
                    Inspection.INFORM_METHODS);
            v.required("ownerInformedOn", on);
        } else if (on != null) {
            v.required("ownerInformedMethod", m);
        }
        if (on != null) {
            v.check(!on.isBefore(inspectedOn), "ownerInformedOn", "vacancy.validation.informedBefore",
                    inspectedOn.toString());
            v.check(!on.isAfter(today()), "ownerInformedOn", "vacancy.validation.future");
        }
    }

    /** What engineering is asked to look at (the text of the follow-up, in the company's language). */
    static String followUpText(Inspection i) {
        List<String> parts = new ArrayList<>();
        if (Boolean.FALSE.equals(i.doorsWindowsOk())) {
            parts.add("门窗未关好");
        }
        if (Boolean.FALSE.equals(i.utilitiesOffOk())) {
            parts.add("水电气开关未关");
        }
        if (Boolean.FALSE.equals(i.noLeak())) {
            parts.add("有渗漏");
        }
        if (Boolean.FALSE.equals(i.noCracks())) {
            parts.add("墙地面有裂纹");
        }
        String text = "空置房巡视 " + i.unitCode() + ": " + String.join("、", parts);
        return i.note() == null ? text : text + " — " + i.note();
    }

    // --- statistics ------------------------------------------------------------------------------

    /**
     * Move-ins per ISO week and cluster for the weeks from the one containing {@code from} to the
     * one containing {@code to}; every cluster of the user's scope gets a row for every week.
     */
    public List<WeeklyMoveIns> weeklyMoveIns(LocalDate from, LocalDate to) {
        currentUser.require(READERS);
        Scope scope = currentUser.scope();
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<String, Integer> counts = new HashMap<>();
        for (VacancyRepository.MoveIn m : repo.moveIns(scope, first, last)) {
            LocalDate monday = m.on().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            counts.merge(m.clusterCode() + "|" + monday, 1, Integer::sum);
        }
        List<WeeklyMoveIns> rows = new ArrayList<>();
        List<String> clusters = repo.clusters(scope);
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            String week = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            for (String c : clusters) {
                rows.add(new WeeklyMoveIns(week, monday, c, counts.getOrDefault(c + "|" + monday, 0)));
            }
        }
        return rows;
    }

    /**
     * Vacancy per cluster and month from {@code from} to {@code to}, as the KPI view
     * {@code kpi_vacancy} computes it (as of today), for the clusters the user sees.
     */
    public List<MonthlyVacancy> monthlyVacancy(YearMonth from, YearMonth to) {
        currentUser.require(READERS);
        KpiTable t = kpis.dataset(new KpiQuery(Dataset.VACANCY, "cluster", "month", from, to, today(), null));
        List<String> cols = t.columns();
        List<MonthlyVacancy> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            rows.add(new MonthlyVacancy(YearMonth.parse((String) r.get(cols.indexOf("period"))),
                    (String) r.get(cols.indexOf("scope_code")), number(r.get(cols.indexOf("delivered_units"))),
                    number(r.get(cols.indexOf("vacant_units"))), decimal(r.get(cols.indexOf("vacancy_rate"))),
                    decimal(r.get(cols.indexOf("occupancy_rate"))), number(r.get(cols.indexOf("move_ins"))),
                    decimal(r.get(cols.indexOf("inspection_coverage")))));
        }
        return rows;
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Inspection require(String no, Role... roles) {
        currentUser.require(roles);
        Inspection i = repo.find(no).orElseThrow(
                () -> ValidationException.of("no", "validation.unknown", String.valueOf(no)));
        if (!currentUser.scope().allows(i.clusterCode())) {
            throw new AccessDeniedException("error.outOfScope", i.clusterCode());
        }
        return i;
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

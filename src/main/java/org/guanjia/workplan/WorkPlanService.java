package org.guanjia.workplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.i18n.Messages;
import org.guanjia.billing.ArrearsFilter;
import org.guanjia.billing.ArrearsService;
import org.guanjia.billing.Household;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.dashboard.ValueFormat;
import org.guanjia.workplan.internal.WorkPlanRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly, monthly and annual work plans and summaries (F11, rulebook 九) of a butler or a
 * cluster: a draft made from the records of the period — the KPIs of the analytics datasets
 * (the same figures as the {@code kpi} command and the API) against the previous period and the
 * dashboards' targets, open issues and notable events — that the butler edits and submits and a
 * supervisor approves or returns with a comment.
 *
 * <p>Who may do what: a butler sees, drafts, edits and submits only their own plans; supervisors,
 * managers and administrators see every plan of their scope (all clusters: these roles are not
 * tied to estates in the schema), draft cluster plans and review submitted plans. Finance and
 * the service desk may not. Every write is audited.
 *
 * <p>Periods: the KPI datasets have month, quarter and year grains but no week. A weekly plan
 * therefore shows the month to date of its last day (as of that day), against the month before.
 * A plan looks ahead, so its figures are those of the period before it (the results it starts
 * from); a summary's are those of its own period. Figures are as of the period's end, or today
 * while the period runs.
 */
@Service
@Transactional(readOnly = true)
public class WorkPlanService {

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    static final Role[] REVIEWERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR};
    static final int MAX_BODY = 20000;
    static final int MAX_COMMENT = 4000;

    /** The KPIs of a draft, in order: dataset, column, format, lower is better. */
    private record Measure(Dataset dataset, String column, Dashboard.Format format, boolean lower) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure(Dataset.COLLECTION, "collection_rate", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.COLLECTION, "billed", Dashboard.Format.MONEY, false),
            new Measure(Dataset.COLLECTION, "collected_in_period", Dashboard.Format.MONEY, false),
            new Measure(Dataset.COLLECTION, "arrears_recovery_rate", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.AGING, "arrears", Dashboard.Format.MONEY, true),
            new Measure(Dataset.AGING, "households_in_arrears", Dashboard.Format.NUMBER, true),
            new Measure(Dataset.COMPLAINTS, "complaints", Dashboard.Format.NUMBER, true),
            new Measure(Dataset.COMPLAINTS, "response_timeliness", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.COMPLAINTS, "resolution_timeliness", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.REPAIRS, "completed", Dashboard.Format.NUMBER, false),
            new Measure(Dataset.REPAIRS, "return_visit_rate", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.VACANCY, "vacancy_rate", Dashboard.Format.PERCENT, true),
            new Measure(Dataset.VACANCY, "inspection_coverage", Dashboard.Format.PERCENT, false),
            new Measure(Dataset.WORKLOAD, "visits", Dashboard.Format.NUMBER, false),
            new Measure(Dataset.WORKLOAD, "vacancy_inspections", Dashboard.Format.NUMBER, false),
            new Measure(Dataset.SATISFACTION, "satisfaction_score", Dashboard.Format.SCORE, false),
            new Measure(Dataset.SATISFACTION, "satisfied_rate", Dashboard.Format.PERCENT, false));

    private final WorkPlanRepository repo;
    private final KpiService kpi;
    private final ArrearsService arrears;
    private final DashboardCatalog dashboards;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    public WorkPlanService(WorkPlanRepository repo, KpiService kpi, ArrearsService arrears,
            DashboardCatalog dashboards, AuditService audit, CurrentUser currentUser,
            Messages messages, Clock clock) {
        this.repo = repo;
        this.kpi = kpi;
        this.arrears = arrears;
        this.dashboards = dashboards;
        this.audit = audit;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** May the current user review (approve or return) plans? */
    public boolean canReview() {
        return currentUser.principal().map(p -> List.of(REVIEWERS).contains(p.role())).orElse(false);
    }

    /** The butler a list is restricted to: the signed-in butler (or "-" for a butler without staff). */
    private String onlyStaff(WorkPlanFilter f) {
        currentUser.require(READERS);
        if (currentUser.hasRole(Role.BUTLER)) {
            return currentUser.principal().map(p -> p.staffCode()).filter(s -> s != null).orElse("-");
        }
        if (f.mine()) {
            return currentUser.principal().map(p -> p.staffCode()).filter(s -> s != null).orElse("-");
        }
        return null;
    }

    public List<WorkPlan> list(WorkPlanFilter f, Page page) {
        return repo.list(f, onlyStaff(f), page);
    }

    public int count(WorkPlanFilter f) {
        return repo.count(f, onlyStaff(f));
    }

    /** One plan; refused when it is another butler's, or outside the user's clusters. */
    public WorkPlan get(String no) {
        currentUser.require(READERS);
        WorkPlan p = repo.find(no).orElseThrow(() -> ValidationException.of("no", "plan.validation.notFound", no));
        checkSees(p);
        return p;
    }

    private void checkSees(WorkPlan p) {
        if (currentUser.hasRole(Role.BUTLER)) {
            checkOwn(p);
        } else {
            currentUser.scope().check(p.clusterCode());
        }
    }

    private void checkOwn(WorkPlan p) {
        String self = currentUser.principal().map(x -> x.staffCode()).orElse(null);
        if (p.staffCode() == null || !p.staffCode().equals(self)) {
            throw new AccessDeniedException("error.forbidden", currentUser.usernameOrSystem());
        }
    }

    /** The draft's material of a plan: figures, open issues, events. */
    public PlanReport report(String no) {
        return report(get(no));
    }

    private PlanReport report(WorkPlan p) {
        Period period = new Period(p.grain(), p.periodStart(), p.periodEnd());
        Period basis = p.kind().equals("plan") ? period.previous() : period;
        LocalDate today = today();
        LocalDate asOf = basis.end().isAfter(today) ? today : basis.end();
        if (asOf.isBefore(basis.start())) {
            asOf = basis.start();
        }
        String grain = basis.grain().equals("year") ? "year" : "month";
        YearMonth curFirst;
        YearMonth curLast;
        YearMonth prevFirst;
        if (grain.equals("year")) {
            curFirst = YearMonth.of(basis.start().getYear(), 1);
            curLast = YearMonth.of(basis.start().getYear(), 12);
            prevFirst = curFirst.minusYears(1);
        } else {
            // a week uses the month (to date) its figures day falls in; a month itself
            curFirst = YearMonth.from(basis.grain().equals("week") ? asOf : basis.start());
            curLast = curFirst;
            prevFirst = curFirst.minusMonths(1);
        }
        String curLabel = grain.equals("year") ? String.valueOf(curFirst.getYear()) : curFirst.toString();
        String prevLabel = grain.equals("year") ? String.valueOf(prevFirst.getYear()) : prevFirst.toString();
        String by = p.staffCode() != null ? "butler" : "cluster";
        String code = p.staffCode() != null ? p.staffCode() : p.clusterCode();
        List<String> clusters = clusters(p, basis);

        List<PlanFigure> figures = new ArrayList<>();
        java.util.Map<Dataset, KpiTable> tables = new java.util.EnumMap<>(Dataset.class);
        for (Measure m : MEASURES) {
            if (m.dataset() == Dataset.WORKLOAD && !by.equals("butler")) {
                continue;
            }
            LocalDate day = asOf;
            KpiTable t = tables.computeIfAbsent(m.dataset(), d -> kpi.dataset(KpiQuery.parse(d.code(),
                    by, grain, prevFirst.toString(), curLast.toString(), day.toString(), null)));
            figures.add(new PlanFigure(m.dataset().code(), m.column(), m.format().code(),
                    value(t, code, curLabel, m.column()), value(t, code, prevLabel, m.column()),
                    target(m), m.lower()));
        }
        Period prevBasis = basis.previous();
        figures.add(new PlanFigure("activities", "activities_held", Dashboard.Format.NUMBER.code(),
                BigDecimal.valueOf(repo.activitiesHeld(clusters, basis.start(), asOf)),
                BigDecimal.valueOf(repo.activitiesHeld(clusters, prevBasis.start(), prevBasis.end())),
                null, false));

        List<PlanItem> open = new ArrayList<>();
        open.addAll(repo.openFollowUps(clusters, asOf));
        open.addAll(repo.openComplaints(clusters, asOf));
        open.addAll(topArrears(clusters, asOf));
        List<PlanItem> events = new ArrayList<>();
        events.addAll(repo.strongOpinionVisits(clusters, basis.start(), asOf));
        events.addAll(repo.lawyerLetters(clusters, basis.start(), asOf));
        events.addAll(repo.failedChecks(clusters, basis.start(), asOf));
        return new PlanReport(p, period, curLabel, asOf, prevLabel, clusters, figures, open, events);
    }

    /** A butler's plan covers the clusters they held in the period; a cluster plan its cluster. */
    private List<String> clusters(WorkPlan p, Period basis) {
        if (p.staffCode() == null) {
            return List.of(p.clusterCode());
        }
        List<String> held = repo.clustersOf(p.staffCode(), basis.start(), basis.end());
        return held.isEmpty() && p.clusterCode() != null ? List.of(p.clusterCode()) : held;
    }

    private static BigDecimal value(KpiTable t, String code, String period, String column) {
        int codeCol = t.columns().indexOf("scope_code");
        int periodCol = t.columns().indexOf("period");
        int col = t.columns().indexOf(column);
        for (List<Object> r : t.rows()) {
            if (code.equals(r.get(codeCol)) && period.equals(String.valueOf(r.get(periodCol)))) {
                Object v = r.get(col);
                return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
            }
        }
        return null;
    }

    /** The target a dashboard sets for the measure (the first panel that has one). */
    private BigDecimal target(Measure m) {
        for (Dashboard d : dashboards.all()) {
            for (Dashboard.Panel panel : d.panels()) {
                if (panel.target() != null && panel.dataset().equals(m.dataset().code())
                        && panel.measures().contains(m.column())) {
                    return panel.target();
                }
            }
        }
        return null;
    }

    /** The five households owing most at the day (the arrears list of the billing feature). */
    private List<PlanItem> topArrears(List<String> clusters, LocalDate asOf) {
        Scope scope = currentUser.scope();
        List<Household> all = new ArrayList<>();
        for (String c : clusters) {
            if (scope.allows(c)) {
                all.addAll(arrears.households(new ArrearsFilter(asOf, c, null, null), Page.first(5), List.of()));
            }
        }
        return all.stream().sorted(Comparator.comparing((Household h) -> h.aging().arrears()).reversed()
                        .thenComparing(Household::unitCode)).limit(5)
                .map(h -> new PlanItem("arrears", h.unitCode(), h.unitCode(), h.oldestDueOn(),
                        h.ownerName(), h.aging().arrears()))
                .toList();
    }

    /**
     * Makes the draft of a plan or summary for the period containing {@code day}: a butler's own
     * (clusterCode ignored) or, for supervisors, managers and administrators, a cluster's. The
     * text is written in {@code locale} from the period's records.
     */
    @Transactional
    public WorkPlan createDraft(String kind, String grain, LocalDate day, String clusterCode,
            Locale locale) {
        currentUser.require(READERS);
        Validator v = new Validator().required("kind", kind).required("grain", grain).required("day", day);
        v.check(kind == null || WorkPlan.KINDS.contains(kind), "kind", "plan.validation.kind");
        v.check(grain == null || WorkPlan.GRAINS.contains(grain), "grain", "plan.validation.grain");
        v.throwIfAny();
        Period period = Period.of(grain, day);
        String staff = null;
        String cluster;
        if (currentUser.hasRole(Role.BUTLER)) {
            staff = currentUser.principal().map(p -> p.staffCode()).orElse(null);
            if (staff == null) {
                throw new AccessDeniedException("error.forbidden", currentUser.usernameOrSystem());
            }
            List<String> held = repo.clustersOf(staff, period.start(), period.end());
            if (held.isEmpty()) {
                throw ValidationException.of("day", "plan.validation.noCluster");
            }
            cluster = held.get(0);
        } else {
            currentUser.require(REVIEWERS);
            if (clusterCode == null || clusterCode.isBlank()) {
                throw ValidationException.of("cluster", "validation.required");
            }
            if (!repo.clusterExists(clusterCode)) {
                throw ValidationException.of("cluster", "plan.validation.noSuchCluster", clusterCode);
            }
            currentUser.scope().check(clusterCode);
            cluster = clusterCode;
        }
        Optional<String> existing = repo.existing(kind, grain, staff, cluster, period.start());
        if (existing.isPresent()) {
            throw ValidationException.of("day", "plan.validation.exists", existing.get());
        }
        String no = repo.nextNo(period.start().getYear());
        String user = currentUser.usernameOrSystem();
        repo.insertDraft(no, kind, grain, staff, cluster, period.start(), period.end(), user);
        String body = draftText(report(repo.find(no).orElseThrow()), locale);
        repo.update(no, body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body, null, null,
                null, null, null, LocalDateTime.now(clock), user);
        audit.record("create", "work_plan", no, kind + " " + grain + " "
                + period.label() + (staff != null ? " " + staff : " " + cluster));
        return repo.find(no).orElseThrow();
    }

    /** Saves the text of a draft or returned plan (its author only). */
    @Transactional
    public WorkPlan save(String no, String body) {
        editable(no);
        new Validator().maxLength("body", body, MAX_BODY).throwIfAny();
        repo.update(no, body == null ? "" : body, null, null, null, null, null,
                LocalDateTime.now(clock), currentUser.usernameOrSystem());
        audit.record("update", "work_plan", no, "text saved");
        return repo.find(no).orElseThrow();
    }

    /** Saves the text and submits the plan for review. */
    @Transactional
    public WorkPlan submit(String no, String body) {
        editable(no);
        new Validator().check(body != null && !body.isBlank(), "body", "validation.required")
                .maxLength("body", body, MAX_BODY).throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        repo.update(no, body, "submitted", now, null, null, null, now, currentUser.usernameOrSystem());
        audit.record("update", "work_plan", no, "submitted");
        return repo.find(no).orElseThrow();
    }

    private void editable(String no) {
        WorkPlan p = get(no);
        if (p.staffCode() != null) {
            checkOwn(p);
        } else {
            currentUser.require(REVIEWERS);
        }
        if (!p.editable()) {
            throw ValidationException.of("body", "plan.validation.notEditable", p.status());
        }
    }

    /** Approves a submitted plan, with an optional comment. */
    @Transactional
    public WorkPlan approve(String no, String comment) {
        return review(no, comment, true);
    }

    /** Returns a submitted plan to its author; the comment says why and is required. */
    @Transactional
    public WorkPlan sendBack(String no, String comment) {
        return review(no, comment, false);
    }

    private WorkPlan review(String no, String comment, boolean approve) {
        currentUser.require(REVIEWERS);
        WorkPlan p = get(no);
        Validator v = new Validator().maxLength("comment", comment, MAX_COMMENT);
        v.check(approve || (comment != null && !comment.isBlank()), "comment", "validation.required");
        v.check(p.status().equals("submitted"), "comment", "plan.validation.notSubmitted", p.status());
        v.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        String user = currentUser.usernameOrSystem();
        // reviewer_username references app_users; the system (CLI) has no row there
        repo.update(no, null, approve ? "approved" : "returned", null, repo.userExists(user) ? user : null,
                comment == null || comment.isBlank() ? null : comment.strip(),
                now.isBefore(p.submittedAt()) ? p.submittedAt() : now, now, user);
        audit.record(approve ? "approve" : "update", "work_plan", no, approve ? "approved" : "returned");
        return repo.find(no).orElseThrow();
    }

    /** Summaries of an estate (null = all) whose period ended between the days, for delivery. */
    public List<PlanReport> summariesEnded(String estate, LocalDate from, LocalDate to) {
        currentUser.require(REVIEWERS);
        return repo.summariesEnded(estate, from, to).stream()
                .filter(p -> currentUser.scope().allows(p.clusterCode()))
                .map(this::report).toList();
    }

    // ---- the draft text -------------------------------------------------------------------

    /** The text a new draft starts with, in the user's language. */
    public String draftText(PlanReport r, Locale locale) {
        WorkPlan p = r.plan();
        StringBuilder s = new StringBuilder();
        String who = p.staffName() != null ? p.staffName() : p.clusterCode();
        s.append(t(locale, "plan.draft.intro." + p.kind(), t(locale, "plan.grain." + p.grain()), who,
                p.periodStart().toString(), p.periodEnd().toString())).append("\n\n");
        s.append(t(locale, "plan.draft.figures", r.kpiPeriod(), r.asOf().toString(), r.prevPeriod()))
                .append('\n');
        for (PlanFigure f : r.figures()) {
            s.append("- ").append(figureLine(f, locale)).append('\n');
        }
        s.append('\n').append(t(locale, "plan.draft.open", r.openItems().size())).append('\n');
        for (PlanItem i : r.openItems()) {
            s.append("- ").append(itemLine(i, locale)).append('\n');
        }
        s.append('\n').append(t(locale, "plan.draft.events", r.events().size())).append('\n');
        for (PlanItem i : r.events()) {
            s.append("- ").append(itemLine(i, locale)).append('\n');
        }
        s.append('\n').append(t(locale, "plan.draft.closing." + p.kind())).append('\n');
        return s.toString();
    }

    /** "Collection rate: 93.2% (previous 91.0%, target 95.0%)". */
    public String figureLine(PlanFigure f, Locale locale) {
        Dashboard.Format fmt = Dashboard.Format.valueOf(f.format().toUpperCase(Locale.ROOT));
        StringBuilder s = new StringBuilder(t(locale, label(f)) + ": " + ValueFormat.format(fmt, f.value(), locale));
        s.append(" (").append(t(locale, "plan.previous")).append(' ')
                .append(ValueFormat.format(fmt, f.previous(), locale));
        if (f.target() != null) {
            s.append("; ").append(t(locale, "plan.target")).append(' ')
                    .append(ValueFormat.format(fmt, f.target(), locale));
        }
        return s.append(')').toString();
    }

    /** The label key of a figure. */
    public static String label(PlanFigure f) {
        return f.dataset().equals("activities") ? "plan.figure.activities" : "dash.col." + f.measure();
    }

    public String itemLine(PlanItem i, Locale locale) {
        StringBuilder s = new StringBuilder(t(locale, "plan.item." + i.kind())).append(' ').append(i.ref());
        if (i.place() != null && !i.place().equals(i.ref())) {
            s.append(" · ").append(i.place());
        }
        if (i.date() != null) {
            s.append(" · ").append(i.date());
        }
        if (i.amount() != null) {
            s.append(" · ").append(ValueFormat.format(Dashboard.Format.MONEY, i.amount(), locale));
        }
        if (i.text() != null && !i.text().isBlank()) {
            String text = i.text().strip().replace('\n', ' ');
            s.append(" — ").append(text.length() > 80 ? text.substring(0, 80) + "…" : text);
        }
        return s.toString();
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getTranslation(key, locale, args);
    }
}

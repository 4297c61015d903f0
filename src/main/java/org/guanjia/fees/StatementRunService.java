package org.guanjia.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.fees.internal.StatementRunRepository;
import org.guanjia.fees.internal.StatementRunRepository.Candidate;
import org.guanjia.fees.internal.StatementRunRepository.NewStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly statement run (F12, rulebook 十): in the window at the end of each month the
 * service desk bills next month to every delivered unit. A run is previewed (nothing written),
 * generated (lines in a staging table, no statements yet), reviewed by the butler of every
 * cluster with lines, then released: the statements are written, issued on the release day, and
 * the units' credit pays them at once (KPI.md, allocation rule 3).
 *
 * <p>Rules: a unit counts as delivered for a period when {@code delivered_on} is on or before
 * the period's last day (a unit handed over during the month pays that whole month); a month is
 * priced by the schedule valid on its first day; a unit that already has a statement of the fee
 * for the period is never billed again, so running or releasing a period twice makes no
 * duplicates and a later run bills only units not billed yet (e.g. newly delivered ones).
 */
@Service
@Transactional(readOnly = true)
public class StatementRunService {

    private static final Logger log = LoggerFactory.getLogger(StatementRunService.class);

    /** Roles that preview, generate and release runs. */
    private static final Role[] RUNNERS = {Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK};
    /** Roles that review a cluster's lines (within their clusters). */
    private static final Role[] REVIEWERS = {Role.ADMIN, Role.SUPERVISOR, Role.BUTLER};
    private static final Role[] READERS = {Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK,
            Role.MANAGER, Role.SUPERVISOR, Role.BUTLER};
    /** Rows per step of the release: statements per insert, units per allocation round. */
    static final int RELEASE_STEP = 500;

    private final StatementRunRepository repo;
    private final EstateService estates;
    private final AllocationService allocations;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final StatementRunSettings settings;

    public StatementRunService(StatementRunRepository repo, EstateService estates,
            AllocationService allocations, AuditService audit, CurrentUser currentUser, Clock clock,
            StatementRunSettings settings) {
        this.repo = repo;
        this.estates = estates;
        this.allocations = allocations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.settings = settings;
    }

    /** Reports the progress of a release: {@code done} of {@code total} steps. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    /** This month's run window and the period it bills. */
    public RunWindow window() {
        return RunWindow.of(LocalDate.now(clock), settings.windowStartDay());
    }

    // --- preview and generate ---------------------------------------------------------------

    /** What a run for the period would bill now; nothing is written. Any day of the month. */
    public RunPreview preview(YearMonth period, String estateCode) {
        currentUser.require(RUNNERS);
        String estate = checkEstate(period, estateCode);
        return compute(period, estate);
    }

    /**
     * Stores the lines of a run for the period: a new run, or the same period and estate's
     * unreleased run again (its lines replaced, its reviews cleared: the butlers review the new
     * lines). Only in the window and for next month, unless an administrator overrides.
     */
    @Transactional
    public StatementRun generate(YearMonth period, String estateCode, boolean overrideWindow) {
        currentUser.require(RUNNERS);
        String estate = checkEstate(period, estateCode);
        checkWindow(period, overrideWindow);
        String target = null;
        for (Map.Entry<String, String> run : repo.unreleasedRuns(period).entrySet()) {
            String other = run.getValue();
            if (java.util.Objects.equals(other, estate)) {
                target = run.getKey();
            } else if (other == null || estate == null) {
                throw ValidationException.of("estateCode", "fees.run.overlapping", run.getKey());
            }
        }
        RunPreview preview = compute(period, estate);
        if (preview.lines().isEmpty()) {
            throw ValidationException.of("period", "fees.run.nothingToBill", period.toString());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        boolean regenerate = target != null;
        String runNo = regenerate ? target : runNo(period, repo.nextRunNumber());
        if (regenerate) {
            repo.deleteLines(runNo);
            repo.deleteReviews(runNo);
            repo.markGenerated(runNo, now);
        } else {
            repo.insertRun(runNo, period, estate, now);
        }
        repo.insertLines(runNo, preview.lines());
        audit.record(regenerate ? "update" : "create", "statement_run", runNo,
                "generated period=" + period + " estate=" + (estate == null ? "all" : estate)
                        + " lines=" + preview.lines().size() + " units=" + preview.units()
                        + " amount=" + preview.total() + " alreadyBilled=" + preview.alreadyBilled()
                        + (overrideWindow ? " (window overridden)" : ""));
        log.info("Statement run {} generated: {} lines, {} units, {}", runNo, preview.lines().size(),
                preview.units(), preview.total());
        return repo.run(runNo, Scope.ALL).orElseThrow();
    }

    private String checkEstate(YearMonth period, String estateCode) {
        String estate = estateCode == null || estateCode.isBlank() ? null : estateCode.trim();
        Validator v = new Validator().required("period", period);
        if (estate != null) {
            v.check(estates.estate(estate).isPresent(), "estateCode", "validation.unknown", estate);
        }
        v.throwIfAny();
        return estate;
    }

    private void checkWindow(YearMonth period, boolean override) {
        if (override) {
            currentUser.require(Role.ADMIN);
            return;
        }
        RunWindow w = window();
        if (!w.open()) {
            throw ValidationException.of("period", "fees.run.outsideWindow", w.opens().toString(),
                    w.closes().toString(), w.nextPeriod().toString());
        }
        if (!period.equals(w.nextPeriod())) {
            throw ValidationException.of("period", "fees.run.notNextMonth", w.nextPeriod().toString());
        }
    }

    static String runNo(YearMonth period, long n) {
        return "RUN-" + period + "-" + pad(n, 3);
    }

    static String statementNo(YearMonth period, long n) {
        return "ST-" + period.getYear() + pad(period.getMonthValue(), 2) + "-" + pad(n, 6);
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** The lines of a run for the period now, with the totals per cluster and fee type. */
    private RunPreview compute(YearMonth period, String estateCode) {
        List<RunLine> lines = new ArrayList<>();
        int billed = 0;
        for (Candidate c : repo.candidates(period, estateCode)) {
            if (c.billed()) {
                billed++;
                continue;
            }
            BigDecimal amount = amount(c.basis(), c.areaSqm(), c.rate());
            if (amount.signum() > 0) {
                lines.add(line(c, amount));
            }
        }
        Map<List<String>, RunTotal> totals = new TreeMap<>(
                java.util.Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (RunLine l : lines) {
            totals.merge(List.of(l.clusterCode(), l.feeType()),
                    new RunTotal(l.clusterCode(), l.feeType(), 1, l.amount()),
                    (a, b) -> new RunTotal(a.clusterCode(), a.feeType(), a.lines() + 1,
                            a.amount().add(b.amount())));
            total = total.add(l.amount());
        }
        return new RunPreview(period, estateCode, List.copyOf(lines), List.copyOf(totals.values()),
                total, billed);
    }

    /** area × rate per m², or the rate per month; 2 decimals, half-up. */
    static BigDecimal amount(String basis, BigDecimal areaSqm, BigDecimal rate) {
        BigDecimal exact = FeeType.PER_SQM_MONTH.equals(basis) ? areaSqm.multiply(rate) : rate;
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    private static RunLine line(Candidate c, BigDecimal amount) {
        return new RunLine(c.unitCode(), c.clusterCode(), c.estateCode(), c.unitType(), c.areaSqm(),
                c.feeType(), c.scheduleCode(), c.rate(), amount);
    }

    // --- reading ----------------------------------------------------------------------------

    /** The runs, newest first, with the figures of the clusters the user may see. */
    public List<StatementRun> runs() {
        currentUser.require(READERS);
        return repo.runs(currentUser.scope());
    }

    public Optional<StatementRun> run(String runNo) {
        currentUser.require(READERS);
        return repo.run(runNo, currentUser.scope());
    }

    /** The clusters with lines in the run that the user may see, with their reviews. */
    public List<ClusterReview> clusterReviews(String runNo) {
        currentUser.require(READERS);
        return repo.clusterReviews(runNo, currentUser.scope());
    }

    /** A page of the run's lines in the user's clusters (and the one cluster, when given). */
    public List<RunLine> lines(String runNo, String clusterCode, Page page) {
        currentUser.require(READERS);
        return repo.lines(runNo, blankToNull(clusterCode), currentUser.scope(), page);
    }

    public int countLines(String runNo, String clusterCode) {
        currentUser.require(READERS);
        return repo.countLines(runNo, blankToNull(clusterCode), currentUser.scope());
    }

    // --- review -----------------------------------------------------------------------------

    /**
     * The butler marks a cluster's lines reviewed, with an optional note (again: a new note).
     * Only for a cluster of theirs with lines in a run not yet released.
     */
    @Transactional
    public ClusterReview review(String runNo, String clusterCode, String note) {
        currentUser.require(REVIEWERS);
        currentUser.scope().check(clusterCode);
        StatementRun run = repo.run(runNo, Scope.ALL)
                .orElseThrow(() -> ValidationException.of("run", "validation.unknown", runNo));
        if (run.released()) {
            throw ValidationException.of("run", "fees.run.alreadyReleased", runNo);
        }
        new Validator().maxLength("note", note, 4000).throwIfAny();
        ClusterReview share = repo.clusterReviews(runNo, Scope.clusters(Set.of(clusterCode))).stream()
                .findFirst()
                .orElseThrow(() -> ValidationException.of("cluster", "fees.run.noLines", clusterCode));
        String clean = blankToNull(note);
        repo.saveReview(runNo, clusterCode, currentUser.usernameOrSystem(), LocalDateTime.now(clock),
                clean);
        audit.record("approve", "statement_run", runNo + "/" + clusterCode,
                "reviewed lines=" + share.lines() + " amount=" + share.amount()
                        + (clean == null ? "" : " note=" + clean));
        return repo.clusterReviews(runNo, Scope.clusters(Set.of(clusterCode))).get(0);
    }

    // --- release ----------------------------------------------------------------------------

    /**
     * Writes the run's statements (issued today, due the period's last day) and recomputes the
     * allocation of their units, so open credit pays them at once. Only when every cluster with
     * lines is reviewed and the lines still are what a run would bill now (rates, areas and
     * deliveries unchanged); lines whose unit got the statement meanwhile are skipped. One
     * transaction; {@code progress} hears of each step.
     */
    @Transactional
    public Released release(String runNo, Progress progress) {
        currentUser.require(RUNNERS);
        StatementRun run = repo.run(runNo, Scope.ALL)
                .orElseThrow(() -> ValidationException.of("run", "validation.unknown", runNo));
        if (run.released()) {
            throw ValidationException.of("run", "fees.run.alreadyReleased", runNo);
        }
        List<RunLine> lines = repo.allLines(runNo);
        Set<String> missing = new TreeSet<>();
        lines.forEach(l -> missing.add(l.clusterCode()));
        missing.removeAll(repo.reviewedClusters(runNo));
        if (!missing.isEmpty()) {
            throw ValidationException.of("run", "fees.run.notReviewed", String.join(", ", missing));
        }
        YearMonth period = YearMonth.parse(run.period());
        Map<String, Candidate> now = new HashMap<>();
        for (Candidate c : repo.candidates(period, run.estateCode())) {
            now.put(c.unitCode() + "/" + c.feeType(), c);
        }
        List<RunLine> toWrite = new ArrayList<>();
        int skipped = 0;
        for (RunLine l : lines) {
            Candidate c = now.get(l.unitCode() + "/" + l.feeType());
            if (c != null && c.billed()) {
                skipped++;
            } else if (c == null || !c.scheduleCode().equals(l.scheduleCode())
                    || amount(c.basis(), c.areaSqm(), c.rate()).compareTo(l.amount()) != 0) {
                throw ValidationException.of("run", "fees.run.stale", l.unitCode());
            } else {
                toWrite.add(l);
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<Long> numbers = repo.nextStatementNumbers(toWrite.size());
        List<NewStatement> statements = new ArrayList<>(toWrite.size());
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < toWrite.size(); i++) {
            RunLine l = toWrite.get(i);
            statements.add(new NewStatement(statementNo(period, numbers.get(i)), l.unitCode(), period,
                    l.feeType(), l.amount(), today, period.atEndOfMonth(), runNo));
            amount = amount.add(l.amount());
        }
        List<String> units = new ArrayList<>(new LinkedHashSet<>(
                toWrite.stream().map(RunLine::unitCode).toList()));
        int steps = chunks(statements.size()) + chunks(units.size());
        int done = 0;
        progress.update(done, steps);
        for (int from = 0; from < statements.size(); from += RELEASE_STEP) {
            repo.insertStatements(statements.subList(from, Math.min(statements.size(), from + RELEASE_STEP)));
            progress.update(++done, steps);
        }
        repo.markReleased(runNo, LocalDateTime.now(clock));
        for (int from = 0; from < units.size(); from += RELEASE_STEP) {
            allocations.recompute(units.subList(from, Math.min(units.size(), from + RELEASE_STEP)));
            progress.update(++done, steps);
        }
        audit.record("release", "statement_run", runNo, "released period=" + period + " statements="
                + statements.size() + " skipped=" + skipped + " units=" + units.size() + " amount=" + amount
                + " issuedOn=" + today);
        log.info("Statement run {} released: {} statements ({} skipped), {}", runNo, statements.size(),
                skipped, amount);
        return new Released(runNo, statements.size(), skipped, units.size(), amount);
    }

    private static int chunks(int rows) {
        return (rows + RELEASE_STEP - 1) / RELEASE_STEP;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.settlement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.i18n.Messages;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.settlement.SettlementCalculator.CategoryCost;
import org.guanjia.settlement.SettlementCalculator.UnitInput;
import org.guanjia.settlement.internal.SettlementRepository;
import org.guanjia.settlement.internal.SettlementRepository.EstateUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year-end service-charge settlement, German model (F13, 篇3): an estate's yearly budget of
 * operating costs by category with an allocation key each, the actual costs booked during the
 * year, the monthly prepayment per m² derived from the budget (written as fee schedules of
 * {@code service_charge_prepayment} so the statement run bills it), and after year end the
 * settlement per unit: its share of the actual costs minus the prepayments billed for the year
 * is the top-up (positive) or refund (negative). Vacant units keep their share, borne by the
 * owner; see {@link SettlementCalculator} for the arithmetic.
 *
 * <p>FINANCE and ADMIN write; MANAGER and SUPERVISOR read everything; a butler reads the budget of
 * the estates of their clusters and the settlement lines and letters of their clusters' units.
 *
 * <p>Prepayments are the "Soll": prepayment statements billed with a period in the year, paid or
 * not; what is unpaid stays in arrears on the unit's account. A final settlement is locked: its
 * budget, costs and persons no longer change. Top-ups and refunds are not posted to the unit's
 * account here; the letter tells the owner what happens next and finance settles it (a refund
 * cannot be a statement, whose amount is positive, and recording it as a payment would count as
 * money collected).
 */
@Service
@Transactional(readOnly = true)
public class SettlementService {

    private static final Logger log = LoggerFactory.getLogger(SettlementService.class);

    private static final Role[] WRITERS = {Role.ADMIN, Role.FINANCE};
    private static final Role[] READERS = {Role.ADMIN, Role.FINANCE, Role.MANAGER, Role.SUPERVISOR,
        Role.BUTLER};
    private static final Role[] ALL_UNITS_READERS = {Role.ADMIN, Role.FINANCE, Role.MANAGER,
        Role.SUPERVISOR};

    /** Days the owner has to pay a top-up after the settlement is final. */
    public static final int TOP_UP_DAYS = 30;

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * A hundredth of DECIMAL(14,2): a category's costs and budgets are summed into columns of
     * that size, which overflowed in the database on a single huge entry (issue 10).
     */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final SettlementRepository repo;
    private final EstateService estates;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    public SettlementService(SettlementRepository repo, EstateService estates, AuditService audit,
            CurrentUser currentUser, Messages messages, Clock clock) {
        this.repo = repo;
        this.estates = estates;
        this.audit = audit;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The estates the user may open here. */
    public List<Estate> estates() {
        currentUser.require(READERS);
        return estates.estates();
    }

    /** The estate if the user sees it (a butler: one of their clusters is in it), else refused. */
    private Estate visibleEstate(String estateCode) {
        return estates.estate(estateCode)
                .orElseThrow(() -> new AccessDeniedException("error.forbidden", estateCode));
    }

    private static void checkYear(int year) {
        new Validator().range("year", year, 2000, 2100).throwIfAny();
    }

    // --- budget and costs -------------------------------------------------------------------

    /** The estate's budget for the year with totals, the derived prepayment rate and the applied one. */
    public BudgetSummary budget(String estateCode, int year) {
        currentUser.require(READERS);
        Estate estate = visibleEstate(estateCode);
        List<BudgetLine> lines = repo.budget(estateCode, year);
        BigDecimal budget = lines.stream().map(BudgetLine::budgetAmount).reduce(ZERO, BigDecimal::add);
        BigDecimal actual = lines.stream().map(BudgetLine::actualAmount)
                .map(a -> a == null ? ZERO : a).reduce(ZERO, BigDecimal::add);
        List<UnitInput> units = repo.units(estateCode).stream()
                .map(u -> new UnitInput(u.unitCode(), u.areaSqm(), u.deliveredOn(), List.of(), null, ZERO))
                .toList();
        BigDecimal areaMonths = SettlementCalculator.areaMonths(year, units);
        BigDecimal rate = SettlementCalculator.prepaymentRate(year, budget, units).orElse(null);
        BigDecimal applied = repo.prepaymentRateOn(estateCode, LocalDate.of(year, 12, 31)).orElse(null);
        return new BudgetSummary(estateCode, year, currency(estate), lines, budget, actual, areaMonths, rate,
                applied);
    }

    /** Sets a category's budget and allocation key. */
    @Transactional
    public BudgetLine saveBudgetLine(BudgetLine b) {
        currentUser.require(WRITERS);
        new Validator()
                .required("estateCode", b.estateCode())
                .check(b.estateCode() == null || estates.estate(b.estateCode()).isPresent(), "estateCode",
                        "validation.unknown", b.estateCode())
                .required("year", b.year())
                .required("category", b.category())
                .check(b.category() == null || SettlementCalculator.CATEGORIES.contains(b.category()),
                        "category", "validation.oneOf", SettlementCalculator.CATEGORIES)
                .required("allocationKey", b.allocationKey())
                .check(b.allocationKey() == null || SettlementCalculator.KEYS.contains(b.allocationKey()),
                        "allocationKey", "validation.oneOf", SettlementCalculator.KEYS)
                .required("budgetAmount", b.budgetAmount())
                .check(b.budgetAmount() == null || b.budgetAmount().signum() >= 0, "budgetAmount",
                        "settle.validation.notNegative")
                .scale("budgetAmount", b.budgetAmount(), 2)
                .within("budgetAmount", b.budgetAmount(), BigDecimal.ZERO, MAX_AMOUNT)
                .throwIfAny();
        checkYear(b.year());
        visibleEstate(b.estateCode());
        requireOpen(b.estateCode(), b.year(), "budgetAmount");
        BudgetLine clean = new BudgetLine(b.estateCode(), b.year(), b.category(), b.allocationKey(),
                b.budgetAmount().setScale(2), null);
        repo.saveBudget(clean);
        audit.record("update", "service_charge_budget", key(b.estateCode(), b.year(), b.category()),
                "budget=" + clean.budgetAmount() + " key=" + clean.allocationKey());
        return repo.budget(b.estateCode(), b.year()).stream()
                .filter(x -> x.category().equals(b.category())).findFirst().orElseThrow();
    }

    /** The cost entries of the estate's year, newest first. */
    public List<CostEntry> costs(String estateCode, int year) {
        currentUser.require(READERS);
        visibleEstate(estateCode);
        return repo.costs(estateCode, year);
    }

    /** Books an actual cost; the category's actual total follows. */
    @Transactional
    public CostEntry addCost(CostEntry c) {
        currentUser.require(WRITERS);
        new Validator()
                .required("estateCode", c.estateCode())
                // an unknown estate is a wrong field, not a forbidden one (issue 10, hostile input)
                .check(c.estateCode() == null || estates.estate(c.estateCode()).isPresent(), "estateCode",
                        "validation.unknown", c.estateCode())
                .required("year", c.year())
                .required("category", c.category())
                .check(c.category() == null || SettlementCalculator.CATEGORIES.contains(c.category()),
                        "category", "validation.oneOf", SettlementCalculator.CATEGORIES)
                .required("bookedOn", c.bookedOn())
                .required("amount", c.amount())
                .check(c.amount() == null || c.amount().signum() != 0, "amount", "settle.validation.notZero")
                .scale("amount", c.amount(), 2)
                .within("amount", c.amount(), MAX_AMOUNT.negate(), MAX_AMOUNT)
                .maxLength("reference", c.reference(), 64)
                .maxLength("note", c.note(), 1000)
                .throwIfAny();
        checkYear(c.year());
        visibleEstate(c.estateCode());
        requireOpen(c.estateCode(), c.year(), "amount");
        repo.ensureBudget(c.estateCode(), c.year(), c.category());
        BigDecimal actualBefore = repo.budget(c.estateCode(), c.year()).stream()
                .filter(b -> b.category().equals(c.category())).findFirst()
                .map(BudgetLine::actualAmount).orElse(null);
        BigDecimal after = (actualBefore == null ? ZERO : actualBefore).add(c.amount());
        if (after.signum() < 0) {
            throw ValidationException.of("amount", "settle.validation.actualNegative");
        }
        CostEntry clean = new CostEntry(null, c.estateCode(), c.year(), c.category(), c.bookedOn(),
                c.amount().setScale(2), blankToNull(c.reference()), blankToNull(c.note()));
        long id = repo.insertCost(clean);
        BigDecimal actual = repo.refreshActual(c.estateCode(), c.year(), c.category());
        audit.record("create", "service_charge_cost", Long.toString(id),
                key(c.estateCode(), c.year(), c.category()) + " " + clean.bookedOn() + " " + clean.amount()
                        + " ref=" + clean.reference() + " actual=" + actual);
        return repo.cost(id).orElseThrow();
    }

    /** Removes a wrongly booked cost while the year is not settled for good. */
    @Transactional
    public void deleteCost(long id) {
        currentUser.require(WRITERS);
        CostEntry c = repo.cost(id).orElseThrow(() -> ValidationException.of("id", "validation.unknown", id));
        visibleEstate(c.estateCode());
        requireOpen(c.estateCode(), c.year(), "amount");
        BigDecimal actualBefore = repo.budget(c.estateCode(), c.year()).stream()
                .filter(b -> b.category().equals(c.category())).findFirst()
                .map(BudgetLine::actualAmount).orElse(ZERO);
        if (actualBefore.subtract(c.amount()).signum() < 0) {
            throw ValidationException.of("amount", "settle.validation.actualNegative");
        }
        repo.deleteCost(id);
        BigDecimal actual = repo.refreshActual(c.estateCode(), c.year(), c.category());
        audit.record("delete", "service_charge_cost", Long.toString(id),
                key(c.estateCode(), c.year(), c.category()) + " " + c.bookedOn() + " " + c.amount()
                        + " actual=" + actual);
    }

    // --- persons ----------------------------------------------------------------------------

    /** The estate's units in the user's scope with their persons for the year. */
    public List<UnitPersons> persons(String estateCode, int year) {
        currentUser.require(READERS);
        visibleEstate(estateCode);
        return repo.unitPersons(estateCode, year, currentUser.scope());
    }

    /** Sets (or with {@code null} removes) the persons of a unit for the year. */
    @Transactional
    public void savePersons(String unitCode, int year, Integer persons) {
        currentUser.require(WRITERS);
        new Validator().required("unitCode", unitCode).range("persons", persons, 0, 99).throwIfAny();
        checkYear(year);
        requireUnitInScope(unitCode);
        String estate = repo.estateOfUnit(unitCode).orElseThrow();
        requireOpen(estate, year, "persons");
        repo.savePersons(unitCode, year, persons);
        audit.record("update", "service_charge_persons", unitCode + "/" + year, String.valueOf(persons));
    }

    // --- prepayment -------------------------------------------------------------------------

    /**
     * Writes the prepayment rate derived from the budget as the fee schedules of
     * {@code service_charge_prepayment} for the year, one per unit type of the estate's units. It
     * takes effect from 1 January, or, when statements of the year already exist, from the first
     * month not yet billed: a new rate never changes statements already issued.
     */
    @Transactional
    public PrepaymentSchedule applyPrepaymentRate(String estateCode, int year) {
        currentUser.require(WRITERS);
        checkYear(year);
        BudgetSummary budget = budget(estateCode, year);
        requireOpen(estateCode, year, "year");
        if (budget.prepaymentRate() == null || budget.budgetTotal().signum() == 0) {
            throw ValidationException.of("year", "settle.error.noRate");
        }
        LocalDate from = repo.latestPeriodBilled(estateCode, year)
                .map(p -> YearMonth.parse(p).plusMonths(1).atDay(1))
                .orElse(LocalDate.of(year, 1, 1));
        LocalDate to = LocalDate.of(year, 12, 31);
        if (from.isAfter(to)) {
            throw ValidationException.of("year", "settle.error.yearBilled", String.valueOf(year));
        }
        List<String> types = repo.units(estateCode).stream().map(EstateUnit::unitType).distinct().sorted().toList();
        List<String> changes = repo.applyPrepayment(estateCode, types, budget.prepaymentRate(), from, to);
        audit.record("update", "fee_schedule", estateCode + "/" + year + "/" + SettlementRepository.PREPAYMENT_FEE_TYPE,
                String.join("; ", changes));
        return new PrepaymentSchedule(estateCode, year, budget.prepaymentRate(), from, to, types.size());
    }

    // --- settlement -------------------------------------------------------------------------

    public Optional<Settlement> settlement(String estateCode, int year) {
        currentUser.require(READERS);
        visibleEstate(estateCode);
        return repo.settlement(estateCode, year);
    }

    /**
     * Computes the settlement of the year from the current budget, costs, units and statements
     * without writing anything (all units, so not for butlers).
     */
    public List<SettlementCalculator.Line> calculate(String estateCode, int year) {
        currentUser.require(ALL_UNITS_READERS);
        visibleEstate(estateCode);
        return calculateUnchecked(estateCode, year);
    }

    private List<SettlementCalculator.Line> calculateUnchecked(String estateCode, int year) {
        List<BudgetLine> budget = repo.budget(estateCode, year);
        if (budget.isEmpty()) {
            throw ValidationException.of("year", "settle.error.noBudget", String.valueOf(year));
        }
        List<CategoryCost> costs = budget.stream()
                .map(b -> new CategoryCost(b.category(), b.allocationKey(),
                        b.actualAmount() == null ? ZERO : b.actualAmount()))
                .toList();
        var statuses = repo.statuses(estateCode);
        var persons = repo.persons(estateCode, year);
        var prepaid = repo.prepaid(estateCode, year);
        List<UnitInput> units = new ArrayList<>();
        for (EstateUnit u : repo.units(estateCode)) {
            units.add(new UnitInput(u.unitCode(), u.areaSqm(), u.deliveredOn(),
                    statuses.getOrDefault(u.unitCode(), List.of()), persons.get(u.unitCode()),
                    prepaid.getOrDefault(u.unitCode(), ZERO)));
        }
        try {
            return SettlementCalculator.settle(year, costs, units);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("year", "settle.error.noUnits", String.valueOf(year));
        }
    }

    /**
     * Computes the year's settlement and stores it as a draft, replacing the lines of an earlier
     * draft; a final settlement is refused. {@code progress} hears the share done (0..1).
     */
    @Transactional
    public Settlement compute(String estateCode, int year, DoubleConsumer progress) {
        currentUser.require(WRITERS);
        checkYear(year);
        visibleEstate(estateCode);
        Optional<Settlement> existing = repo.settlement(estateCode, year);
        if (existing.filter(Settlement::isFinal).isPresent()) {
            throw ValidationException.of("year", "settle.error.final", String.valueOf(year));
        }
        long started = System.nanoTime();
        progress.accept(0.05);
        List<SettlementCalculator.Line> lines = calculateUnchecked(estateCode, year);
        progress.accept(0.3);
        String no = existing.map(Settlement::settlementNo).orElseGet(() -> repo.insertSettlement(estateCode, year));
        repo.replaceLines(no, lines, done -> progress.accept(0.3 + 0.7 * done));
        repo.markComputed(no, LocalDateTime.now(clock));
        BigDecimal share = lines.stream().map(SettlementCalculator.Line::share).reduce(ZERO, BigDecimal::add);
        BigDecimal prepaid = lines.stream().map(SettlementCalculator.Line::prepaid).reduce(ZERO, BigDecimal::add);
        audit.record(existing.isPresent() ? "update" : "create", "service_charge_settlement", no,
                estateCode + " " + year + ": " + lines.size() + " units, share " + share + ", prepaid " + prepaid
                        + ", balance " + share.subtract(prepaid));
        log.info("Settlement {} computed: {} units in {} ms", no, lines.size(),
                (System.nanoTime() - started) / 1_000_000);
        progress.accept(1.0);
        return repo.settlement(no).orElseThrow();
    }

    /**
     * Recomputes the draft from the current figures and locks it. Only after the year has ended;
     * from then on its budget, costs and persons are locked too.
     */
    @Transactional
    public Settlement makeFinal(String estateCode, int year) {
        currentUser.require(WRITERS);
        if (!today().isAfter(LocalDate.of(year, 12, 31))) {
            throw ValidationException.of("year", "settle.error.yearNotOver", String.valueOf(year));
        }
        Settlement draft = compute(estateCode, year, p -> { });
        repo.markFinal(draft.settlementNo(), LocalDateTime.now(clock));
        audit.record("approve", "service_charge_settlement", draft.settlementNo(), estateCode + " " + year + " final");
        return repo.settlement(draft.settlementNo()).orElseThrow();
    }

    /** The settlement's lines of the units the user may see. */
    public List<SettlementLine> lines(String settlementNo) {
        currentUser.require(READERS);
        Settlement s = repo.settlement(settlementNo)
                .orElseThrow(() -> ValidationException.of("settlementNo", "validation.unknown", settlementNo));
        visibleEstate(s.estateCode());
        return repo.lines(settlementNo, s.estateCode(), currentUser.scope());
    }

    /** The per-category breakdown of a unit's line; refused for a unit outside the user's clusters. */
    public List<SettlementDetail> details(String settlementNo, String unitCode) {
        currentUser.require(READERS);
        requireUnitInScope(unitCode);
        return repo.details(settlementNo, List.of(unitCode)).getOrDefault(unitCode, List.of());
    }

    /** The settlement letter of one unit (PDF) in the language of {@code locale}. */
    public byte[] letter(String settlementNo, String unitCode, Locale locale) {
        currentUser.require(READERS);
        requireUnitInScope(unitCode);
        Settlement s = repo.settlement(settlementNo)
                .orElseThrow(() -> ValidationException.of("settlementNo", "validation.unknown", settlementNo));
        Estate estate = visibleEstate(s.estateCode());
        SettlementLine line = repo.lines(settlementNo, s.estateCode(), currentUser.scope()).stream()
                .filter(l -> l.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> ValidationException.of("unitCode", "validation.unknown", unitCode));
        return letters(estate, s, List.of(line), locale);
    }

    /** The letters of every unit of the settlement the user may see, one page each, in one PDF. */
    public byte[] allLetters(String settlementNo, Locale locale) {
        currentUser.require(READERS);
        Settlement s = repo.settlement(settlementNo)
                .orElseThrow(() -> ValidationException.of("settlementNo", "validation.unknown", settlementNo));
        Estate estate = visibleEstate(s.estateCode());
        List<SettlementLine> lines = repo.lines(settlementNo, s.estateCode(), currentUser.scope());
        return letters(estate, s, lines, locale);
    }

    private byte[] letters(Estate estate, Settlement s, List<SettlementLine> lines, Locale locale) {
        Map<String, List<SettlementDetail>> details = repo.details(s.settlementNo(),
                lines.stream().map(SettlementLine::unitCode).toList());
        return new SettlementLetter(messages, locale, estate, s, TOP_UP_DAYS).render(lines, details);
    }

    // --- helpers ----------------------------------------------------------------------------

    private void requireUnitInScope(String unitCode) {
        Scope scope = currentUser.scope();
        String cluster = repo.clusterOfUnit(unitCode).orElse(null);
        if (cluster == null || !scope.allows(cluster)) {
            throw new AccessDeniedException("error.outOfScope", cluster == null ? unitCode : cluster);
        }
    }

    /** Refuses a change to a year whose settlement is final. */
    private void requireOpen(String estateCode, int year, String field) {
        if (repo.settlement(estateCode, year).filter(Settlement::isFinal).isPresent()) {
            throw ValidationException.of(field, "settle.error.final", String.valueOf(year));
        }
    }

    private static String currency(Estate e) {
        return e.currency() == null || e.currency().isBlank() ? "CNY" : e.currency();
    }

    private static String key(String estate, int year, String category) {
        return estate + "/" + year + "/" + category;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

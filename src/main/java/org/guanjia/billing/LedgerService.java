package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Validator;
import org.guanjia.billing.internal.AccountRepository;
import org.guanjia.billing.internal.AccountRepository.StatementRef;
import org.guanjia.billing.internal.AccountRepository.UnitPlace;
import org.guanjia.billing.internal.PaymentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's account (F12): its statements, payments, allocations, credit and balance as of any
 * date, for everyone whose clusters include the unit; and the statements finance issues by hand
 * (late corrections), which re-run the unit's allocation in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class LedgerService {

    static final Role[] STATEMENT_ISSUERS = {Role.FINANCE, Role.ADMIN};

    private final AccountRepository accounts;
    private final PaymentRepository payments;
    private final AllocationService allocation;
    private final KpiSummaryMaintenance summaries;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public LedgerService(AccountRepository accounts, PaymentRepository payments,
            AllocationService allocation, KpiSummaryMaintenance summaries, AuditService audit,
            CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.allocation = allocation;
        this.summaries = summaries;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** True when the signed-in user may issue statements by hand. */
    public boolean mayIssueStatements() {
        return currentUser.hasRole(Role.FINANCE) || currentUser.hasRole(Role.ADMIN);
    }

    /**
     * The unit's account as of {@code asOf} (empty: today). Empty when the unit does not exist;
     * refused ({@link org.guanjia.base.AccessDeniedException}) when it is outside the user's
     * clusters.
     */
    public Optional<UnitAccount> account(String unitCode, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Optional<UnitPlace> place = unitCode == null ? Optional.empty() : accounts.place(unitCode);
        if (place.isEmpty()) {
            return Optional.empty();
        }
        currentUser.scope().check(place.get().clusterCode());
        UnitPlace p = place.get();
        Ledger ledger = allocation.ledger(unitCode, day).orElseThrow();
        return Optional.of(new UnitAccount(unitCode, p.buildingCode(), p.clusterCode(),
                p.ownerName(), currentUser.phone(p.ownerPhone()), day, ledger.statements(),
                accounts.corrections(unitCode, day), payments.ofUnit(unitCode, day),
                accounts.allocations(unitCode, day), ledger.credit()));
    }

    /** The fee types a statement can bill. */
    public List<String> feeTypes() {
        return accounts.feeTypes();
    }

    /**
     * Issues a statement for one unit today, e.g. a late correction of an earlier month, and
     * re-runs the unit's allocation: open credit pays it at once (KPI.md step 3).
     */
    @Transactional
    public LedgerLine issueStatement(CorrectionStatement s) {
        currentUser.require(STATEMENT_ISSUERS);
        LocalDate today = LocalDate.now(clock);
        String unit = blankToNull(s.unitCode());
        String corrects = blankToNull(s.correctsStatementNo());
        Validator v = new Validator()
                .required("unitCode", unit)
                .required("period", blankToNull(s.period()))
                .required("feeType", s.feeType())
                .required("amount", s.amount()).positive("amount", s.amount())
                .scale("amount", s.amount(), 2);
        if (s.amount() != null) {
            v.check(s.amount().compareTo(PaymentService.MAX_AMOUNT) <= 0, "amount",
                    "pay.validation.tooLarge");
        }
        YearMonth period = null;
        if (blankToNull(s.period()) != null) {
            try {
                period = YearMonth.parse(s.period().trim());
            } catch (DateTimeParseException e) {
                v.add("period", "pay.validation.period");
            }
        }
        if (s.feeType() != null) {
            v.check(accounts.feeTypes().contains(s.feeType()), "feeType", "validation.unknown",
                    s.feeType());
        }
        if (s.dueOn() != null) {
            v.check(!s.dueOn().isBefore(today), "dueOn", "pay.validation.dueBeforeIssue");
        }
        if (unit != null) {
            UnitPlace place = accounts.place(unit).orElse(null);
            if (place == null) {
                v.add("unitCode", "validation.unknown", unit);
            } else {
                currentUser.scope().check(place.clusterCode());
            }
        }
        if (corrects != null) {
            StatementRef ref = accounts.statement(corrects).orElse(null);
            if (ref == null) {
                v.add("correctsStatementNo", "validation.unknown", corrects);
            } else if (unit != null && !ref.unitCode().equals(unit)) {
                v.add("correctsStatementNo", "pay.validation.otherUnit", corrects, ref.unitCode());
            }
        }
        v.throwIfAny();
        LocalDate due = s.dueOn() != null ? s.dueOn() : defaultDue(period, today);
        BigDecimal amount = s.amount().setScale(2);
        String no = "ST-" + period.toString().replace("-", "") + "-C"
                + pad(accounts.nextStatementNumber());
        summaries.beforeChange(List.of(unit));
        accounts.insertStatement(no, unit, period.toString(), s.feeType(), amount, today, due,
                corrects);
        audit.record("create", "statement", no, unit + " " + period + " " + s.feeType() + " "
                + amount + (corrects == null ? "" : " corrects " + corrects));
        allocation.recompute(List.of(unit));
        return allocation.ledger(unit, today).orElseThrow().statements().stream()
                .filter(l -> l.statementNo().equals(no)).findFirst().orElseThrow();
    }

    /**
     * KPI.md: due on the last day of the period; a statement issued after that day (a late
     * correction) falls due at the end of the month it is issued in, not on a day already past.
     */
    static LocalDate defaultDue(YearMonth period, LocalDate issuedOn) {
        LocalDate end = period.atEndOfMonth();
        return end.isBefore(issuedOn) ? YearMonth.from(issuedOn).atEndOfMonth() : end;
    }

    private static String pad(long n) {
        String s = Long.toString(n);
        return s.length() >= 6 ? s : "0".repeat(6 - s.length()) + s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.billing.internal.AccountRepository;
import org.guanjia.billing.internal.AccountRepository.StatementRef;
import org.guanjia.billing.internal.AccountRepository.UnitPlace;
import org.guanjia.billing.internal.PaymentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments (F12, rulebook 十): finance, the service desk and administrators record them; a
 * payment is never deleted, only reversed with a reason, and a correction is a reversal plus a
 * new payment in one transaction. Every change re-runs the allocation of the units it touched
 * ({@link AllocationService#recompute}) in the same transaction, and is audited.
 *
 * <p>Numbers: {@code PM-<year paid>-<payment_no_seq, 6 digits>}, like the demo's
 * {@code D-PM-2025-000123} without the demo prefix.
 */
@Service
@Transactional(readOnly = true)
public class PaymentService {

    static final Role[] RECORDERS = {Role.FINANCE, Role.SERVICE_DESK, Role.ADMIN};

    /**
     * A hundredth of DECIMAL(14,2): the unit's sums (credit, arrears) are DECIMAL(14,2) too and
     * overflowed when one payment took the whole column (issue 10, hostile input).
     */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final PaymentRepository payments;
    private final AccountRepository accounts;
    private final AllocationService allocation;
    private final KpiSummaryMaintenance summaries;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, AccountRepository accounts,
            AllocationService allocation, KpiSummaryMaintenance summaries, AuditService audit,
            CurrentUser currentUser, Clock clock) {
        this.payments = payments;
        this.accounts = accounts;
        this.allocation = allocation;
        this.summaries = summaries;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** True when the signed-in user may record, reverse and correct payments. */
    public boolean mayRecord() {
        for (Role r : RECORDERS) {
            if (currentUser.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    // --- writes -----------------------------------------------------------------------------

    /** Records a payment and re-runs the unit's allocation. */
    @Transactional
    public Payment record(NewPayment p) {
        currentUser.require(RECORDERS);
        Validator v = new Validator();
        NewPayment clean = check(p, v);
        v.throwIfAny();
        // the KPI summaries then follow by difference (analytics.KpiSummaryMaintenance)
        summaries.beforeChange(List.of(clean.unitCode()));
        Payment saved = insert(clean);
        allocation.recompute(List.of(saved.unitCode()));
        return saved;
    }

    /**
     * Reverses a payment: it stays, marked voided today with the reason, and pays nothing from
     * now on; the unit's allocation is re-run (what it paid is owed again, or its credit gone).
     */
    @Transactional
    public Payment reverse(String paymentNo, String reason) {
        currentUser.require(RECORDERS);
        Validator v = new Validator();
        Payment old = checkReversal(paymentNo, reason, v);
        v.throwIfAny();
        summaries.beforeChange(List.of(old.unitCode()));
        Payment reversed = markReversed(old, reason.trim());
        allocation.recompute(List.of(old.unitCode()));
        return reversed;
    }

    /**
     * Corrects a payment: reverses it with the reason and records {@code replacement} in its
     * place, both or neither; the allocation of both units (if the unit changed) is re-run.
     */
    @Transactional
    public Payment correct(String paymentNo, String reason, NewPayment replacement) {
        currentUser.require(RECORDERS);
        Validator v = new Validator();
        Payment old = checkReversal(paymentNo, reason, v);
        NewPayment clean = check(replacement, v);
        v.throwIfAny();
        summaries.beforeChange(List.of(old.unitCode(), clean.unitCode()));
        markReversed(old, reason.trim());
        Payment saved = insert(clean);
        audit.record("update", "payment", old.paymentNo(), "corrected by " + saved.paymentNo());
        Set<String> units = new LinkedHashSet<>(List.of(old.unitCode(), saved.unitCode()));
        allocation.recompute(units);
        return saved;
    }

    private Payment insert(NewPayment p) {
        String no = "PM-" + p.paidOn().getYear() + "-" + pad(payments.nextNumber());
        payments.insert(no, p);
        audit.record("create", "payment", no, p.unitCode() + " " + p.paidOn() + " " + p.amount()
                + " " + p.channel() + (p.statementNo() == null ? "" : " for " + p.statementNo()));
        return payments.payment(no).orElseThrow();
    }

    private Payment markReversed(Payment old, String reason) {
        LocalDate today = LocalDate.now(clock);
        // voided_on >= paid_on is a table rule; a payment dated ahead is reversed on its own day
        LocalDate voidedOn = today.isBefore(old.paidOn()) ? old.paidOn() : today;
        String note = old.note() == null || old.note().isBlank() ? reason
                : reason + " · " + old.note();
        payments.reverse(old.paymentNo(), voidedOn, note.length() > 4000 ? note.substring(0, 4000)
                : note);
        audit.record("update", "payment", old.paymentNo(), "reversed on " + voidedOn + ": " + reason);
        return payments.payment(old.paymentNo()).orElseThrow();
    }

    /** Checks a payment to record; returns it trimmed (empty texts as null). */
    private NewPayment check(NewPayment p, Validator v) {
        String unit = blankToNull(p.unitCode());
        String statementNo = blankToNull(p.statementNo());
        String note = blankToNull(p.note());
        v.required("unitCode", unit)
                .required("paidOn", p.paidOn())
                .required("amount", p.amount()).positive("amount", p.amount())
                .scale("amount", p.amount(), 2)
                .required("channel", p.channel())
                .maxLength("note", note, 4000);
        if (p.amount() != null) {
            v.check(p.amount().compareTo(MAX_AMOUNT) <= 0, "amount", "pay.validation.tooLarge");
        }
        if (p.channel() != null) {
            v.check(Payment.RECORDABLE_CHANNELS.contains(p.channel()), "channel",
                    "validation.oneOf", Payment.RECORDABLE_CHANNELS);
        }
        if (p.paidOn() != null) {
            v.check(!p.paidOn().isAfter(LocalDate.now(clock)), "paidOn", "pay.validation.future");
        }
        if (unit != null) {
            UnitPlace place = accounts.place(unit).orElse(null);
            if (place == null) {
                v.add("unitCode", "validation.unknown", unit);
            } else {
                currentUser.scope().check(place.clusterCode());
            }
        }
        if (statementNo != null) {
            StatementRef s = accounts.statement(statementNo).orElse(null);
            if (s == null) {
                v.add("statementNo", "validation.unknown", statementNo);
            } else if (unit != null && !s.unitCode().equals(unit)) {
                v.add("statementNo", "pay.validation.otherUnit", statementNo, s.unitCode());
            } else if (p.paidOn() != null && s.issuedOn().isAfter(p.paidOn())) {
                v.add("statementNo", "pay.validation.issuedAfterPayment", statementNo,
                        s.issuedOn().toString());
            }
        }
        BigDecimal amount = p.amount() == null ? null
                : p.amount().setScale(Math.max(2, p.amount().scale()));
        return new NewPayment(unit, p.paidOn(), amount, p.channel(), statementNo, note);
    }

    private Payment checkReversal(String paymentNo, String reason, Validator v) {
        Payment old = paymentNo == null ? null : payments.payment(paymentNo).orElse(null);
        if (old == null) {
            throw ValidationException.of("paymentNo", "validation.unknown", paymentNo);
        }
        UnitPlace place = accounts.place(old.unitCode()).orElseThrow();
        currentUser.scope().check(place.clusterCode());
        v.required("reason", blankToNull(reason)).maxLength("reason", reason, 1000);
        v.check(!old.reversed(), "reason", "pay.validation.alreadyReversed", old.paymentNo(),
                String.valueOf(old.voidedOn()));
        return old;
    }

    // --- reads ------------------------------------------------------------------------------

    public List<Payment> payments(PaymentFilter filter, Page page, List<Sort> sort) {
        Scope scope = scopeFor(filter);
        return payments.list(scope, filter, page, sort);
    }

    public int countPayments(PaymentFilter filter) {
        return payments.count(scopeFor(filter), filter);
    }

    private Scope scopeFor(PaymentFilter filter) {
        Scope scope = currentUser.scope();
        if (filter.clusterCode() != null) {
            scope.check(filter.clusterCode());
        }
        return scope;
    }

    private static String pad(long n) {
        String s = Long.toString(n);
        return s.length() >= 6 ? s : "0".repeat(6 - s.length()) + s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

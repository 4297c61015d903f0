package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.guanjia.TestUsers;
import org.guanjia.audit.AuditEntry;
import org.guanjia.audit.AuditService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every clause of the allocation rule of KPI.md, reached through the services that record
 * payments and issue statements; reversals and corrections; checks, roles and scope.
 */
class PaymentServiceTest extends BillingServiceTestBase {

    @Autowired
    AuditService audit;

    // --- allocation clauses -----------------------------------------------------------------

    @Test
    void a_payment_naming_a_statement_pays_that_statement_first() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        String feb = statement(u, "100.00", date("2025-02-01"), date("2025-02-28"));

        pay(u, date("2025-02-10"), "100.00", feb);

        UnitAccount a = account(u, date("2025-02-10"));
        assertThat(line(a, feb).outstanding()).isEqualTo(money("0.00"));
        assertThat(line(a, jan).outstanding()).isEqualTo(money("100.00"));
        assertThat(a.arrears()).isEqualTo(money("100.00"));
    }

    @Test
    void a_payment_naming_no_statement_pays_the_oldest_first_and_the_rest_partly() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        String feb = statement(u, "100.00", date("2025-02-01"), date("2025-02-28"));

        String pm = pay(u, date("2025-02-10"), "150.00", null);

        UnitAccount a = account(u, date("2025-02-10"));
        assertThat(a.statements()).extracting(LedgerLine::statementNo, LedgerLine::collected,
                LedgerLine::outstanding).containsExactly(
                        tuple(jan, money("100.00"), money("0.00")),
                        tuple(feb, money("50.00"), money("50.00")));
        assertThat(a.allocations()).extracting(AllocationLine::statementNo,
                AllocationLine::paymentNo, AllocationLine::allocatedOn, AllocationLine::amount,
                AllocationLine::fromCredit).containsExactlyInAnyOrder(
                        tuple(jan, pm, date("2025-02-10"), money("100.00"), false),
                        tuple(feb, pm, date("2025-02-10"), money("50.00"), false));
        assertThat(a.credit()).isEqualTo(money("0.00"));
        assertThat(a.balance()).isEqualTo(money("50.00"));
    }

    @Test
    void an_overpayment_becomes_credit_that_pays_the_next_statement_when_it_is_issued() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        String pm = pay(u, date("2025-01-15"), "250.00", null);

        assertThat(account(u, date("2025-01-15")).credit()).isEqualTo(money("150.00"));
        assertThat(account(u, date("2025-01-15")).balance()).isEqualTo(money("-150.00"));

        String feb = statement(u, "100.00", date("2025-01-28"), date("2025-02-28"));

        UnitAccount a = account(u, date("2025-01-28"));
        assertThat(line(a, jan).outstanding()).isEqualTo(money("0.00"));
        assertThat(line(a, feb).outstanding()).isEqualTo(money("0.00"));
        assertThat(a.credit()).isEqualTo(money("50.00"));
        assertThat(a.allocations()).filteredOn(l -> l.statementNo().equals(feb))
                .extracting(AllocationLine::paymentNo, AllocationLine::allocatedOn,
                        AllocationLine::amount, AllocationLine::fromCredit)
                .containsExactly(tuple(pm, date("2025-01-28"), money("100.00"), true));
        assertThat(a.allocatedOf(pm)).isEqualTo(money("200.00"));
        // the day before the February statement the money was still credit
        assertThat(account(u, date("2025-01-27")).credit()).isEqualTo(money("150.00"));
    }

    @Test
    void a_correction_statement_issued_late_is_the_oldest_and_is_paid_first() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        statement(u, "100.00", date("2025-02-01"), date("2025-02-28"));
        String mar = statement(u, "100.00", date("2025-03-01"), date("2025-03-31"));
        pay(u, date("2025-03-05"), "200.00", null);

        clock.set(date("2025-04-10"));
        LedgerLine correction = ledgers.issueStatement(new CorrectionStatement(u, "2025-01",
                "property_fee", new BigDecimal("30"), null, jan));
        String pm = pay(u, date("2025-04-20"), "100.00", null);

        assertThat(correction.issuedOn()).isEqualTo(date("2025-04-10"));
        // January is long past: the correction falls due at the end of the month of issue
        assertThat(correction.dueOn()).isEqualTo(date("2025-04-30"));
        assertThat(correction.statementNo()).startsWith("ST-202501-C");
        UnitAccount a = account(u, date("2025-04-20"));
        assertThat(a.corrections()).containsEntry(correction.statementNo(), jan);
        assertThat(a.allocations()).filteredOn(l -> l.paymentNo().equals(pm))
                .extracting(AllocationLine::statementNo, AllocationLine::amount)
                .containsExactlyInAnyOrder(tuple(correction.statementNo(), money("30.00")),
                        tuple(mar, money("70.00")));
        assertThat(a.outstanding()).isEqualTo(money("30.00"));
    }

    @Test
    void a_correction_statement_is_paid_from_open_credit_on_its_issue_day() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        pay(u, date("2025-01-20"), "120.00", null);

        clock.set(date("2025-02-03"));
        LedgerLine correction = ledgers.issueStatement(new CorrectionStatement(u, "2025-01",
                "property_fee", new BigDecimal("15.50"), null, jan));

        assertThat(correction.outstanding()).isEqualTo(money("0.00"));
        assertThat(account(u, date("2025-02-03")).credit()).isEqualTo(money("4.50"));
    }

    @Test
    void reversing_a_payment_restores_what_was_owed_and_removes_its_credit() {
        String u = unit("C1", "0101");
        String jan = statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        String pm = pay(u, date("2025-01-15"), "150.00", null);
        assertThat(account(u, date("2025-01-15")).credit()).isEqualTo(money("50.00"));

        clock.set(date("2025-01-20"));
        Payment reversed = payments.reverse(pm, "Cheque bounced");

        assertThat(reversed.reversed()).isTrue();
        assertThat(reversed.voidedOn()).isEqualTo(date("2025-01-20"));
        assertThat(reversed.note()).isEqualTo("Cheque bounced");
        UnitAccount a = account(u, date("2025-01-20"));
        assertThat(line(a, jan).outstanding()).isEqualTo(money("100.00"));
        assertThat(a.credit()).isEqualTo(money("0.00"));
        assertThat(a.allocations()).isEmpty();
        // the payment stays on the account, marked
        assertThat(a.payments()).extracting(Payment::paymentNo, Payment::reversed)
                .containsExactly(tuple(pm, true));
        assertThat(auditOf(pm)).extracting(AuditEntry::action).contains("create", "update");
        assertThat(auditOf(pm)).extracting(AuditEntry::details)
                .anyMatch(d -> d.contains("reversed on 2025-01-20: Cheque bounced"));
    }

    @Test
    void a_correction_reverses_the_payment_and_records_the_new_one_on_the_right_unit() {
        String wrong = unit("C1", "0101");
        String right = unit("C1", "0102");
        statement(wrong, "100.00", date("2025-01-01"), date("2025-01-31"));
        String rightJan = statement(right, "100.00", date("2025-01-01"), date("2025-01-31"));
        String pm = pay(wrong, date("2025-01-15"), "100.00", null);

        clock.set(date("2025-01-16"));
        Payment corrected = payments.correct(pm, "Wrong unit", new NewPayment(right,
                date("2025-01-15"), new BigDecimal("100.00"), "cash", null, "at the desk"));

        assertThat(corrected.paymentNo()).isNotEqualTo(pm);
        assertThat(corrected.unitCode()).isEqualTo(right);
        assertThat(account(wrong, date("2025-01-16")).outstanding()).isEqualTo(money("100.00"));
        assertThat(account(wrong, date("2025-01-16")).payments()).singleElement()
                .satisfies(x -> assertThat(x.reversed()).isTrue());
        assertThat(line(account(right, date("2025-01-16")), rightJan).outstanding())
                .isEqualTo(money("0.00"));
    }

    @Test
    void a_correction_with_a_bad_replacement_changes_nothing() {
        String u = unit("C1", "0101");
        statement(u, "100.00", date("2025-01-01"), date("2025-01-31"));
        String pm = pay(u, date("2025-01-15"), "100.00", null);

        clock.set(date("2025-01-16"));
        assertThatThrownBy(() -> payments.correct(pm, "typo", new NewPayment(u, date("2025-01-15"),
                new BigDecimal("-5"), "cash", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).contains("amount"));

        assertThat(account(u, date("2025-01-16")).payments()).singleElement()
                .satisfies(x -> assertThat(x.reversed()).isFalse());
        assertThat(account(u, date("2025-01-16")).outstanding()).isEqualTo(money("0.00"));
    }

    // --- checks -----------------------------------------------------------------------------

    @Test
    void a_statement_issued_after_the_payment_day_is_refused_on_the_statement_field() {
        String u = unit("C1", "0101");
        String feb = statement(u, "100.00", date("2025-02-01"), date("2025-02-28"));
        clock.set(date("2025-02-10"));

        assertThatThrownBy(() -> payments.record(new NewPayment(u, date("2025-01-20"),
                new BigDecimal("100"), "cash", feb, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field,
                                ValidationException.Problem::messageKey)
                        .containsExactly(tuple("statementNo", "pay.validation.issuedAfterPayment")));
        assertThat(account(u, date("2025-02-10")).payments()).isEmpty();
    }

    @Test
    void a_statement_of_another_unit_is_refused_on_the_statement_field() {
        String other = statement(unit("C1", "0102"), "100.00", date("2025-01-01"),
                date("2025-01-31"));
        clock.set(date("2025-01-10"));

        assertThatThrownBy(() -> payments.record(new NewPayment(unit("C1", "0101"),
                date("2025-01-10"), new BigDecimal("100"), "cash", other, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field,
                                ValidationException.Problem::messageKey)
                        .containsExactly(tuple("statementNo", "pay.validation.otherUnit")));
    }

    @Test
    void a_payment_dated_after_today_or_with_an_unknown_channel_or_cents_fraction_is_refused() {
        clock.set(date("2025-01-10"));

        assertThatThrownBy(() -> payments.record(new NewPayment(unit("C1", "0101"),
                date("2025-01-11"), new BigDecimal("10.005"), "cheque", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("paidOn", "amount", "channel"));
    }

    @Test
    void a_payment_is_reversed_only_once_and_only_with_a_reason() {
        String u = unit("C1", "0101");
        String pm = pay(u, date("2025-01-15"), "100.00", null);

        assertThatThrownBy(() -> payments.reverse(pm, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("reason"));
        payments.reverse(pm, "duplicate entry");
        assertThatThrownBy(() -> payments.reverse(pm, "again"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::messageKey)
                        .containsExactly("pay.validation.alreadyReversed"));
    }

    @Test
    void payment_numbers_come_from_the_sequence_with_the_year_paid() {
        String u = unit("C1", "0101");
        String first = pay(u, date("2025-01-15"), "10.00", null);
        String second = pay(u, date("2025-01-16"), "10.00", null);

        assertThat(first).matches("PM-2025-\\d{6}");
        assertThat(Long.parseLong(second.substring(8))).isGreaterThan(Long.parseLong(first.substring(8)));
    }

    // --- roles and scope --------------------------------------------------------------------

    @Test
    void a_butler_may_not_record_or_reverse_payments_but_the_service_desk_may() {
        String u = unit("C1", "0101");
        String pm = pay(u, date("2025-01-15"), "10.00", null);
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");

        assertThatThrownBy(() -> payments.record(new NewPayment(u, date("2025-01-15"),
                BigDecimal.TEN, "cash", null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payments.reverse(pm, "no"))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);
        assertThat(payments.record(new NewPayment(u, date("2025-01-15"), BigDecimal.TEN, "cash",
                null, null)).paymentNo()).startsWith("PM-");
    }

    @Test
    void only_finance_and_administrators_issue_statements() {
        clock.set(date("2025-01-10"));
        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);

        assertThatThrownBy(() -> ledgers.issueStatement(new CorrectionStatement(unit("C1", "0101"),
                "2025-01", "property_fee", BigDecimal.TEN, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_butler_reads_the_payments_and_accounts_of_their_clusters_only() {
        String mine = unit("C1", "0101");
        String theirs = unit("C2", "0101");
        pay(mine, date("2025-01-15"), "10.00", null);
        pay(theirs, date("2025-01-15"), "20.00", null);
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");

        PaymentFilter all = new PaymentFilter(p, null, null, null, null, true);
        assertThat(payments.payments(all, Page.first(50), List.of()))
                .extracting(Payment::unitCode).containsExactly(mine);
        assertThat(payments.countPayments(all)).isEqualTo(1);
        assertThat(account(mine, date("2025-01-15")).payments()).hasSize(1);
        assertThatThrownBy(() -> ledgers.account(theirs, date("2025-01-15")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payments.payments(new PaymentFilter(null, p + "C2", null, null,
                null, true), Page.first(50), List.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_payment_list_filters_by_unit_dates_channel_and_reversal() {
        String u = unit("C1", "0101");
        String a = pay(u, date("2025-01-10"), "10.00", null);
        clock.set(date("2025-01-20"));
        String b = payments.record(new NewPayment(u, date("2025-01-20"), BigDecimal.ONE, "cash",
                null, null)).paymentNo();
        String c = pay(unit("C1", "0102"), date("2025-01-25"), "30.00", null);
        payments.reverse(a, "wrong amount");

        assertThat(list(new PaymentFilter(p, null, null, null, null, true)))
                .containsExactly(c, b, a);
        assertThat(list(new PaymentFilter(p, null, null, null, null, false))).containsExactly(c, b);
        assertThat(list(new PaymentFilter(u, null, date("2025-01-15"), date("2025-01-31"), null,
                true))).containsExactly(b);
        assertThat(list(new PaymentFilter(p, null, null, null, "cash", true))).containsExactly(b);
    }

    private List<String> list(PaymentFilter f) {
        return payments.payments(f, Page.first(50), List.of()).stream().map(Payment::paymentNo)
                .toList();
    }

    private List<AuditEntry> auditOf(String key) {
        TestUsers.signIn("admin1", Role.ADMIN, null);
        try {
            return audit.list(key, Page.first(20));
        } finally {
            TestUsers.signIn("finance1", Role.FINANCE, null);
        }
    }
}

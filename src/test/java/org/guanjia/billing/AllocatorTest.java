package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guanjia.billing.Allocator.Allocation;
import org.guanjia.billing.Allocator.CreditPortion;
import org.guanjia.billing.Allocator.Payment;
import org.guanjia.billing.Allocator.Result;
import org.guanjia.billing.Allocator.Statement;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AllocatorTest {

    /** U+1F600, a supplementary character: a surrogate pair in UTF-16. */
    private static final String GRIN = "\uD83D\uDE00";
    /** U+FF21 (fullwidth A), a BMP character above the surrogate range. */
    private static final String FULLWIDTH_A = "\uFF21";

    // --- 2. oldest first --------------------------------------------------------------------

    @Test
    void payment_of_exactly_the_oldest_balance_pays_the_oldest_statement() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-02-10", "100.00")));

        assertThat(r.allocations()).containsExactly(alloc("S-1", "P-1", "2024-02-10", "100.00"));
        assertThat(r.credit()).isEqualByComparingTo("0");
    }

    @Test
    void partial_payment_leaves_the_rest_outstanding() {
        Result r = Allocator.allocate(List.of(st("S-1", "2024-01", "100.00", "2024-01-01")),
                List.of(pay("P-1", "2024-01-20", "40.00")));

        assertThat(r.allocations()).containsExactly(alloc("S-1", "P-1", "2024-01-20", "40.00"));
        assertThat(r.credit()).isEqualByComparingTo("0");
    }

    // --- 1. the named statement -------------------------------------------------------------

    @Test
    void payment_naming_a_later_statement_pays_it_first_then_the_oldest() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-02-10", "150.00", "S-2")));

        assertThat(r.allocations()).containsExactly(
                alloc("S-2", "P-1", "2024-02-10", "100.00"),
                alloc("S-1", "P-1", "2024-02-10", "50.00"));
    }

    @Test
    void naming_a_statement_of_another_unit_is_ignored() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-02-10", "100.00", "S-OTHER-UNIT")));

        assertThat(r.allocations()).containsExactly(alloc("S-1", "P-1", "2024-02-10", "100.00"));
    }

    @Test
    void naming_a_statement_issued_after_paid_on_is_ignored() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-01-15", "150.00", "S-2")));

        // S-2 did not exist on 2024-01-15: S-1 is paid, the rest is credit until S-2 is issued
        assertThat(r.allocations()).containsExactly(
                alloc("S-1", "P-1", "2024-01-15", "100.00"),
                alloc("S-2", "P-1", "2024-02-01", "50.00"));
    }

    @Test
    void naming_a_statement_already_paid_goes_to_the_oldest_open_one() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-02-05", "100.00", "S-2"),
                        pay("P-2", "2024-02-06", "60.00", "S-2")));

        assertThat(r.allocations()).containsExactly(
                alloc("S-2", "P-1", "2024-02-05", "100.00"),
                alloc("S-1", "P-2", "2024-02-06", "60.00"));
    }

    // --- 3. credit --------------------------------------------------------------------------

    @Test
    void advance_payment_becomes_credit_and_pays_the_next_statement_on_its_issue_date() {
        Result before = Allocator.allocate(List.of(),
                List.of(pay("P-1", "2024-01-10", "250.00")));
        Result after = Allocator.allocate(
                List.of(st("S-1", "2024-02", "100.00", "2024-02-01")),
                List.of(pay("P-1", "2024-01-10", "250.00")));

        assertThat(before.allocations()).isEmpty();
        assertThat(before.credit()).isEqualByComparingTo("250.00");
        assertThat(after.allocations()).containsExactly(alloc("S-1", "P-1", "2024-02-01", "100.00"));
        assertThat(after.credit()).isEqualByComparingTo("150.00");
        assertThat(after.portions()).containsExactly(new CreditPortion("P-1", money("150.00")));
    }

    @Test
    void multiple_payments_build_credit_that_is_used_first_in_first_out() {
        Result r = Allocator.allocate(
                List.of(st("S-2", "2024-02", "100.00", "2024-02-01"),
                        st("S-3", "2024-03", "100.00", "2024-03-01")),
                List.of(pay("P-3", "2024-01-20", "40.00"),
                        pay("P-1", "2024-01-05", "30.00"),
                        pay("P-2", "2024-01-10", "50.00")));

        assertThat(r.allocations()).containsExactly(
                alloc("S-2", "P-1", "2024-02-01", "30.00"),
                alloc("S-2", "P-2", "2024-02-01", "50.00"),
                alloc("S-2", "P-3", "2024-02-01", "20.00"),
                alloc("S-3", "P-3", "2024-03-01", "20.00"));
        assertThat(r.credit()).isEqualByComparingTo("0");
        assertThat(collected(r)).containsEntry("S-3", money("20.00"));
    }

    @Test
    void payment_using_up_everything_open_leaves_zero_credit_and_no_empty_rows() {
        Result r = Allocator.allocate(
                List.of(st("S-1", "2024-01", "100.00", "2024-01-01"),
                        st("S-2", "2024-02", "80.50", "2024-02-01"),
                        st("S-3", "2024-03", "100.00", "2024-03-01")),
                List.of(pay("P-1", "2024-02-15", "180.50")));

        assertThat(r.allocations()).containsExactly(
                alloc("S-1", "P-1", "2024-02-15", "100.00"),
                alloc("S-2", "P-1", "2024-02-15", "80.50"));
        assertThat(r.credit()).isEqualTo(money("0.00"));
        assertThat(r.portions()).isEmpty();
        assertThat(r.allocations()).allSatisfy(a -> assertThat(a.amount()).isPositive());
    }

    // --- order of events --------------------------------------------------------------------

    @Test
    void statement_issued_on_the_day_of_a_payment_is_replayed_first() {
        Result r = Allocator.allocate(List.of(st("S-1", "2024-03", "100.00", "2024-03-01")),
                List.of(pay("P-1", "2024-03-01", "100.00", "S-1")));

        assertThat(r.allocations()).containsExactly(alloc("S-1", "P-1", "2024-03-01", "100.00"));
        assertThat(r.credit()).isEqualByComparingTo("0");
    }

    @Test
    void same_period_statements_are_paid_in_string_order_of_their_numbers() {
        // "S-10" < "S-9" as strings, although 10 > 9 as numbers
        Result r = Allocator.allocate(
                List.of(st("S-9", "2024-01", "100.00", "2024-01-01"),
                        st("S-10", "2024-01", "100.00", "2024-01-01")),
                List.of(pay("P-1", "2024-01-20", "100.00")));

        assertThat(r.allocations()).containsExactly(alloc("S-10", "P-1", "2024-01-20", "100.00"));
    }

    @Test
    void statement_numbers_compare_by_code_point_not_by_utf16_unit() {
        String supplementary = "S-" + GRIN;
        String bmp = "S-" + FULLWIDTH_A;
        Result r = Allocator.allocate(
                List.of(st(supplementary, "2024-01", "100.00", "2024-01-01"),
                        st(bmp, "2024-01", "100.00", "2024-01-01")),
                List.of(pay("P-1", "2024-01-20", "100.00")));

        // U+FF21 < U+1F600 by code point, while String.compareTo puts the surrogate pair first
        assertThat(supplementary.compareTo(bmp)).isNegative();
        assertThat(r.allocations()).containsExactly(alloc(bmp, "P-1", "2024-01-20", "100.00"));
    }

    @Test
    void payments_of_the_same_day_build_credit_in_code_point_order_of_their_numbers() {
        Result r = Allocator.allocate(List.of(st("S-1", "2024-02", "50.00", "2024-02-01")),
                List.of(pay("P-" + GRIN, "2024-01-10", "50.00"),
                        pay("P-" + FULLWIDTH_A, "2024-01-10", "50.00")));

        assertThat(r.allocations())
                .containsExactly(alloc("S-1", "P-" + FULLWIDTH_A, "2024-02-01", "50.00"));
        assertThat(r.portions()).containsExactly(new CreditPortion("P-" + GRIN, money("50.00")));
    }

    @Test
    void statements_issued_the_same_day_take_credit_in_statement_number_order() {
        Result r = Allocator.allocate(
                List.of(st("S-B", "2024-01", "100.00", "2024-03-01"),
                        st("S-A", "2024-02", "100.00", "2024-03-01")),
                List.of(pay("P-1", "2024-02-20", "100.00")));

        // event order (statement_no), not period order, as the rule replays issue events
        assertThat(r.allocations()).containsExactly(alloc("S-A", "P-1", "2024-03-01", "100.00"));
    }

    @Test
    void code_point_order_puts_supplementary_characters_after_the_whole_bmp() {
        assertThat(Allocator.compareCodePoints(GRIN, FULLWIDTH_A)).isPositive();
        assertThat(Allocator.compareCodePoints("S-10", "S-9")).isNegative();
        assertThat(Allocator.compareCodePoints("S-1", "S-10")).isNegative();
        assertThat(Allocator.compareCodePoints("\uD83D\uDE00", "\uD83D\uDE01")).isNegative();
        assertThat(Allocator.compareCodePoints("\uD7FF", GRIN)).isNegative();
        assertThat(Allocator.compareCodePoints("S-1", "S-1")).isZero();
    }

    // --- late correction --------------------------------------------------------------------

    @Test
    void late_correction_statement_is_paid_by_later_payments_by_its_period() {
        Result r = Allocator.allocate(
                List.of(st("S-01", "2024-01", "100.00", "2024-01-01"),
                        st("S-02", "2024-02", "100.00", "2024-02-01"),
                        st("S-03", "2024-03", "100.00", "2024-03-01"),
                        st("C-01", "2024-01", "30.00", "2024-05-10")),
                List.of(pay("P-1", "2024-03-05", "100.00"),
                        pay("P-2", "2024-05-20", "130.00")));

        assertThat(r.allocations()).containsExactly(
                alloc("S-01", "P-1", "2024-03-05", "100.00"),
                alloc("C-01", "P-2", "2024-05-20", "30.00"),
                alloc("S-02", "P-2", "2024-05-20", "100.00"));
        assertThat(collected(r)).doesNotContainKey("S-03");
    }

    // --- voided payments and input checks ---------------------------------------------------

    @Test
    void voided_payment_is_ignored() {
        Payment voided = new Payment("P-1", date("2024-01-10"), money("100.00"), "S-1",
                date("2024-01-12"));
        Result r = Allocator.allocate(List.of(st("S-1", "2024-01", "100.00", "2024-01-01")),
                List.of(voided, pay("P-2", "2024-01-15", "60.00")));

        assertThat(r.allocations()).containsExactly(alloc("S-1", "P-2", "2024-01-15", "60.00"));
        assertThat(r.credit()).isEqualByComparingTo("0");
    }

    @Test
    void amounts_with_more_than_two_decimals_are_refused() {
        assertThatThrownBy(() -> pay("P-1", "2024-01-10", "10.005"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-1");
    }

    @Test
    void duplicate_statement_numbers_are_refused() {
        List<Statement> twice = List.of(st("S-1", "2024-01", "1.00", "2024-01-01"),
                st("S-1", "2024-02", "1.00", "2024-02-01"));

        assertThatThrownBy(() -> Allocator.allocate(twice, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S-1");
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Statement st(String no, String period, String amount, String issuedOn) {
        return new Statement(no, period, new BigDecimal(amount), date(issuedOn));
    }

    private static Payment pay(String no, String paidOn, String amount) {
        return pay(no, paidOn, amount, null);
    }

    private static Payment pay(String no, String paidOn, String amount, String statementNo) {
        return new Payment(no, date(paidOn), new BigDecimal(amount), statementNo, null);
    }

    private static Allocation alloc(String statementNo, String paymentNo, String on, String amount) {
        return new Allocation(statementNo, paymentNo, date(on), money(amount));
    }

    private static Map<String, BigDecimal> collected(Result r) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        r.allocations().forEach(a -> sums.merge(a.statementNo(), a.amount(), BigDecimal::add));
        return sums;
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}

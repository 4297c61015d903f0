package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.billing.LedgerLine;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Late fees computed by hand: outstanding x 0.0003 x days from the day after due, half-up. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LateFeesTest {

    private static final BigDecimal RATE = new BigDecimal("0.0003");
    private static final LocalDate LETTER = LocalDate.of(2025, 6, 25);

    private static LedgerLine line(String no, String period, String amount, String collected, String due) {
        BigDecimal a = new BigDecimal(amount);
        BigDecimal c = new BigDecimal(collected);
        return new LedgerLine(no, period, "property_fee", a, LocalDate.parse(due).withDayOfMonth(1)
                .minusDays(3), LocalDate.parse(due), c, a.subtract(c));
    }

    private final List<LedgerLine> ledger = List.of(
            // 300.00 unpaid, due 31 Jan: 1 Feb .. 25 Jun = 28 + 31 + 30 + 31 + 25 = 145 days
            line("S-01", "2025-01", "300.00", "0.00", "2025-01-31"),
            // partly paid: 250.00 - 83.33 = 166.67, due 28 Feb: 1 Mar .. 25 Jun = 117 days
            line("S-02", "2025-02", "250.00", "83.33", "2025-02-28"),
            // paid: not on the letter
            line("S-03", "2025-03", "250.00", "250.00", "2025-03-31"),
            // 150.00 due the day before the letter: 1 day, 0.045 -> 0.05 half-up
            line("S-04", "2025-06", "150.00", "0.00", "2025-06-24"),
            // due on the letter's date: not overdue yet
            line("S-05", "2025-06", "80.00", "0.00", "2025-06-25"),
            // due later
            line("S-06", "2025-07", "250.00", "0.00", "2025-07-31"));

    @Test
    void each_overdue_statement_gets_outstanding_times_rate_times_days_rounded_half_up() {
        List<LetterLine> lines = LateFees.lines(ledger, LETTER, RATE, 1);

        assertThat(lines).extracting(LetterLine::statementNo).containsExactly("S-01", "S-02", "S-04");
        // 300.00 x 0.0003 x 145 = 13.05
        assertThat(lines.get(0).lateFeeDays()).isEqualTo(145);
        assertThat(lines.get(0).daysOverdue()).isEqualTo(145);
        assertThat(lines.get(0).lateFee()).isEqualByComparingTo("13.05");
        // 166.67 x 0.0003 x 117 = 5.850117 -> 5.85
        assertThat(lines.get(1).outstanding()).isEqualByComparingTo("166.67");
        assertThat(lines.get(1).lateFeeDays()).isEqualTo(117);
        assertThat(lines.get(1).lateFeeFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(lines.get(1).lateFee()).isEqualByComparingTo("5.85");
        // 150.00 x 0.0003 x 1 = 0.045 -> 0.05 (half-even would give 0.04)
        assertThat(lines.get(2).lateFeeDays()).isEqualTo(1);
        assertThat(lines.get(2).lateFee()).isEqualByComparingTo("0.05");
    }

    @Test
    void the_totals_add_the_rounded_lines() {
        List<LetterLine> lines = LateFees.lines(ledger, LETTER, RATE, 1);

        assertThat(LateFees.principal(lines)).isEqualByComparingTo("616.67");
        assertThat(LateFees.lateFee(lines)).isEqualByComparingTo("18.95");
        assertThat(LateFees.lateFee(lines).scale()).isEqualTo(2);
    }

    @Test
    void a_later_start_leaves_out_the_first_days_and_never_goes_negative() {
        List<LetterLine> lines = LateFees.lines(ledger, LETTER, RATE, 15);

        // from 15 Feb: 14 + 31 + 30 + 31 + 25 = 131 days, 300 x 0.0003 x 131 = 11.79
        assertThat(lines.get(0).lateFeeDays()).isEqualTo(131);
        assertThat(lines.get(0).lateFee()).isEqualByComparingTo("11.79");
        // due yesterday: overdue, but no late fee yet
        assertThat(lines.get(2).daysOverdue()).isEqualTo(1);
        assertThat(lines.get(2).lateFeeDays()).isZero();
        assertThat(lines.get(2).lateFee()).isEqualByComparingTo("0.00");
    }

    @Test
    void another_rate() {
        LetterLine l = LateFees.line("S", "2025-05", LocalDate.of(2025, 5, 31), new BigDecimal("1234.56"),
                LocalDate.of(2025, 6, 10), new BigDecimal("0.0005"), 1);
        // 1234.56 x 0.0005 x 10 = 6.1728 -> 6.17
        assertThat(l.lateFee()).isEqualByComparingTo("6.17");
    }
}

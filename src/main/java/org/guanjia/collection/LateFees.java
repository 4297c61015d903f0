package org.guanjia.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.billing.LedgerLine;

/**
 * The late fee (滞纳金) of a lawyer's letter. For each statement overdue on the letter's date
 * (due date before it, outstanding on it): late fee = outstanding x daily rate x days, where
 * the days run from {@code startDays} after the due date to the letter's date, both included
 * (with the default start of 1, the days are letter date - due date), rounded half-up to the
 * cent per statement; the letter's late fee is the sum of the rounded lines.
 */
public final class LateFees {

    private LateFees() {
    }

    /** The overdue lines of a ledger as of the letter's date, oldest first as given. */
    public static List<LetterLine> lines(List<LedgerLine> statements, LocalDate letterDate,
            BigDecimal dailyRate, int startDays) {
        List<LetterLine> lines = new ArrayList<>();
        for (LedgerLine s : statements) {
            if (s.outstanding().signum() > 0 && s.dueOn().isBefore(letterDate)) {
                lines.add(line(s.statementNo(), s.period(), s.dueOn(), s.outstanding(), letterDate,
                        dailyRate, startDays));
            }
        }
        return lines;
    }

    public static LetterLine line(String statementNo, String period, LocalDate dueOn,
            BigDecimal outstanding, LocalDate letterDate, BigDecimal dailyRate, int startDays) {
        LocalDate from = dueOn.plusDays(startDays);
        long days = Math.max(0, ChronoUnit.DAYS.between(from, letterDate) + 1);
        BigDecimal fee = outstanding.multiply(dailyRate).multiply(BigDecimal.valueOf(days))
                .setScale(2, RoundingMode.HALF_UP);
        return new LetterLine(statementNo, period, dueOn, outstanding.setScale(2),
                (int) ChronoUnit.DAYS.between(dueOn, letterDate), from, (int) days, fee);
    }

    public static BigDecimal principal(List<LetterLine> lines) {
        return lines.stream().map(LetterLine::outstanding)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public static BigDecimal lateFee(List<LetterLine> lines) {
        return lines.stream().map(LetterLine::lateFee)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

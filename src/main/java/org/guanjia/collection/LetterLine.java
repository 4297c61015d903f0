package org.guanjia.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An overdue statement on a lawyer's letter: its outstanding on the letter's date, the days it
 * is overdue (letter date - due date, as in KPI.md's aging), and its late fee
 * ({@link LateFees}).
 *
 * @param lateFeeFrom the first day the late fee runs
 * @param lateFeeDays days from lateFeeFrom to the letter's date, both included (0 if later)
 */
public record LetterLine(String statementNo, String period, LocalDate dueOn, BigDecimal outstanding,
        int daysOverdue, LocalDate lateFeeFrom, int lateFeeDays, BigDecimal lateFee) {
}

package org.guanjia.fees;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * This month's window for the statement run (rulebook 十: the 28th to the 31st, start day a
 * setting) and the period it bills: next month.
 */
public record RunWindow(LocalDate today, YearMonth nextPeriod, LocalDate opens, LocalDate closes) {

    public boolean open() {
        return !today.isBefore(opens) && !today.isAfter(closes);
    }

    /** The window of the month of {@code today}; a start day past the month's end means its last day. */
    public static RunWindow of(LocalDate today, int startDay) {
        YearMonth month = YearMonth.from(today);
        LocalDate opens = month.atDay(Math.min(startDay, month.lengthOfMonth()));
        return new RunWindow(today, month.plusMonths(1), opens, month.atEndOfMonth());
    }
}

package org.guanjia.workplan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * A plan period: a week (Monday to Sunday), a calendar month or a calendar year.
 *
 * @param grain week, month or year
 * @param start first day
 * @param end   last day
 */
public record Period(String grain, LocalDate start, LocalDate end) {

    /** The period of the grain that contains the day. */
    public static Period of(String grain, LocalDate day) {
        return switch (grain) {
            case "week" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(grain, monday, monday.plusDays(6));
            }
            case "month" -> new Period(grain, day.withDayOfMonth(1),
                    YearMonth.from(day).atEndOfMonth());
            case "year" -> new Period(grain, day.withDayOfYear(1),
                    LocalDate.of(day.getYear(), 12, 31));
            default -> throw new IllegalArgumentException("grain " + grain);
        };
    }

    /** The period of the same grain just before this one. */
    public Period previous() {
        return of(grain, start.minusDays(1));
    }

    /** A short label: 2025-W11 (ISO week), 2025-03 or 2025. */
    public String label() {
        return switch (grain) {
            case "week" -> start.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", start.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> YearMonth.from(start).toString();
            default -> String.valueOf(start.getYear());
        };
    }
}

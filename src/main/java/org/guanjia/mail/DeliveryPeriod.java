package org.guanjia.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * When a subscription falls due and which period a delivery covers: weekly on Mondays (the week
 * before), monthly on the 1st (the month before), quarterly on the 1st of January, April, July
 * and October (the quarter before).
 *
 * @param dueOn the delivery day
 * @param from  first day covered
 * @param to    last day covered
 */
public record DeliveryPeriod(LocalDate dueOn, LocalDate from, LocalDate to) {

    /** The latest delivery day on or before {@code today} and the period it covers. */
    public static DeliveryPeriod latest(String frequency, LocalDate today) {
        return switch (frequency) {
            case "weekly" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new DeliveryPeriod(monday, monday.minusDays(7), monday.minusDays(1));
            }
            case "monthly" -> {
                LocalDate first = today.withDayOfMonth(1);
                yield new DeliveryPeriod(first, first.minusMonths(1), first.minusDays(1));
            }
            case "quarterly" -> {
                LocalDate first = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new DeliveryPeriod(first, first.minusMonths(3), first.minusDays(1));
            }
            default -> throw new IllegalArgumentException("frequency " + frequency);
        };
    }

    /** Due when it was never sent or last sent before the latest delivery day. */
    public static boolean due(Subscription s, LocalDate today) {
        return s.active() && (s.lastSentOn() == null
                || s.lastSentOn().isBefore(latest(s.frequency(), today).dueOn()));
    }

    public YearMonth firstMonth() {
        return YearMonth.from(from);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(to);
    }
}

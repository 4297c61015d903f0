package org.guanjia.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's time frame: the 36 months ending with the month of the end date. Activity runs up
 * to the day before the end date ({@link #lastDay}); nothing happens at or after the start of
 * the end date ({@link #horizon}), so on first start today's agenda is still open. Also knows
 * the working days (weekdays outside the public holidays, with Spring Festival by table).
 */
final class DemoCalendar {

    static final int MONTHS = 36;

    /** First day of Spring Festival (春节); the holiday week starts on its eve. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2018, LocalDate.of(2018, 2, 16)), Map.entry(2019, LocalDate.of(2019, 2, 5)),
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2034, LocalDate.of(2034, 2, 19)), Map.entry(2035, LocalDate.of(2035, 2, 8)));

    final LocalDate endDate;
    final LocalDate lastDay;
    final LocalDateTime horizon;
    final YearMonth firstMonth;
    final YearMonth lastMonth;
    final LocalDate start;
    final List<YearMonth> months;
    /** The month the year-2 fee schedules start: the first January at least 12 months in. */
    final YearMonth rateChange;

    DemoCalendar(LocalDate endDate) {
        this.endDate = endDate;
        this.lastDay = endDate.minusDays(1);
        this.horizon = endDate.atStartOfDay();
        this.lastMonth = YearMonth.from(endDate);
        this.firstMonth = lastMonth.minusMonths(MONTHS - 1);
        this.start = firstMonth.atDay(1);
        List<YearMonth> list = new ArrayList<>();
        for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            list.add(m);
        }
        this.months = List.copyOf(list);
        YearMonth change = firstMonth.plusMonths(12);
        while (change.getMonthValue() != 1) {
            change = change.plusMonths(1);
        }
        this.rateChange = change;
    }

    /** Index of a month in the window (0 = first month); may be negative or >= 36. */
    int monthIndex(YearMonth m) {
        return (int) ChronoUnit.MONTHS.between(firstMonth, m);
    }

    boolean happened(LocalDate d) {
        return d != null && !d.isAfter(lastDay);
    }

    boolean happened(LocalDateTime t) {
        return t != null && t.isBefore(horizon);
    }

    /** The value if it happened before the horizon, else null (not yet happened). */
    LocalDateTime ifHappened(LocalDateTime t) {
        return happened(t) ? t : null;
    }

    boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    /** The day itself if it is a working day, else the next working day. */
    LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    boolean isHoliday(LocalDate d) {
        MonthDay md = MonthDay.from(d);
        if (md.equals(MonthDay.of(1, 1))) {
            return true;
        }
        if (d.getMonthValue() == 5 && d.getDayOfMonth() <= 3) {
            return true;
        }
        if (d.getMonthValue() == 10 && d.getDayOfMonth() <= 7) {
            return true;
        }
        LocalDate eve = springFestival(d.getYear()).minusDays(1);
        return !d.isBefore(eve) && d.isBefore(eve.plusDays(7));
    }

    /** True in the weeks around Spring Festival, when payments and complaints slow down. */
    boolean nearSpringFestival(LocalDate d) {
        LocalDate sf = springFestival(d.getYear());
        return Math.abs(ChronoUnit.DAYS.between(sf, d)) <= 12;
    }

    static LocalDate springFestival(int year) {
        return SPRING_FESTIVAL.getOrDefault(year, LocalDate.of(year, 2, 5));
    }

    /** The n-th (0-based) given weekday of a month. */
    static LocalDate nthWeekday(YearMonth m, DayOfWeek day, int n) {
        return m.atDay(1).with(TemporalAdjusters.firstInMonth(day)).plusWeeks(n);
    }

    /** Quarter month 1, 2 or 3 (the rulebook's calendar works on months 2 and 3). */
    static int monthOfQuarter(YearMonth m) {
        return (m.getMonthValue() - 1) % 3 + 1;
    }

    /** Monday of the week containing the day. */
    static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

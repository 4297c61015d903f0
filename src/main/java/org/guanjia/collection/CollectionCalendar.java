package org.guanjia.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collection calendar of the rulebook (十) as pure date arithmetic: which steps are open on
 * a day, each with its window. Quarters are calendar quarters (Q1 = January-March):
 * <ul>
 * <li>months 1 and 2: {@link CollectionStep#MONTHLY_CALLS} in week 3 (15th-21st);</li>
 * <li>month 2: {@link CollectionStep#REASON_FINDING} up to the 25th, from the 15th so that a
 * week-3 call that records the reason does both;</li>
 * <li>month 3: {@link CollectionStep#RECHECK_WEEK3} in week 3 (15th-21st; it takes the place
 * of that month's calls and covers a wider list: every unit still owing), then
 * {@link CollectionStep#RECHECK_WEEK4} and {@link CollectionStep#LAWYER_LETTERS} in week 4
 * (22nd-27th).</li>
 * </ul>
 * The days are {@link CollectionSettings}.
 */
public final class CollectionCalendar {

    private final CollectionSettings settings;

    public CollectionCalendar(CollectionSettings settings) {
        this.settings = settings;
    }

    /** 1, 2 or 3: the month's place in its quarter. */
    public static int monthOfQuarter(YearMonth month) {
        return (month.getMonthValue() - 1) % 3 + 1;
    }

    /** The windows of a month, in calendar order. */
    public List<StepWindow> windows(YearMonth month) {
        List<StepWindow> list = new ArrayList<>();
        switch (monthOfQuarter(month)) {
            case 1 -> list.add(window(CollectionStep.MONTHLY_CALLS, month, settings.callsFromDay(),
                    settings.callsToDay()));
            case 2 -> {
                list.add(window(CollectionStep.MONTHLY_CALLS, month, settings.callsFromDay(),
                        settings.callsToDay()));
                list.add(window(CollectionStep.REASON_FINDING, month, settings.reasonFromDay(),
                        settings.reasonToDay()));
            }
            default -> {
                list.add(window(CollectionStep.RECHECK_WEEK3, month, settings.recheckFromDay(),
                        settings.recheckToDay()));
                list.add(window(CollectionStep.RECHECK_WEEK4, month, settings.finalFromDay(),
                        settings.finalToDay()));
                list.add(window(CollectionStep.LAWYER_LETTERS, month, settings.finalFromDay(),
                        settings.finalToDay()));
            }
        }
        return list;
    }

    /** The steps open on the day. */
    public List<StepWindow> openOn(LocalDate day) {
        return windows(YearMonth.from(day)).stream().filter(w -> w.contains(day)).toList();
    }

    /** The first window that opens after the day (within the next three months). */
    public Optional<StepWindow> next(LocalDate day) {
        for (int i = 0; i <= 3; i++) {
            for (StepWindow w : windows(YearMonth.from(day).plusMonths(i))) {
                if (w.from().isAfter(day)) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }

    private static StepWindow window(CollectionStep step, YearMonth month, int from, int to) {
        return new StepWindow(step, month.atDay(Math.min(from, month.lengthOfMonth())),
                month.atDay(Math.min(to, month.lengthOfMonth())));
    }
}

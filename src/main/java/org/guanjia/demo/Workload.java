package org.guanjia.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts each butler's records per week while they are generated, so that the weekly and monthly
 * summaries can be drafted from the records (rulebook 九).
 */
final class Workload {

    enum Kind {
        PATROL, VISIT, INSPECTION, COMPLAINT, COLLECTION, DOCUMENT, REPAIR_VISIT
    }

    private static final int KINDS = Kind.values().length;

    private final LocalDate firstMonday;
    private final int weeks;
    private final Map<String, int[]> counts = new HashMap<>();

    Workload(DemoCalendar cal) {
        this.firstMonday = DemoCalendar.monday(cal.start);
        this.weeks = (int) ChronoUnit.WEEKS.between(firstMonday, cal.endDate) + 2;
    }

    void add(String staffCode, LocalDate day, Kind kind) {
        int week = week(day);
        if (staffCode == null || week < 0 || week >= weeks) {
            return;
        }
        counts.computeIfAbsent(staffCode, k -> new int[weeks * KINDS])[week * KINDS + kind.ordinal()]++;
    }

    /** The butler's count of a kind over the days from..to (whole weeks by their Monday). */
    int count(String staffCode, LocalDate from, LocalDate to, Kind kind) {
        int[] c = counts.get(staffCode);
        if (c == null) {
            return 0;
        }
        int sum = 0;
        for (int w = Math.max(0, week(from)); w <= Math.min(weeks - 1, week(to)); w++) {
            sum += c[w * KINDS + kind.ordinal()];
        }
        return sum;
    }

    private int week(LocalDate day) {
        return (int) ChronoUnit.WEEKS.between(firstMonday, DemoCalendar.monday(day));
    }
}

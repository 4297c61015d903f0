package org.guanjia.collection;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The collection calendar of the rulebook (十) and the late fee of lawyer's letters, as
 * settings under {@code guanjia.collection.*} (as environment variables by Spring's
 * rules, e.g. {@code GUANJIA_COLLECTION_CALLSFROMDAY}). Days are days of the month, inclusive; a day
 * past the end of a short month means its last day.
 *
 * @param callsFromDay     monthly calls to unpaid units, months 1 and 2 of a quarter: first day (15)
 * @param callsToDay       ... last day (21)
 * @param reasonFromDay    reason-finding in month 2 of a quarter: first day (15, with the calls)
 * @param reasonToDay      ... the deadline, "by the 25th" (25)
 * @param recheckFromDay   re-check of promises and service issues, month 3, week 3: first day (15)
 * @param recheckToDay     ... last day (21)
 * @param finalFromDay     re-check and lawyer's letters, month 3, week 4: first day (22)
 * @param finalToDay       ... last day (27)
 * @param lateFeeDailyRate late fee of a lawyer's letter per day, a fraction (0.0003 = 0.03 %)
 * @param lateFeeStartDays the late fee runs from this many days after the due date (1 = the day
 *                         after), up to and including the letter's date
 * @param letterPayWithinDays the days a lawyer's letter gives the owner to pay (15)
 */
@ConfigurationProperties(prefix = "guanjia.collection")
public record CollectionSettings(
        @DefaultValue("15") int callsFromDay, @DefaultValue("21") int callsToDay,
        @DefaultValue("15") int reasonFromDay, @DefaultValue("25") int reasonToDay,
        @DefaultValue("15") int recheckFromDay, @DefaultValue("21") int recheckToDay,
        @DefaultValue("22") int finalFromDay, @DefaultValue("27") int finalToDay,
        @DefaultValue("0.0003") BigDecimal lateFeeDailyRate, @DefaultValue("1") int lateFeeStartDays,
        @DefaultValue("15") int letterPayWithinDays) {

    public CollectionSettings {
        window("calls", callsFromDay, callsToDay);
        window("reason", reasonFromDay, reasonToDay);
        window("recheck", recheckFromDay, recheckToDay);
        window("final", finalFromDay, finalToDay);
        if (lateFeeDailyRate == null || lateFeeDailyRate.signum() < 0
                || lateFeeDailyRate.compareTo(BigDecimal.ONE) > 0
                || lateFeeDailyRate.stripTrailingZeros().scale() > 4) {
            // lawyer_letters.late_fee_rate is DECIMAL(12,4) in [0, 1]
            throw new IllegalArgumentException("guanjia.collection.late-fee-daily-rate must be a "
                    + "fraction between 0 and 1 with at most 4 decimals: " + lateFeeDailyRate);
        }
        if (lateFeeStartDays < 0) {
            throw new IllegalArgumentException("guanjia.collection.late-fee-start-days must be >= 0");
        }
        if (letterPayWithinDays < 1) {
            throw new IllegalArgumentException("guanjia.collection.letter-pay-within-days must be >= 1");
        }
    }

    /** The rulebook's calendar and 0.03 % a day from the day after the due date. */
    public static CollectionSettings defaults() {
        return new CollectionSettings(15, 21, 15, 25, 15, 21, 22, 27, new BigDecimal("0.0003"), 1,
                15);
    }

    private static void window(String name, int from, int to) {
        if (from < 1 || to > 31 || from > to) {
            throw new IllegalArgumentException("guanjia.collection." + name
                    + "-from-day/-to-day must satisfy 1 <= from <= to <= 31: " + from + ", " + to);
        }
    }
}

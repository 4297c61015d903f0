package org.guanjia.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One dataset request, the same for the CLI and the API: {@code by} (scope), {@code grain},
 * the months {@code from}..{@code to}, the as-of date (null = today) and an estate filter.
 * For {@code aging} without from/to, grain is null: one snapshot on the as-of date.
 *
 * @param dataset the dataset
 * @param by      estate, cluster, building or butler
 * @param grain   month, quarter or year; null only for an aging snapshot
 * @param from    first month (null only for an aging snapshot)
 * @param to      last month (null only for an aging snapshot)
 * @param asOf    the as-of date D, null = today (the estates' local day)
 * @param estate  an estate code to keep only that estate's scopes, or null
 */
public record KpiQuery(Dataset dataset, String by, String grain, YearMonth from, YearMonth to,
        LocalDate asOf, String estate) {

    public static final List<String> GRAINS = List.of("month", "quarter", "year");
    /** With ISO weeks, for the datasets that accept them ({@link Dataset#grains()}). */
    public static final List<String> GRAINS_WITH_WEEK = List.of("month", "quarter", "year", "week");

    /** Longest range accepted, in months (a guard against runaway requests). */
    static final int MAX_MONTHS = 240;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * Checks raw parameters (null or blank = not given) and builds the query; throws a
     * {@link KpiParameterException} naming the first bad parameter.
     */
    public static KpiQuery parse(String dataset, String by, String grain, String from, String to,
            String asOf, String estate) {
        Dataset d = Dataset.of(blankToNull(dataset) == null ? "" : dataset.strip())
                .orElseThrow(() -> new KpiParameterException("dataset", "unknown dataset '"
                        + dataset + "' (one of " + Dataset.codes() + ")"));
        String scope = blankToNull(by) == null ? d.scopes().get(0) : by.strip();
        if (!d.scopes().contains(scope)) {
            throw new KpiParameterException("by", "must be one of " + String.join(", ",
                    d.scopes()) + " for " + d.code() + ", not '" + by + "'");
        }
        LocalDate day = null;
        if (blankToNull(asOf) != null) {
            try {
                day = LocalDate.parse(asOf.strip(), DATE);
            } catch (DateTimeParseException e) {
                throw new KpiParameterException("as-of", "must be a date yyyy-MM-dd, not '"
                        + asOf + "'");
            }
        }
        String g = blankToNull(grain);
        boolean snapshot = d == Dataset.AGING && g == null && blankToNull(from) == null
                && blankToNull(to) == null;
        if (snapshot) {
            return new KpiQuery(d, scope, null, null, null, day, blankToNull(estate));
        }
        if (g == null) {
            g = "month";
        } else if (!d.grains().contains(g.strip())) {
            throw new KpiParameterException("grain", "must be one of " + String.join(", ",
                    d.grains()) + " for " + d.code() + ", not '" + grain + "'");
        }
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw new KpiParameterException("to", "must not be before from (" + first + ")");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new KpiParameterException("to", "the range may span at most " + MAX_MONTHS
                    + " months");
        }
        return new KpiQuery(d, scope, g.strip(), first, last, day, blankToNull(estate));
    }

    private static YearMonth month(String name, String value) {
        if (blankToNull(value) == null) {
            throw new KpiParameterException(name, "is required (a month yyyy-MM)");
        }
        String v = value.strip();
        if (MONTH.matcher(v).matches()) {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new KpiParameterException(name, "must be a month yyyy-MM, not '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

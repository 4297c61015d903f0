package org.guanjia.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.analytics.KpiQuery;

/**
 * The filter values of one dashboard view, typed: they become fields of the KPI query and
 * bind values of the record queries (never SQL text). Kept in the URL query string.
 *
 * @param grain    month, quarter or year
 * @param from     first month of the range
 * @param to       last month of the range
 * @param estate   estate code or null
 * @param cluster  cluster code or null
 * @param building building code or null
 * @param butler   butler staff code or null
 * @param category complaint category or null
 */
public record Filters(String grain, YearMonth from, YearMonth to, String estate, String cluster,
        String building, String butler, String category) {

    public static final List<String> PARAMS = List.of("grain", "from", "to", "estate", "cluster",
            "building", "butler", "category");

    /** The dashboard's defaults: its period (grain, last n months up to today's month). */
    public static Filters defaults(Dashboard d, LocalDate today) {
        String[] p = d.filters().getOrDefault("period", "month,12").split(",");
        String grain = p[0];
        YearMonth to = YearMonth.from(today);
        YearMonth from = to.minusMonths(Integer.parseInt(p[1]) - 1L);
        if (grain.equals("quarter")) {
            from = YearMonth.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1);
        } else if (grain.equals("year")) {
            from = YearMonth.of(from.getYear(), 1);
        }
        return new Filters(grain, from, to, value(d, "estate"), value(d, "cluster"),
                value(d, "building"), value(d, "butler"), value(d, "category"));
    }

    private static String value(Dashboard d, String name) {
        String v = d.filters().get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * Reads the URL parameters over the defaults; a parameter the dashboard does not declare or
     * a malformed value is ignored (the default stays).
     */
    public static Filters fromParams(Dashboard d, Map<String, List<String>> params,
            LocalDate today) {
        Filters f = defaults(d, today);
        for (String name : PARAMS) {
            List<String> v = params.get(name);
            if (v != null && !v.isEmpty()) {
                f = f.with(name, v.get(0), d);
            }
        }
        return f;
    }

    /** A copy with one value changed (blank = cleared); an undeclared filter is left as is. */
    public Filters with(String name, String value, Dashboard d) {
        String v = value == null || value.isBlank() ? null : value.strip();
        boolean period = name.equals("grain") || name.equals("from") || name.equals("to");
        if (!d.filters().containsKey(period ? "period" : name)) {
            return this;
        }
        try {
            return switch (name) {
                case "grain" -> v != null && d.grains().contains(v)
                        ? new Filters(v, from, to, estate, cluster, building, butler, category) : this;
                case "from" -> v == null ? this : ordered(YearMonth.parse(v), to);
                case "to" -> v == null ? this : ordered(from, YearMonth.parse(v));
                case "estate" -> new Filters(grain, from, to, v, cluster, building, butler, category);
                case "cluster" -> new Filters(grain, from, to, estate, v, building, butler, category);
                case "building" -> new Filters(grain, from, to, estate, cluster, v, butler, category);
                case "butler" -> new Filters(grain, from, to, estate, cluster, building, v, category);
                case "category" -> new Filters(grain, from, to, estate, cluster, building, butler, v);
                default -> this;
            };
        } catch (DateTimeParseException e) {
            return this;
        }
    }

    private Filters ordered(YearMonth a, YearMonth b) {
        return b.isBefore(a) ? this : new Filters(grain, a, b, estate, cluster, building, butler,
                category);
    }

    /** The values as URL parameters (only those set). */
    public Map<String, String> toParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("grain", grain);
        m.put("from", from.toString());
        m.put("to", to.toString());
        put(m, "estate", estate);
        put(m, "cluster", cluster);
        put(m, "building", building);
        put(m, "butler", butler);
        put(m, "category", category);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    public String get(String name) {
        return toParams().get(name);
    }

    /** One grain earlier than {@code from} (tiles compare the last period with the one before). */
    public YearMonth fromOneEarlier() {
        return oneEarlier(from);
    }

    /** One grain earlier than {@code to}: a tile's query on the page starts there. */
    public YearMonth toOneEarlier() {
        return oneEarlier(to);
    }

    private YearMonth oneEarlier(YearMonth m) {
        return switch (grain) {
            case "quarter" -> m.minusMonths(3);
            case "year" -> m.minusYears(1);
            // for weeks too: the month before holds the week before the month's first week
            default -> m.minusMonths(1);
        };
    }
}

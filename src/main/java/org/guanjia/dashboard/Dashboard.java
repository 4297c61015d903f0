package org.guanjia.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.base.Role;

/**
 * One dashboard file of {@code dashboards/}, checked by {@link DashboardLoader}: its title per
 * language, the filters it declares (inputs that become typed query fields) and its panels.
 *
 * @param id      the file name without {@code .yaml}; the route is {@code dashboards/<id>}
 * @param order   position in the index
 * @param title   title per language tag: en, zh_CN, zh_TW
 * @param roles   who may open it
 * @param filters the declared filters, with their defaults
 * @param panels  the panels in reading order
 */
public record Dashboard(String id, int order, Map<String, String> title, Set<Role> roles,
        Map<String, String> filters, List<Panel> panels) {

    /** The filters a file may declare: each maps to a typed field of {@link Filters}. */
    public static final List<String> FILTERS = List.of("period", "estate", "cluster", "building",
            "butler", "category");

    /** The languages every title needs. */
    public static final List<String> LANGUAGES = List.of("en", "zh_CN", "zh_TW");

    public String title(Locale locale) {
        return localized(title, locale);
    }

    public Panel panel(String panelId) {
        return panels.stream().filter(p -> p.id().equals(panelId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no panel " + panelId));
    }

    static String localized(Map<String, String> texts, Locale locale) {
        String tag = locale == null ? "en" : locale.getLanguage().equals("zh")
                ? ("TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry())
                        || "Hant".equals(locale.getScript()) ? "zh_TW" : "zh_CN")
                : "en";
        return texts.getOrDefault(tag, texts.get("en"));
    }

    /** Chart types a panel may use. */
    public enum Chart {
        TILE, LINE, BAR, STACKED_BAR, PIE, DONUT, HEATMAP, GAUGE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Number formats: percent of a 0..1 rate, money (2 decimals), number, hours, minutes. */
    public enum Format {
        PERCENT, MONEY, NUMBER, HOURS, MINUTES, SCORE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Sums of this kind are meaningful when rows are combined. */
        public boolean additive() {
            return this == MONEY || this == NUMBER;
        }
    }

    /**
     * What the panel's x axis (or slices) are: periods, scope objects (by), complaint
     * categories, or the measures themselves (e.g. the aging buckets as slices).
     */
    public enum Dimension {
        PERIOD, SCOPE, CATEGORY, MEASURE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Record lists a click may open (the records view {@code records/<kind>}). */
    public enum DrillTarget {
        STATEMENTS, COMPLAINTS, REPAIRS, UNITS, INSPECTIONS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One panel.
     *
     * @param id          unique within the dashboard (used in ids and export file names)
     * @param title       title per language
     * @param dataset     KPI dataset code (analytics.Dataset)
     * @param measures    figure columns of the dataset shown
     * @param ratio       optional [numerator, denominator] columns to combine several rows
     *                    into one rate (e.g. collected_in_period / billed); empty = none
     * @param dimension   x axis / slices
     * @param by          scope of the rows: estate, cluster, building, butler
     * @param chart       chart type
     * @param format      number format of the measures
     * @param target      a target value (tile, gauge, target line), or null
     * @param warn        threshold below which (above, if lowerIsBetter) a value is amber
     * @param bad         threshold for red
     * @param lowerIsBetter true when a smaller figure is better (arrears, vacancy, hours)
     * @param size        width in columns of a 12-column grid
     * @param drill       the record list a click opens, or null
     * @param crossFilter a click on a building (or cluster) may filter the whole dashboard
     * @param uses        the dashboard filters that apply to this panel
     */
    /**
     * The grains every panel's dataset accepts (ISO weeks only when all panels read datasets
     * that have them, e.g. the butler workload), in the order month, quarter, year, week.
     */
    public List<String> grains() {
        List<String> grains = new ArrayList<>(KpiQuery.GRAINS_WITH_WEEK);
        for (Panel p : panels) {
            Dataset.of(p.dataset()).ifPresent(d -> grains.retainAll(d.grains()));
        }
        return List.copyOf(grains);
    }

    public record Panel(String id, Map<String, String> title, String dataset,
            List<String> measures, List<String> ratio, Dimension dimension, String by,
            Chart chart, Format format, BigDecimal target, BigDecimal warn, BigDecimal bad,
            boolean lowerIsBetter, int size, DrillTarget drill, boolean crossFilter,
            Set<String> uses) {

        public String title(Locale locale) {
            return localized(title, locale);
        }
    }
}

package org.guanjia.dashboard.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.guanjia.dashboard.Dashboard.Chart;
import org.guanjia.dashboard.Dashboard.Dimension;
import org.guanjia.dashboard.Dashboard.Format;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.PanelData;
import org.guanjia.dashboard.ValueFormat;

/**
 * Builds the ECharts option of a panel from its data. Every clickable item carries a
 * {@code drill} string (URL parameters: period and the scope object or category it stands
 * for) that the view turns into a records link or a cross-filter.
 */
final class ChartOptions {

    static final String GOOD = "#2e7d32";
    static final String WARN = "#f9a825";
    static final String BAD = "#c62828";
    static final String[] PALETTE = {"#1565c0", "#00897b", "#f9a825", "#8e24aa", "#e64a19",
        "#546e7a", "#43a047", "#d81b60"};

    private ChartOptions() {
    }

    static Map<String, Object> of(PanelData data, Function<String, String> label) {
        Panel p = data.panel();
        return switch (p.chart()) {
            case PIE, DONUT -> pie(data, label);
            case HEATMAP -> heatmap(data);
            case GAUGE -> gauge(data);
            default -> p.dimension() == Dimension.SCOPE ? byScope(data, label)
                    : p.dimension() == Dimension.CATEGORY || p.dimension() == Dimension.MEASURE
                    ? pieAsBars(data, label) : byPeriod(data, label);
        };
    }

    private static Map<String, Object> base() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("color", PALETTE);
        o.put("animation", false);
        o.put("tooltip", Map.of("trigger", "item", "confine", true));
        return o;
    }

    private static Map<String, Object> grid(boolean legend) {
        return Map.of("left", 8, "right", 16, "top", legend ? 36 : 16, "bottom", 8,
                "containLabel", true);
    }

    private static Map<String, Object> valueAxis(Format f) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        if (f == Format.PERCENT) {
            axis.put("axisLabel", Map.of("formatter", "{value}%"));
        }
        return axis;
    }

    private static Map<String, Object> byPeriod(PanelData data, Function<String, String> label) {
        Panel p = data.panel();
        List<String> periods = data.periods();
        List<Map<String, Object>> series = new ArrayList<>();
        if (data.perScopeSeries()) {
            for (String measure : p.measures()) {
                for (String scope : data.scopes()) {
                    List<Object> values = new ArrayList<>();
                    for (String period : periods) {
                        values.add(item(p, data.value(measure, period, scope),
                                "period=" + period + "&" + data.by() + "=" + scope));
                    }
                    series.add(series(p, (p.measures().size() > 1 ? label.apply(measure) + " · "
                            : "") + scope, values));
                }
            }
        } else {
            for (String measure : p.measures()) {
                List<Object> values = new ArrayList<>();
                for (String period : periods) {
                    values.add(item(p, data.value(measure, period, null), "period=" + period));
                }
                series.add(series(p, label.apply(measure), values));
            }
        }
        targetLine(p, series);
        Map<String, Object> o = base();
        o.put("tooltip", Map.of("trigger", "axis", "confine", true));
        o.put("legend", Map.of("type", "scroll", "top", 0));
        o.put("grid", grid(true));
        o.put("xAxis", Map.of("type", "category", "data", periods));
        o.put("yAxis", valueAxis(p.format()));
        o.put("series", series);
        return o;
    }

    private static Map<String, Object> byScope(PanelData data, Function<String, String> label) {
        Panel p = data.panel();
        String period = data.lastPeriod();
        List<String> scopes = data.scopes();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String measure : p.measures()) {
            List<Object> values = new ArrayList<>();
            for (String scope : scopes) {
                BigDecimal v = data.value(measure, period, scope);
                Map<String, Object> item = item(p, v, "period=" + period + "&" + data.by() + "="
                        + scope);
                String color = p.measures().size() == 1 ? color(p, v) : null;
                if (color != null) {
                    item.put("itemStyle", Map.of("color", color));
                }
                values.add(item);
            }
            series.add(series(p, label.apply(measure), values));
        }
        targetLine(p, series);
        Map<String, Object> o = base();
        o.put("legend", Map.of("type", "scroll", "top", 0, "show", p.measures().size() > 1));
        o.put("xAxis", Map.of("type", "category", "data", scopes,
                "axisLabel", Map.of("interval", 0, "rotate", scopes.size() > 8 ? 45 : 0)));
        o.put("yAxis", valueAxis(p.format()));
        o.put("series", series);
        if (scopes.size() > MAX_BARS) {
            // thousands of buildings: the first 20 in view, a slider (and the wheel or a
            // swipe) for the rest; ECharts then draws only the bars in view
            Map<String, Object> grid = new LinkedHashMap<>(grid(p.measures().size() > 1));
            grid.put("bottom", 40);
            o.put("grid", grid);
            o.put("dataZoom", List.of(
                    Map.of("type", "slider", "xAxisIndex", 0, "startValue", 0,
                            "endValue", BARS_IN_VIEW - 1, "height", 16, "bottom", 8,
                            "showDetail", false),
                    Map.of("type", "inside", "xAxisIndex", 0, "zoomOnMouseWheel", false,
                            "moveOnMouseWheel", true)));
        } else {
            o.put("grid", grid(p.measures().size() > 1));
        }
        return o;
    }

    /** Bars by scope shown at once; more get a slider (a chart by building at 500,000 units). */
    static final int MAX_BARS = 40;

    /** With a slider, the bars in view at first (their rotated labels still readable). */
    static final int BARS_IN_VIEW = 20;

    private static Map<String, Object> series(Panel p, String name, List<Object> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", p.chart() == Chart.LINE ? "line" : "bar");
        if (p.chart() == Chart.STACKED_BAR) {
            s.put("stack", "total");
        }
        if (p.chart() == Chart.LINE) {
            s.put("symbolSize", 8);
        }
        if (p.chart() == Chart.BAR) {
            // a building at 0 % still shows (and can be clicked to see why)
            s.put("barMinHeight", 3);
        }
        s.put("data", values);
        return s;
    }

    private static void targetLine(Panel p, List<Map<String, Object>> series) {
        if (p.target() != null && !series.isEmpty()) {
            series.get(0).put("markLine", Map.of("silent", true, "symbol", "none",
                    "lineStyle", Map.of("type", "dashed", "color", BAD),
                    "data", List.of(Map.of("yAxis", ValueFormat.chartValue(p.format(),
                            p.target()))), "label", Map.of("formatter", "{c}")));
        }
    }

    private static Map<String, Object> item(Panel p, BigDecimal v, String drill) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", ValueFormat.chartValue(p.format(), v));
        item.put("drill", drill);
        return item;
    }

    /** Slices: categories (summed over the range) or the measures (at the last period). */
    private static List<Map<String, Object>> slices(PanelData data,
            Function<String, String> label) {
        Panel p = data.panel();
        List<Map<String, Object>> items = new ArrayList<>();
        if (p.dimension() == Dimension.CATEGORY) {
            List<String> periods = data.periods();
            String range = periods.isEmpty() ? "" : "from=" + periods.get(0) + "&to="
                    + periods.get(periods.size() - 1) + "&";
            data.categoryTotals().forEach((c, v) -> {
                Map<String, Object> item = item(p, v, range + "category=" + c);
                item.put("name", label.apply("category." + c));
                items.add(item);
            });
        } else {
            String period = data.lastPeriod();
            for (String measure : p.measures()) {
                Map<String, Object> item = item(p, data.value(measure, period, null),
                        "period=" + period);
                item.put("name", label.apply(measure));
                items.add(item);
            }
        }
        return items;
    }

    private static Map<String, Object> pie(PanelData data, Function<String, String> label) {
        Panel p = data.panel();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "pie");
        s.put("radius", p.chart() == Chart.DONUT ? List.of("45%", "70%") : "70%");
        s.put("center", List.of("50%", "55%"));
        s.put("data", slices(data, label));
        s.put("label", Map.of("formatter", "{b}: {d}%"));
        Map<String, Object> o = base();
        o.put("series", List.of(s));
        return o;
    }

    private static Map<String, Object> pieAsBars(PanelData data, Function<String, String> label) {
        Panel p = data.panel();
        List<Map<String, Object>> items = slices(data, label);
        Map<String, Object> o = base();
        o.put("grid", grid(false));
        o.put("xAxis", Map.of("type", "category", "data", items.stream().map(i -> i.get("name"))
                .toList(), "axisLabel", Map.of("interval", 0, "rotate", items.size() > 6 ? 30 : 0)));
        o.put("yAxis", valueAxis(p.format()));
        o.put("series", List.of(Map.of("type", "bar", "data", items)));
        return o;
    }

    private static Map<String, Object> heatmap(PanelData data) {
        Panel p = data.panel();
        String measure = p.measures().get(0);
        List<String> periods = data.periods();
        List<String> scopes = data.scopes();
        List<Object> cells = new ArrayList<>();
        BigDecimal min = null;
        BigDecimal max = null;
        for (int x = 0; x < periods.size(); x++) {
            for (int y = 0; y < scopes.size(); y++) {
                BigDecimal v = ValueFormat.chartValue(p.format(),
                        data.value(measure, periods.get(x), scopes.get(y)));
                if (v == null) {
                    continue;
                }
                min = min == null || v.compareTo(min) < 0 ? v : min;
                max = max == null || v.compareTo(max) > 0 ? v : max;
                cells.add(Map.of("value", List.of(x, y, v), "drill", "period=" + periods.get(x)
                        + "&" + data.by() + "=" + scopes.get(y)));
            }
        }
        Map<String, Object> o = base();
        o.put("grid", Map.of("left", 8, "right", 8, "top", 8, "bottom", 48, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", periods, "splitArea", Map.of("show", true)));
        o.put("yAxis", Map.of("type", "category", "data", scopes, "splitArea", Map.of("show", true)));
        List<String> colors = p.lowerIsBetter() ? List.of(GOOD, WARN, BAD) : List.of(BAD, WARN, GOOD);
        o.put("visualMap", Map.of("min", min == null ? 0 : min, "max", max == null ? 1 : max,
                "calculable", true, "orient", "horizontal", "left", "center", "bottom", 0,
                "itemHeight", 120, "inRange", Map.of("color", colors)));
        o.put("series", List.of(Map.of("type", "heatmap", "data", cells,
                "label", Map.of("show", periods.size() <= 6 && scopes.size() <= 12))));
        return o;
    }

    private static Map<String, Object> gauge(PanelData data) {
        Panel p = data.panel();
        String period = data.lastPeriod();
        BigDecimal v = ValueFormat.chartValue(p.format(),
                data.value(p.measures().get(0), period, null));
        BigDecimal max = p.format() == Format.PERCENT ? BigDecimal.valueOf(100)
                : p.target() != null ? p.target().multiply(BigDecimal.valueOf(1.5))
                : v == null ? BigDecimal.ONE : v.multiply(BigDecimal.valueOf(1.5));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "gauge");
        s.put("min", 0);
        s.put("max", max);
        s.put("progress", Map.of("show", true, "width", 14));
        s.put("axisLine", Map.of("lineStyle", Map.of("width", 14)));
        s.put("itemStyle", Map.of("color", color(p, data.value(p.measures().get(0), period,
                null)) == null ? PALETTE[0] : color(p, data.value(p.measures().get(0), period, null))));
        s.put("detail", Map.of("valueAnimation", false, "fontSize", 22, "offsetCenter",
                List.of(0, "0%"), "formatter", p.format() == Format.PERCENT ? "{value}%" : "{value}"));
        s.put("splitLine", Map.of("show", false));
        s.put("axisTick", Map.of("show", false));
        s.put("axisLabel", Map.of("show", false));
        s.put("pointer", Map.of("show", false));
        s.put("radius", "95%");
        s.put("center", List.of("50%", "60%"));
        s.put("data", List.of(item(p, data.value(p.measures().get(0), period, null),
                "period=" + period)));
        Map<String, Object> o = base();
        o.put("series", List.of(s));
        return o;
    }

    /** Threshold colour of a value, or null when the panel has no thresholds. */
    static String color(Panel p, BigDecimal v) {
        if (v == null || (p.warn() == null && p.bad() == null)) {
            return null;
        }
        int sign = p.lowerIsBetter() ? -1 : 1;
        if (p.bad() != null && v.compareTo(p.bad()) * sign < 0) {
            return BAD;
        }
        if (p.warn() != null && v.compareTo(p.warn()) * sign < 0) {
            return WARN;
        }
        return GOOD;
    }
}

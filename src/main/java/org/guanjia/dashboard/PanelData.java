package org.guanjia.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.guanjia.analytics.KpiTable;
import org.guanjia.dashboard.Dashboard.Panel;

/**
 * The rows of one panel (already filtered to the dashboard's filters and the user's scope) and
 * the ways a chart reads them: one value per period, per scope object, per category or per
 * measure. Several rows are combined by summing money and counts, or by the panel's ratio;
 * a rate without a ratio over several rows has no combined value (null).
 */
public final class PanelData {

    private final Panel panel;
    private final String by;
    private final KpiTable table;

    /**
     * The rows by period and scope code, built on first use: a chart by building asks for every
     * building's value, and filtering all rows for each (3,334 buildings x 13 periods at 500,000
     * units) took longer than computing the figures.
     */
    private Map<String, Map<String, List<List<Object>>>> index;

    /**
     * @param panel the panel
     * @param by    the scope actually queried (a building filter turns estate rows into building
     *              rows)
     * @param table the KPI rows, as KpiService returned them (minus rows outside the filters)
     */
    public PanelData(Panel panel, String by, KpiTable table) {
        this.panel = panel;
        this.by = by;
        this.table = table;
    }

    public Panel panel() {
        return panel;
    }

    public String by() {
        return by;
    }

    public KpiTable table() {
        return table;
    }

    public int col(String name) {
        return table.columns().indexOf(name);
    }

    /** The period column: {@code period} (aging has it too with a grain), else as_of. */
    private int periodCol() {
        int p = col("period");
        return p >= 0 ? p : col("as_of");
    }

    public List<String> periods() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        int p = periodCol();
        table.rows().forEach(r -> s.add(String.valueOf(r.get(p))));
        return s.stream().sorted().toList();
    }

    public List<String> scopes() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        int c = col("scope_code");
        table.rows().forEach(r -> s.add((String) r.get(c)));
        return s.stream().sorted().toList();
    }

    public String lastPeriod() {
        List<String> p = periods();
        return p.isEmpty() ? null : p.get(p.size() - 1);
    }

    public String previousPeriod() {
        List<String> p = periods();
        return p.size() < 2 ? null : p.get(p.size() - 2);
    }

    private List<List<Object>> rows(String period, String scope) {
        if (period == null || scope == null) {
            int p = periodCol();
            int c = col("scope_code");
            return table.rows().stream()
                    .filter(r -> period == null || period.equals(String.valueOf(r.get(p))))
                    .filter(r -> scope == null || scope.equals(r.get(c))).toList();
        }
        if (index == null) {
            int p = periodCol();
            int c = col("scope_code");
            Map<String, Map<String, List<List<Object>>>> built = new HashMap<>();
            for (List<Object> r : table.rows()) {
                built.computeIfAbsent(String.valueOf(r.get(p)), k -> new HashMap<>())
                        .computeIfAbsent(String.valueOf(r.get(c)), k -> new ArrayList<>()).add(r);
            }
            index = built;
        }
        return index.getOrDefault(period, Map.of()).getOrDefault(scope, List.of());
    }

    /** The measure over all rows of the period (and scope, if given), combined. */
    public BigDecimal value(String measure, String period, String scope) {
        return combine(rows(period, scope), measure);
    }

    /** Combines rows: one row as is; several by the ratio or, for sums, by adding. */
    public BigDecimal combine(List<List<Object>> rows, String measure) {
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() == 1) {
            return number(rows.get(0).get(col(measure)));
        }
        if (panel.ratio().size() == 2 && measure.equals(panel.measures().get(0))) {
            BigDecimal num = sum(rows, panel.ratio().get(0));
            BigDecimal den = sum(rows, panel.ratio().get(1));
            return den == null || den.signum() == 0 ? null : num.divide(den, 4, RoundingMode.HALF_UP);
        }
        if (panel.format().additive()) {
            return sum(rows, measure);
        }
        return null;
    }

    private BigDecimal sum(List<List<Object>> rows, String measure) {
        int i = col(measure);
        BigDecimal total = BigDecimal.ZERO;
        boolean any = false;
        for (List<Object> r : rows) {
            BigDecimal v = number(r.get(i));
            if (v != null) {
                total = total.add(v);
                any = true;
            }
        }
        return any ? total : null;
    }

    /** Whether several scope rows per period cannot be combined (one series per scope then). */
    public boolean perScopeSeries() {
        return scopes().size() > 1 && panel.ratio().isEmpty() && !panel.format().additive();
    }

    /** complaint_categories: the complaints per category over all periods and scope rows. */
    public Map<String, BigDecimal> categoryTotals() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        int c = col("category");
        int m = col(panel.measures().get(0));
        for (List<Object> r : table.rows()) {
            BigDecimal v = number(r.get(m));
            if (v != null) {
                out.merge(String.valueOf(r.get(c)), v, BigDecimal::add);
            }
        }
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(out.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed());
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        sorted.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    public static BigDecimal number(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(v.toString());
    }
}

package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.guanjia.base.ui.EChart;
import org.guanjia.dashboard.Dashboard.Chart;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.PanelData;
import org.guanjia.dashboard.ValueFormat;

/** One panel: its title, an export menu, and a KPI tile or an ECharts chart. */
class PanelCard extends Div {

    /** A tile's lines per scope object at most (the worst first when there are more). */
    static final int TILE_LINES = 5;

    private final DashboardView view;
    private final Panel panel;
    private final Div body = new Div();
    private EChart chart;
    private PanelData data;

    PanelCard(DashboardView view, Panel panel) {
        this.view = view;
        this.panel = panel;
        setId("panel-" + panel.id());
        addClassNames("dash-panel", "dash-span-" + panel.size());
        H3 title = new H3(panel.title(getLocale()));
        HorizontalLayout head = new HorizontalLayout(title, exportMenu());
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setSpacing(false);
        body.setWidthFull();
        add(head, body);
    }

    Panel panel() {
        return panel;
    }

    PanelData data() {
        return data;
    }

    EChart chart() {
        return chart;
    }

    boolean hasChart() {
        return chart != null;
    }

    /**
     * The export button and its menu (PNG and SVG for a chart, CSV and XLSX always), opened by a
     * click. A plain button with a context menu rather than a menu bar: a dashboard's ten menu
     * bars measured their overflow and built their buttons at every opening (35 ms of the time
     * until the view shows, 18 ms of the browser's work, 13 ms of the server's answer: medians of
     * the five dashboards at scale 1, docs/performance.md).
     */
    private Button exportMenu() {
        Button button = new Button(VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON,
                ButtonVariant.LUMO_SMALL);
        button.setId("export-" + panel.id());
        button.setAriaLabel(getTranslation("dash.export.menu"));
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        menu.setId("export-menu-" + panel.id());
        String base = view.dashboard().id() + "-" + panel.id();
        if (panel.chart() != Chart.TILE) {
            menu.addItem("PNG", e -> chart.image("png", url -> Downloads.sendUrl(this, url,
                    base + ".png"))).setId("png-" + panel.id());
            menu.addItem("SVG", e -> chart.image("svg", url -> Downloads.sendUrl(this, url,
                    base + ".svg"))).setId("svg-" + panel.id());
        }
        menu.addItem("CSV", e -> Downloads.send(this, view.exports().csv(view.dashboard(), panel,
                view.filters(), getLocale()), "text/csv", base + ".csv")).setId("csv-" + panel.id());
        menu.addItem("XLSX", e -> Downloads.send(this, view.exports().xlsx(view.dashboard(), panel,
                view.filters(), getLocale()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx"))
                .setId("xlsx-" + panel.id());
        return button;
    }

    /** Characters beyond which a tile's value is set in smaller type ("397,137,389.53"). */
    static final int LONG_TILE_VALUE = 10;

    /** While the figures are computed: a still placeholder and "Computing…" (see show). */
    void showLoading() {
        this.data = null;
        body.removeAll();
        chart = null;
        // a still placeholder: the dashboard's one progress bar moves (DashboardView.computing)
        Div placeholder = new Div();
        placeholder.addClassName("dash-placeholder");
        Span text = new Span(getTranslation("dash.panel.loading"));
        text.addClassName("dash-tile-sub");
        Div loading = new Div(placeholder, text);
        loading.addClassName("dash-loading");
        loading.setId("loading-" + panel.id());
        if (panel.chart() != Chart.TILE && panel.chart() != Chart.GAUGE) {
            // the chart's height: the page does not jump when the charts arrive
            loading.setMinHeight("17rem");
        }
        body.add(loading);
    }

    void showError(String message) {
        body.removeAll();
        chart = null;
        Span s = new Span(getTranslation("dash.panel.error", message));
        s.addClassName("dash-error");
        s.getStyle().set("color", "var(--lumo-error-text-color)");
        body.add(s);
    }

    void show(PanelData d) {
        this.data = d;
        body.removeAll();
        chart = null;
        if (d.table().rows().isEmpty()) {
            Span none = new Span(getTranslation("dash.panel.empty"));
            none.addClassName("dash-tile-sub");
            body.add(none);
            return;
        }
        if (panel.chart() == Chart.TILE || (panel.chart() == Chart.GAUGE
                && d.value(panel.measures().get(0), d.lastPeriod(), null) == null)) {
            // a gauge needs one value; rows that cannot be combined show as a tile's lines
            body.add(tile(d));
            return;
        }
        chart = new EChart();
        chart.setId("chart-" + panel.id());
        chart.setHeight(panel.chart() == Chart.GAUGE ? "11rem"
                : panel.chart() == Chart.HEATMAP ? Math.min(28, Math.max(16, 6 + d.scopes().size() * 1.4)) + "rem"
                : "17rem");
        chart.setOption(ChartOptions.of(d, this::label));
        chart.addChartClickListener(e -> clicked(e.drill()));
        body.add(chart);
    }

    String label(String key) {
        if (key.startsWith("category.")) {
            // categories are data: one without a translation shows as it is stored
            String code = key.substring("category.".length());
            return CATEGORIES.contains(code) ? getTranslation("dash." + key) : code;
        }
        return getTranslation("dash.col." + key);
    }

    private static final java.util.Set<String> CATEGORIES = java.util.Set.of("security",
            "cleaning", "greening", "engineering", "noise", "parking", "fees", "staff",
            "neighbour", "decoration", "other");

    /** A click: a building/cluster of a cross-filter panel asks "filter or records". */
    void clicked(String drill) {
        if (drill == null || drill.isEmpty()) {
            return;
        }
        String scopeKey = data.by() + "=";
        if (panel.crossFilter() && drill.contains(scopeKey)) {
            String code = drill.substring(drill.indexOf(scopeKey) + scopeKey.length()).split("&")[0];
            if (panel.drill() == null) {
                view.apply(data.by(), code);
                return;
            }
            Dialog ask = new Dialog();
            ask.setId("click-dialog");
            ask.setHeaderTitle(code);
            Button filter = new Button(getTranslation("dash.click.filter", code), e -> {
                ask.close();
                view.apply(data.by(), code);
            });
            filter.setId("click-filter");
            Button records = new Button(getTranslation("dash.click.records"), e -> {
                ask.close();
                view.drill(panel, drill);
            });
            records.setId("click-records");
            records.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            ask.getFooter().add(filter, records);
            ask.open();
            return;
        }
        view.drill(panel, drill);
    }

    private Div tile(PanelData d) {
        String measure = panel.measures().get(0);
        String last = d.lastPeriod();
        String prev = d.previousPeriod();
        Div box = new Div();
        box.setId("tile-" + panel.id());
        if (d.perScopeSeries() && d.value(measure, last, null) == null) {
            // several estates and a rate that cannot be added up: one line each, the worst
            // TILE_LINES first when there are more (25 estates would make the tile a column)
            List<String> scopes = new ArrayList<>(d.scopes());
            if (scopes.size() > TILE_LINES) {
                Comparator<String> worst = Comparator.comparing(
                        (String s) -> d.value(measure, last, s),
                        Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()));
                scopes.sort(panel.lowerIsBetter() ? worst.reversed() : worst);
            }
            for (String scope : scopes.subList(0, Math.min(TILE_LINES, scopes.size()))) {
                Div line = new Div(new Span(scope + "  "), new Span(ValueFormat.format(
                        panel.format(), d.value(measure, last, scope), getLocale())));
                line.addClassName("dash-tile-sub");
                line.getStyle().set("font-size", "var(--lumo-font-size-l)").set("cursor", "pointer");
                line.addClickListener(e -> clicked("period=" + last + "&" + d.by() + "=" + scope));
                box.add(line);
            }
            if (scopes.size() > TILE_LINES) {
                List<BigDecimal> values = scopes.stream().map(s -> d.value(measure, last, s))
                        .filter(Objects::nonNull).sorted().toList();
                int others = scopes.size() - TILE_LINES;
                Div more = sub(values.isEmpty() ? getTranslation("dash.tile.more-none", others)
                        : getTranslation("dash.tile.more", others,
                                ValueFormat.format(panel.format(), values.get(0), getLocale()),
                                ValueFormat.format(panel.format(), values.get(values.size() - 1),
                                        getLocale())));
                more.setId("tile-more-" + panel.id());
                box.add(more);
            }
            box.add(sub(getTranslation("dash.tile.period", last)));
            return box;
        }
        BigDecimal v = d.value(measure, last, null);
        Span value = new Span(ValueFormat.format(panel.format(), v, getLocale()));
        value.addClassName("dash-tile-value");
        if (value.getText().length() > LONG_TILE_VALUE) {
            // a company's arrears with cents: smaller type, so it stays inside a narrow tile
            value.addClassName("dash-tile-value-long");
        }
        value.setId("tile-value-" + panel.id());
        String color = ChartOptions.color(panel, v);
        if (color != null) {
            value.getStyle().set("color", color);
        }
        box.add(new Div(value));
        box.addClickListener(e -> clicked("period=" + last));
        BigDecimal before = prev == null ? null : d.value(measure, prev, null);
        if (v != null && before != null) {
            BigDecimal change = v.subtract(before);
            boolean better = panel.lowerIsBetter() ? change.signum() < 0 : change.signum() > 0;
            String text = panel.format() == org.guanjia.dashboard.Dashboard.Format.PERCENT
                    ? (change.signum() >= 0 ? "+" : "") + change.movePointRight(2)
                            .setScale(1, RoundingMode.HALF_UP) + " pp"
                    : (change.signum() >= 0 ? "+" : "") + ValueFormat.format(panel.format(),
                            change, getLocale());
            Span delta = new Span((change.signum() > 0 ? "▲ " : change.signum() < 0 ? "▼ " : "")
                    + getTranslation("dash.tile.change", text, prev));
            delta.setId("tile-change-" + panel.id());
            delta.addClassName(change.signum() == 0 ? "dash-tile-sub" : better ? "dash-up"
                    : "dash-down");
            delta.getStyle().set("font-size", "var(--lumo-font-size-s)");
            box.add(new Div(delta));
        }
        if (panel.target() != null) {
            box.add(sub(getTranslation("dash.tile.target", ValueFormat.format(panel.format(),
                    panel.target(), getLocale()))));
        }
        box.add(sub(getTranslation("dash.tile.period", last)));
        return box;
    }

    private Div sub(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("dash-tile-sub");
        return d;
    }
}

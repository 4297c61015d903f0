package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.ui.EChart;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.vacancy.MonthlyVacancy;
import org.guanjia.vacancy.VacancyService;
import org.guanjia.vacancy.WeeklyMoveIns;

/**
 * The figures the butler passes on (duty 6): move-ins per week over the last twelve weeks, and
 * vacant units per cluster at each month's end over the last twelve months, from the KPI view.
 */
class StatsPanel extends VerticalLayout {

    static final int WEEKS = 12;
    static final int MONTHS = 12;

    private final VacancyService service;
    private final ComboBox<String> cluster = new ComboBox<>();
    private final EChart chart = new EChart();
    private final Grid<Week> weeks = new Grid<>(Week.class, false);
    private final Grid<MonthlyVacancy> months = new Grid<>(MonthlyVacancy.class, false);
    private boolean loaded;

    /** One week's move-ins over the chosen clusters. */
    record Week(String week, LocalDate monday, int moveIns) {
    }

    StatsPanel(VacancyService service) {
        this.service = service;
        setId("vacancy-stats");
        setPadding(false);
        setWidthFull();
        ListToolbar.clusterFilter(cluster, "stats-cluster-filter", service.clusters(), this::refresh);
        H4 weekly = new H4(getTranslation("vacancy.stats.weekly"));
        H4 monthly = new H4(getTranslation("vacancy.stats.monthly"));
        Span note = new Span(getTranslation("vacancy.stats.monthlyNote"));
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        chart.setId("move-ins-chart");
        chart.setHeight("14rem");
        weeks.setId("weekly-grid");
        weeks.addThemeVariants(GridVariant.LUMO_COMPACT);
        weeks.setAllRowsVisible(true);
        weeks.addColumn(Week::week).setHeader(getTranslation("vacancy.stats.week")).setAutoWidth(true);
        var days = weeks.addColumn(w -> Formats.date(w.monday()) + " – " + Formats.date(w.monday().plusDays(6)))
                .setHeader(getTranslation("vacancy.stats.days")).setAutoWidth(true);
        weeks.addColumn(w -> Formats.integer(w.moveIns())).setHeader(getTranslation("vacancy.stats.moveIns"))
                .setAutoWidth(true);
        months.setId("monthly-grid");
        months.addThemeVariants(GridVariant.LUMO_COMPACT);
        months.setAllRowsVisible(true);
        months.addColumn(m -> m.month().toString()).setHeader(getTranslation("vacancy.stats.month")).setAutoWidth(true);
        months.addColumn(MonthlyVacancy::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var delivered = months.addColumn(m -> Formats.integer(m.deliveredUnits()))
                .setHeader(getTranslation("vacancy.stats.delivered")).setAutoWidth(true);
        months.addColumn(m -> Formats.integer(m.vacantUnits())).setHeader(getTranslation("vacancy.stats.vacant"))
                .setAutoWidth(true);
        months.addColumn(m -> percent(m.vacancyRate())).setHeader(getTranslation("vacancy.stats.vacancyRate"))
                .setAutoWidth(true);
        var moveIns = months.addColumn(m -> Formats.integer(m.moveIns())).setHeader(getTranslation("vacancy.stats.moveIns"))
                .setAutoWidth(true);
        var coverage = months.addColumn(m -> percent(m.inspectionCoverage()))
                .setHeader(getTranslation("vacancy.stats.coverage")).setAutoWidth(true);
        Responsive.hideOnPhone(months, List.of(delivered, moveIns, coverage));
        Responsive.hideOnPhone(weeks, List.of(days));
        add(cluster, weekly, chart, weeks, monthly, note, months);
        // the figures are computed when the tab is first shown, not with the view
        addAttachListener(e -> {
            if (!loaded) {
                refresh();
            }
        });
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "—" : Formats.decimal(rate.movePointRight(2), 1) + " %";
    }

    void refresh() {
        loaded = true;
        String c = cluster.getValue();
        LocalDate today = service.today();
        Map<LocalDate, Week> byWeek = new LinkedHashMap<>();
        for (WeeklyMoveIns w : service.weeklyMoveIns(today.minusWeeks(WEEKS - 1), today)) {
            if (c == null || c.equals(w.clusterCode())) {
                Week old = byWeek.get(w.monday());
                byWeek.put(w.monday(), new Week(w.week(), w.monday(), (old == null ? 0 : old.moveIns()) + w.moveIns()));
            }
        }
        List<Week> list = new ArrayList<>(byWeek.values());
        List<Week> newestFirst = new ArrayList<>(list);
        java.util.Collections.reverse(newestFirst);
        weeks.setItems(newestFirst);
        chart.setOption(Map.of(
                "grid", Map.of("left", 36, "right", 12, "top", 16, "bottom", 28),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", list.stream().map(w -> w.week().substring(5)).toList()),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "name", getTranslation("vacancy.stats.moveIns"),
                        "data", list.stream().map(Week::moveIns).toList()))));
        YearMonth now = YearMonth.from(today);
        months.setItems(service.monthlyVacancy(now.minusMonths(MONTHS - 1), now).stream()
                .filter(m -> c == null || c.equals(m.clusterCode()))
                .sorted((a, b) -> a.month().equals(b.month()) ? a.clusterCode().compareTo(b.clusterCode())
                        : b.month().compareTo(a.month()))
                .toList());
    }
}

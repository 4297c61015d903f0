package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.dashboard.Dashboard.DrillTarget;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.RecordFilter;
import org.guanjia.dashboard.RecordsService;

/**
 * The records behind a dashboard figure: {@code records/<kind>} with the filters in the URL
 * (from, to, estate, cluster, building, butler, category, status), a lazy sortable grid, and a
 * breadcrumb back to the dashboard with its filters. A row with a unit opens its ledger.
 */
@Route("records/:kind")
@PermitAll
class RecordsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RecordsService service;
    private final Grid<List<Object>> grid = new Grid<>();
    private RecordFilter filter;

    RecordsView(RecordsService service) {
        this.service = service;
        setId("records-view");
        setSizeFull();
        grid.setId("records-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
    }

    /** Which records status a panel's click asks for (statements still owed, vacant units…). */
    static String statusFor(Panel p) {
        if (p.drill() == DrillTarget.STATEMENTS) {
            return "outstanding";
        }
        if (p.drill() == DrillTarget.REPAIRS) {
            return "completed";
        }
        if (p.drill() == DrillTarget.UNITS) {
            String m = p.measures().get(0);
            return m.equals("occupancy_rate") || m.equals("move_ins") ? "occupied" : "vacant";
        }
        return null;
    }

    @Override
    public String getPageTitle() {
        return filter == null ? "" : getTranslation("dash.records." + filter.kind().code());
    }

    RecordFilter filter() {
        return filter;
    }

    Grid<List<Object>> grid() {
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String kind = event.getRouteParameters().get("kind").orElse("");
        DrillTarget target = null;
        for (DrillTarget t : DrillTarget.values()) {
            if (t.code().equals(kind)) {
                target = t;
            }
        }
        if (target == null) {
            event.forwardTo(DashboardsView.class);
            return;
        }
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        YearMonth today = YearMonth.from(service.today());
        YearMonth from = month(p, "from", today.minusMonths(11));
        YearMonth to = month(p, "to", today);
        filter = new RecordFilter(target, from, to.isBefore(from) ? from : to, one(p, "estate"),
                one(p, "cluster"), one(p, "building"), one(p, "butler"), one(p, "category"),
                one(p, "status"));
        removeAll();
        add(breadcrumb(one(p, "dashboard"), one(p, "back")), chips(), grid);
        setupGrid();
    }

    private Div breadcrumb(String dashboard, String back) {
        Div crumbs = new Div();
        crumbs.setId("breadcrumb");
        crumbs.addClassName("dash-active");
        RouterLink all = new RouterLink(getTranslation("dash.nav"), DashboardsView.class);
        crumbs.add(all, new Span(" › "));
        if (dashboard != null) {
            RouterLink link = new RouterLink(getTranslation("dash.records.back"),
                    DashboardView.class, new RouteParameters("id", dashboard));
            link.setQueryParameters(back == null ? QueryParameters.empty()
                    : QueryParameters.fromString(back));
            link.setId("breadcrumb-dashboard");
            crumbs.add(link, new Span(" › "));
        }
        H2 title = new H2(getTranslation("dash.records." + filter.kind().code()));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0")
                .set("display", "inline");
        crumbs.add(title);
        return crumbs;
    }

    private Div chips() {
        Div line = new Div();
        line.addClassName("dash-active");
        line.setId("records-filters");
        line.add(chip(getTranslation("dash.filter.period"), filter.from().equals(filter.to())
                ? filter.from().toString() : filter.from() + " – " + filter.to()));
        String[][] named = {{"estate", filter.estate()}, {"cluster", filter.cluster()},
            {"building", filter.building()}, {"butler", filter.butler()},
            {"category", filter.category()}};
        for (String[] n : named) {
            if (n[1] != null) {
                line.add(chip(getTranslation("dash.filter." + n[0]), n[1]));
            }
        }
        if (filter.status() != null) {
            line.add(chip(getTranslation("dash.filter.status"),
                    getTranslation("dash.status." + filter.status())));
        }
        Span count = new Span(getTranslation("dash.records.count", service.count(filter)));
        count.setId("records-count");
        count.addClassName("dash-chip");
        line.add(count);
        return line;
    }

    private static Span chip(String label, String value) {
        Span s = new Span(label + ": " + value);
        s.addClassName("dash-chip");
        return s;
    }

    private void setupGrid() {
        grid.removeAllColumns();
        List<String> cols = RecordFilter.COLUMNS.get(filter.kind());
        List<Grid.Column<?>> secondary = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            int index = i;
            String name = cols.get(i);
            Grid.Column<List<Object>> c = grid.addColumn(row -> text(row.get(index)))
                    .setHeader(getTranslation("dash.rcol." + name)).setKey(name)
                    .setSortable(true).setResizable(true).setAutoWidth(true);
            if (isNumber(name)) {
                c.setTextAlign(ColumnTextAlign.END);
            }
            if (i >= 3) {
                secondary.add(c);
            }
        }
        Responsive.hideOnPhone(grid, secondary);
        grid.setItems(q -> {
            String sort = null;
            boolean asc = true;
            for (QuerySortOrder o : q.getSortOrders()) {
                sort = o.getSorted();
                asc = o.getDirection() == SortDirection.ASCENDING;
                break;
            }
            return service.rows(filter, q.getOffset(), q.getLimit(), sort, asc).stream();
        }, q -> service.count(filter));
        int unit = cols.indexOf("unit_code");
        grid.addItemClickListener(e -> {
            Object code = unit >= 0 ? e.getItem().get(unit) : null;
            if (code != null) {
                UI.getCurrent().navigate("ledger/" + code);
            }
        });
    }

    private static boolean isNumber(String name) {
        return List.of("amount", "collected", "outstanding", "area_sqm", "satisfaction")
                .contains(name);
    }

    private String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return Formats.decimal(d, 2);
        }
        if (v instanceof LocalDateTime t) {
            return Formats.dateTime(t);
        }
        if (v instanceof Boolean b) {
            return getTranslation(b ? "dash.yes" : "dash.no");
        }
        return v.toString();
    }

    private static YearMonth month(Map<String, List<String>> p, String k, YearMonth dflt) {
        String v = one(p, k);
        try {
            return v == null ? dflt : YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            return dflt;
        }
    }

    private static String one(Map<String, List<String>> p, String k) {
        List<String> v = p.get(k);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
    }
}

package org.guanjia.billing.ui;

import org.guanjia.base.ui.Badges;

import com.vaadin.flow.component.orderedlayout.FlexLayout;

import com.vaadin.flow.component.html.Span;

import java.util.Set;

import org.guanjia.collection.CollectionService;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.guanjia.base.Page;
import org.guanjia.base.Sort;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.billing.Aging;
import org.guanjia.billing.ArrearsFilter;
import org.guanjia.billing.ArrearsService;
import org.guanjia.billing.ArrearsSummary;
import org.guanjia.billing.ArrearsSummary.ButlerArrears;
import org.guanjia.billing.ArrearsSummary.ClusterArrears;
import org.guanjia.billing.Household;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/**
 * Arrears and aging as of any day (KPI.md): the total with its five age buckets, then in tabs
 * the households in arrears (lazy, sortable; a row opens the unit's account as of that day),
 * the figures by cluster and by butler. Butlers see their own clusters.
 */
@Route("arrears")
@Menu(title = "arrears.nav", order = 36, icon = "vaadin:alarm")
@PermitAll
class ArrearsView extends VerticalLayout {

    private final ArrearsService arrears;
    private final EstateService estates;
    private final DatePicker asOf = new DatePicker();
    private final ComboBox<String> cluster = new ComboBox<>();
    private final ComboBox<String> building = new ComboBox<>();
    private final Div total = Figures.wide(Figures.tile("arrears-total",
            getTranslation("arrears.total")));
    private final Div households = Figures.tile("arrears-households",
            getTranslation("arrears.households"));
    private final List<Div> buckets = List.of(
            Figures.smallTile("arrears-bucket-1-30", getTranslation("arrears.bucket.1_30")),
            Figures.smallTile("arrears-bucket-31-90", getTranslation("arrears.bucket.31_90")),
            Figures.smallTile("arrears-bucket-91-180", getTranslation("arrears.bucket.91_180")),
            Figures.smallTile("arrears-bucket-181-365", getTranslation("arrears.bucket.181_365")),
            Figures.smallTile("arrears-bucket-over-365", getTranslation("arrears.bucket.over365")));
    private final Grid<Household> householdGrid = new Grid<>(Household.class, false);
    private final Grid<ClusterArrears> clusterGrid = new Grid<>(ClusterArrears.class, false);
    private final Grid<ButlerArrears> butlerGrid = new Grid<>(ButlerArrears.class, false);
    private final TabSheet tabs = new TabSheet();
    private final Tab householdsTab;
    private String text = "";
    private final CollectionService collection;
    private Set<String> flagged = Set.of();
    private ArrearsSummary summary;

    ArrearsView(ArrearsService arrears, EstateService estates, Clock clock,
            CollectionService collection) {
        this.collection = collection;
        this.arrears = arrears;
        this.estates = estates;
        setId("arrears-view");
        setWidthFull();
        asOf.setValue(LocalDate.now(clock));
        householdsTab = tabs.add("", householdsGrid());
        tabs.add(getTranslation("arrears.tab.clusters"), clusterGrid());
        tabs.add(getTranslation("arrears.tab.butlers"), butlerGrid());
        tabs.setId("arrears-tabs");
        tabs.setWidthFull();
        Div[] tiles = new Div[buckets.size() + 2];
        tiles[0] = total;
        tiles[1] = households;
        for (int i = 0; i < buckets.size(); i++) {
            tiles[i + 2] = buckets.get(i);
        }
        // phone: the total over two of three columns, then households and the buckets
        add(toolbar(), Figures.row("7rem", tiles), tabs);
        refresh();
    }

    private ListToolbar toolbar() {
        asOf.setId("arrears-as-of");
        // the day as a prefix, not a label: the fields of the bar then line up on a phone
        Span asOfLabel = new Span(getTranslation("arrears.asOf"));
        asOfLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        asOf.setPrefixComponent(asOfLabel);
        asOf.setWidth("11rem");
        asOf.addValueChangeListener(e -> refresh());
        cluster.setPlaceholder(getTranslation("field.cluster"));
        cluster.setItems(estates.clusters().stream().map(Cluster::code).toList());
        cluster.setClearButtonVisible(true);
        cluster.setId("cluster-filter");
        cluster.setWidth("9rem");
        cluster.addValueChangeListener(e -> {
            building.clear();
            building.setItems(estates.buildings(e.getValue()).stream().map(Building::code).toList());
            refresh();
        });
        building.setPlaceholder(getTranslation("field.building"));
        building.setItems(estates.buildings(null).stream().map(Building::code).toList());
        building.setClearButtonVisible(true);
        building.setId("building-filter");
        building.setWidth("9rem");
        building.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refreshHouseholds();
        });
        // the date first: it decides every figure below
        toolbar.addComponentAsFirst(asOf);
        toolbar.filters(cluster, building);
        toolbar.search().setPlaceholder(getTranslation("arrears.searchHint"));
        toolbar.search().setMinWidth("9rem");
        toolbar.search().setWidth("9rem");
        toolbar.setFlexGrow(1, toolbar.search());
        return toolbar;
    }

    private Grid<Household> householdsGrid() {
        Grid<Household> g = householdGrid;
        g.setId("arrears-households-grid");
        g.setHeight("32rem");
        g.setMultiSort(false);
        // a unit whose owner named a service issue is flagged until its follow-up is resolved
        g.addComponentColumn(h -> {
            Span unit = new Span(h.unitCode());
            if (!flagged.contains(h.unitCode())) {
                return unit;
            }
            Span badge = Badges.badge(getTranslation("collect.badge.serviceIssue"), "error primary");
            badge.getElement().setAttribute("title", getTranslation("collect.badge.serviceIssueHelp"));
            FlexLayout cell = new FlexLayout(unit, badge);
            cell.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            cell.addClassNames(LumoUtility.Gap.XSMALL);
            return cell;
        }).setHeader(getTranslation("field.unit")).setKey("unitCode")
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        var b = g.addColumn(Household::buildingCode).setHeader(getTranslation("field.building"))
                .setKey("buildingCode").setSortable(true).setAutoWidth(true);
        var c = g.addColumn(Household::clusterCode).setHeader(getTranslation("field.cluster"))
                .setKey("clusterCode").setSortable(true).setAutoWidth(true);
        var owner = g.addColumn(h -> h.ownerName() == null ? "" : h.ownerName())
                .setHeader(getTranslation("field.owner")).setKey("ownerName").setSortable(true)
                .setAutoWidth(true);
        var phone = g.addColumn(h -> h.ownerPhone() == null ? "" : h.ownerPhone())
                .setHeader(getTranslation("field.phone")).setAutoWidth(true);
        g.addColumn(h -> Figures.money(h.aging().arrears())).setHeader(getTranslation("arrears.total"))
                .setKey("arrears").setSortable(true).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        g.addColumn(h -> Formats.date(h.oldestDueOn())).setHeader(getTranslation("arrears.oldestDue"))
                .setKey("oldestDueOn").setSortable(true).setAutoWidth(true);
        List<Function<Aging, BigDecimal>> parts = List.of(Aging::days1to30, Aging::days31to90,
                Aging::days91to180, Aging::days181to365, Aging::over365);
        List<String> labels = List.of("arrears.bucket.1_30", "arrears.bucket.31_90",
                "arrears.bucket.91_180", "arrears.bucket.181_365", "arrears.bucket.over365");
        List<Grid.Column<Household>> hidden = new java.util.ArrayList<>(List.of(b, c, owner, phone));
        for (int i = 0; i < parts.size(); i++) {
            Function<Aging, BigDecimal> part = parts.get(i);
            hidden.add(g.addColumn(h -> zeroAsBlank(part.apply(h.aging())))
                    .setHeader(getTranslation(labels.get(i))).setKey("bucket" + i).setSortable(true)
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true));
        }
        Responsive.hideOnPhone(g, hidden);
        g.addItemClickListener(e -> {
            // a click on a row of a list replaced meanwhile (filter changed) has no item
            if (e.getItem() != null) {
                getUI().ifPresent(ui -> ui.navigate("ledger/" + e.getItem().unitCode(),
                        new QueryParameters(Map.of("asOf", List.of(day().toString()),
                                "back", List.of("arrears")))));
            }
        });
        return g;
    }

    private static String zeroAsBlank(BigDecimal v) {
        return v.signum() == 0 ? "" : Figures.money(v);
    }

    private Grid<ClusterArrears> clusterGrid() {
        clusterGrid.setId("arrears-clusters-grid");
        clusterGrid.setAllRowsVisible(true);
        clusterGrid.addColumn(c -> c.clusterCode() + " " + c.clusterName())
                .setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var butlers = clusterGrid.addColumn(c -> c.butlers().isEmpty()
                        ? getTranslation("arrears.noButler") : String.join(", ", c.butlers()))
                .setHeader(getTranslation("arrears.butlers")).setFlexGrow(1);
        addFigures(clusterGrid, ClusterArrears::aging, butlers);
        clusterGrid.addItemClickListener(e -> {
            cluster.setValue(e.getItem().clusterCode());
            tabs.setSelectedTab(householdsTab);
        });
        return clusterGrid;
    }

    private Grid<ButlerArrears> butlerGrid() {
        butlerGrid.setId("arrears-butlers-grid");
        butlerGrid.setAllRowsVisible(true);
        butlerGrid.addColumn(b -> b.staffName() == null ? getTranslation("arrears.noButler")
                        : b.staffName()).setHeader(getTranslation("arrears.accountable"))
                .setAutoWidth(true);
        var clusters = butlerGrid.addColumn(b -> String.join(", ", b.clusterCodes()))
                .setHeader(getTranslation("arrears.clusters")).setFlexGrow(1);
        addFigures(butlerGrid, ButlerArrears::aging, clusters);
        return butlerGrid;
    }

    /** Arrears and households on every screen; the buckets on wider ones. */
    private <T> void addFigures(Grid<T> grid, Function<T, Aging> aging, Grid.Column<T> secondary) {
        grid.addColumn(x -> Figures.money(aging.apply(x).arrears()))
                .setHeader(getTranslation("arrears.total")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(x -> Formats.integer(aging.apply(x).households()))
                .setHeader(getTranslation("arrears.householdsShort")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        List<Function<Aging, BigDecimal>> parts = List.of(Aging::days1to30, Aging::days31to90,
                Aging::days91to180, Aging::days181to365, Aging::over365);
        List<String> labels = List.of("arrears.bucket.1_30", "arrears.bucket.31_90",
                "arrears.bucket.91_180", "arrears.bucket.181_365", "arrears.bucket.over365");
        List<Grid.Column<T>> hidden = new java.util.ArrayList<>(List.of(secondary));
        for (int i = 0; i < parts.size(); i++) {
            Function<Aging, BigDecimal> part = parts.get(i);
            hidden.add(grid.addColumn(x -> Figures.money(part.apply(aging.apply(x))))
                    .setHeader(getTranslation(labels.get(i))).setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true));
        }
        Responsive.hideOnPhone(grid, hidden);
    }

    private LocalDate day() {
        return asOf.getValue();
    }

    private ArrearsFilter filter() {
        return new ArrearsFilter(day(), cluster.getValue(), building.getValue(), text);
    }

    private void refresh() {
        if (day() == null) {
            return;
        }
        ArrearsSummary s = arrears.summary(filter());
        flagged = collection.flaggedUnits(day());
        summary = s;
        Figures.set(total, Figures.money(s.total().arrears()),
                s.total().arrears().signum() > 0 ? LumoUtility.TextColor.ERROR : null);
        Figures.set(households, Formats.integer(s.total().households()), null);
        List<BigDecimal> values = List.of(s.total().days1to30(), s.total().days31to90(),
                s.total().days91to180(), s.total().days181to365(), s.total().over365());
        for (int i = 0; i < buckets.size(); i++) {
            Figures.set(buckets.get(i), Figures.money(values.get(i)), null);
        }
        clusterGrid.setItems(s.byCluster());
        butlerGrid.setItems(s.byButler());
        refreshHouseholds();
    }

    private void refreshHouseholds() {
        if (day() == null) {
            return;
        }
        ArrearsFilter f = filter();
        // without a search text the list holds exactly the households of the summary
        int count = f.text() == null || f.text().isBlank() ? summary.total().households()
                : arrears.countHouseholds(f);
        householdsTab.setLabel(getTranslation("arrears.tab.households", count));
        // a short list takes only its rows' height (no blank box on a phone), a long one scrolls
        boolean shortList = count <= 12;
        householdGrid.setAllRowsVisible(shortList);
        householdGrid.setHeight(shortList ? null : "32rem");
        householdGrid.setItems(query -> {
            List<Sort> sort = query.getSortOrders().stream()
                    .map(o -> new Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                    .toList();
            return arrears.households(f, new Page(query.getOffset(), query.getLimit()), sort)
                    .stream();
        }, query -> count);
    }
}

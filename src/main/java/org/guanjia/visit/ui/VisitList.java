package org.guanjia.visit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitFilter;
import org.guanjia.visit.VisitService;
import org.guanjia.visit.VisitSummary;

/** The visits made, lazily loaded and filtered on the server, with the figures of the selection. */
class VisitList extends VerticalLayout {

    static final String STRONG = "strong";
    static final String KEY = "key";

    private final VisitService service;
    private final Grid<Visit> grid = new Grid<>(Visit.class, false);
    private final Select<String> kindFilter = new Select<>();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> flagFilter = new Select<>();
    private final Checkbox openEscalations = new Checkbox();
    private final ComboBox<Staff> butler = new ComboBox<>();
    private final Span summary = new Span();
    private final Div unitChip = new Div();
    private final VisitDialog dialog;
    private String unit;
    private String text = "";
    private boolean quiet;

    VisitList(VisitService service, EstateService estates, StaffService staff, VisitForm form,
            boolean butlerFilter) {
        this.service = service;
        setId("visit-list");
        setSizeFull();
        setPadding(false);
        dialog = new VisitDialog(service, staff, this::refresh, this::showUnit);
        form.onSaved(dialog::open);
        summary.setId("visits-summary");
        summary.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        unitChip.setId("unit-history");
        unitChip.setVisible(false);
        add(toolbar(estates, form, butlerFilter ? butlers(staff) : null), unitChip, summary, grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates, VisitForm form, ComboBox<Staff> butlers) {
        kindFilter.setId("kind-filter");
        kindFilter.setEmptySelectionAllowed(true);
        kindFilter.setEmptySelectionCaption(getTranslation("visit.allKinds"));
        kindFilter.setItems(Visit.KINDS);
        kindFilter.setItemLabelGenerator(k -> k == null ? getTranslation("visit.allKinds")
                : Formats.enumLabel("visit.kind", k));
        kindFilter.setWidth("10rem");
        kindFilter.addValueChangeListener(e -> refresh());
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        from.setId("from-filter");
        from.setPlaceholder(getTranslation("visit.from"));
        from.setClearButtonVisible(true);
        from.setWidth("9rem");
        from.addValueChangeListener(e -> refresh());
        to.setId("to-filter");
        to.setPlaceholder(getTranslation("visit.to"));
        to.setClearButtonVisible(true);
        to.setWidth("9rem");
        to.addValueChangeListener(e -> refresh());
        flagFilter.setId("flag-filter");
        flagFilter.setEmptySelectionAllowed(true);
        flagFilter.setEmptySelectionCaption(getTranslation("visit.allCustomers"));
        flagFilter.setItems(STRONG, KEY);
        flagFilter.setItemLabelGenerator(f -> f == null ? getTranslation("visit.allCustomers")
                : getTranslation(STRONG.equals(f) ? "visit.strongOpinions" : "visit.keyCustomers"));
        flagFilter.setWidth("11rem");
        flagFilter.addValueChangeListener(e -> refresh());
        openEscalations.setId("open-escalations");
        openEscalations.setLabel(getTranslation("visit.openEscalationsOnly"));
        openEscalations.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(kindFilter, clusterFilter, from, to, flagFilter, openEscalations);
        if (butlers != null) {
            bar.filters(butlers);
        }
        if (service.canWrite()) {
            bar.newButton("new-visit-button", form::openNew);
        }
        return bar;
    }

    /** The butlers, for the supervisor's report on each one's visits (四: 定期向上級領導匯報). */
    private ComboBox<Staff> butlers(StaffService staff) {
        butler.setId("butler-filter");
        butler.setPlaceholder(getTranslation("visit.field.staff"));
        butler.setItems(staff.staff(null, "butler", Page.first(500)));
        butler.setItemLabelGenerator(Staff::name);
        butler.setClearButtonVisible(true);
        butler.setWidth("10rem");
        butler.addValueChangeListener(e -> refresh());
        return butler;
    }

    private Grid<Visit> grid() {
        grid.setId("visits-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        // on a phone one column holds it all in two lines, so nothing is cut off at 390 px
        var phone = grid.addComponentColumn(VisitList::phoneCell).setHeader(getTranslation("visit.tab.visits"))
                .setFlexGrow(1);
        phone.setVisible(false);
        var no = grid.addColumn(Visit::no).setHeader(getTranslation("visit.field.no")).setAutoWidth(true);
        var date = grid.addColumn(v -> Formats.date(v.visitedOn()))
                .setHeader(getTranslation("visit.field.visitedOn")).setAutoWidth(true);
        var unitColumn = grid.addColumn(v -> unitLabel(v)).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var kind = grid.addColumn(v -> Formats.enumLabel("visit.kind", v.kind()))
                .setHeader(getTranslation("visit.field.kind")).setAutoWidth(true);
        var staff = grid.addColumn(v -> v.staffName() != null ? v.staffName() : v.staffCode())
                .setHeader(getTranslation("visit.field.staff")).setAutoWidth(true);
        var topic = grid.addColumn(Visit::topic).setHeader(getTranslation("visit.field.topic"))
                .setFlexGrow(3).setWidth("8rem");
        var score = grid.addColumn(v -> v.satisfaction() == null ? "" : v.satisfaction().toString())
                .setHeader(getTranslation("visit.field.satisfactionShort")).setAutoWidth(true);
        var flags = grid.addComponentColumn(VisitList::flags).setHeader(getTranslation("visit.field.flags"))
                .setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, date, unitColumn, kind, staff, topic, score, flags));
        grid.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                d -> phone.setVisible(d.getWindowInnerWidth() < Responsive.PHONE_WIDTH)));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    private static String unitLabel(Visit v) {
        return v.ownerName() == null ? v.unitCode() : v.unitCode() + " · " + v.ownerName();
    }

    /** Date, unit and owner; then kind, score and the flags. */
    private static Component phoneCell(Visit v) {
        Div top = new Div(new Span(Formats.date(v.visitedOn()) + "  " + unitLabel(v)));
        top.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div bottom = new Div();
        bottom.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL,
                LumoUtility.AlignItems.CENTER, LumoUtility.FontSize.SMALL);
        String kind = Formats.enumLabel("visit.kind", v.kind());
        bottom.add(new Span(v.satisfaction() == null ? kind
                : kind + " · " + bottom.getTranslation("visit.field.satisfactionShort") + " " + v.satisfaction()));
        bottom.add(flags(v));
        Div cell = new Div(top, bottom);
        cell.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    /** Strong opinions, key customer and requests awaiting the department, as small badges. */
    static Component flags(Visit v) {
        Div d = new Div();
        d.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        if (v.strongOpinion()) {
            d.add(Badges.badge(d.getTranslation("visit.badge.strong"), "error"));
        }
        if (v.keyCustomer()) {
            d.add(Badges.badge(d.getTranslation("visit.badge.key"), "contrast"));
        }
        if (v.openEscalations() > 0) {
            d.add(Badges.badge(d.getTranslation("visit.badge.open", v.openEscalations()), ""));
        }
        return d;
    }

    /** Shows one unit's visit history (all its visits, the other filters left as they are). */
    void showUnit(String unitCode) {
        if (unitCode != null) {
            // the history is every visit to the unit: the other filters are cleared
            quiet = true;
            kindFilter.clear();
            clusterFilter.clear();
            from.clear();
            to.clear();
            flagFilter.clear();
            openEscalations.setValue(false);
            butler.clear();
            quiet = false;
        }
        unit = unitCode;
        unitChip.removeAll();
        if (unitCode != null) {
            Button clear = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> showUnit(null));
            clear.setId("clear-unit-history");
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            clear.setAriaLabel(getTranslation("visit.clearUnit"));
            Span label = new Span(getTranslation("visit.unitHistory", unitCode));
            label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            unitChip.add(label, clear);
        }
        unitChip.setVisible(unitCode != null);
        refresh();
    }

    VisitFilter filter() {
        String flag = flagFilter.getValue();
        return new VisitFilter(kindFilter.getValue(), clusterFilter.getValue(), from.getValue(), to.getValue(),
                STRONG.equals(flag), KEY.equals(flag), openEscalations.getValue(), unit,
                butler.getValue() == null ? null : butler.getValue().code(), text);
    }

    void refresh() {
        if (quiet) {
            return;
        }
        VisitFilter filter = filter();
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
        VisitSummary s = service.summary(filter);
        summary.setText(getTranslation("visit.summary", Formats.integer(s.visits()),
                s.meanSatisfaction() == null ? "—" : Formats.decimal(s.meanSatisfaction(), 2),
                Formats.integer(s.scored()), Formats.integer(s.strongOpinions()), Formats.integer(s.escalated()),
                Formats.integer(s.openEscalations())));
    }
}

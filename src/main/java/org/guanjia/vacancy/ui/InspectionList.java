package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.vacancy.Inspection;
import org.guanjia.vacancy.InspectionFilter;
import org.guanjia.vacancy.VacancyService;

/** The inspections recorded, newest first; one unit's history when a unit is chosen. */
class InspectionList extends VerticalLayout {

    private final VacancyService service;
    private final InspectionDialog dialog;
    private final Grid<Inspection> grid = new Grid<>(Inspection.class, false);
    private final ComboBox<String> cluster = new ComboBox<>();
    private final Checkbox failedOnly = new Checkbox();
    private final Div unitChip = new Div();
    private final Span count = new Span();
    private String text = "";
    private String unit;

    InspectionList(VacancyService service, InspectionDialog dialog) {
        this.service = service;
        this.dialog = dialog;
        setId("inspection-list");
        setSizeFull();
        setPadding(false);
        ListToolbar.clusterFilter(cluster, "inspections-cluster-filter", service.clusters(), this::refresh);
        failedOnly.setId("failed-only");
        failedOnly.setLabel(getTranslation("vacancy.failedOnly"));
        failedOnly.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(cluster, failedOnly);
        unitChip.setId("unit-history");
        unitChip.setVisible(false);
        count.setId("inspections-count");
        count.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(bar, unitChip, count, grid());
        refresh();
    }

    private Grid<Inspection> grid() {
        grid.setId("inspections-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var phone = grid.addComponentColumn(InspectionList::phoneCell).setHeader(getTranslation("vacancy.tab.inspections"))
                .setFlexGrow(1);
        phone.setVisible(false);
        var no = grid.addColumn(Inspection::no).setHeader(getTranslation("vacancy.field.no")).setAutoWidth(true);
        var date = grid.addColumn(i -> Formats.date(i.inspectedOn())).setHeader(getTranslation("vacancy.field.inspectedOn"))
                .setAutoWidth(true);
        var unitColumn = grid.addColumn(Inspection::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var staff = grid.addColumn(i -> i.staffName() != null ? i.staffName() : i.staffCode())
                .setHeader(getTranslation("vacancy.field.staff")).setAutoWidth(true);
        var result = grid.addComponentColumn(InspectionList::result).setHeader(getTranslation("vacancy.field.result"))
                .setAutoWidth(true);
        var informed = grid.addColumn(i -> i.ownerInformed() ? Formats.enumLabel("vacancy.method", i.ownerInformedMethod())
                : "—").setHeader(getTranslation("vacancy.field.informed")).setAutoWidth(true);
        var note = grid.addColumn(Inspection::note).setHeader(getTranslation("field.note")).setFlexGrow(2).setWidth("8rem");
        Responsive.hideOnPhone(grid, List.of(no, date, unitColumn, staff, result, informed, note));
        grid.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                d -> phone.setVisible(d.getWindowInnerWidth() < Responsive.PHONE_WIDTH)));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    /** "OK" or the failed checks with the follow-up. */
    static Component result(Inspection i) {
        Div d = new Div();
        d.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        if (i.passed()) {
            d.add(Badges.badge(d.getTranslation("vacancy.passed"), "success"));
        } else {
            d.add(Badges.badge(d.getTranslation("vacancy.failed", i.failedChecks().size()), "error"));
            if (i.followUpNo() != null) {
                d.add(Badges.badge(i.followUpNo(), "contrast"));
            }
        }
        return d;
    }

    private static Component phoneCell(Inspection i) {
        Div top = new Div(new Span(Formats.date(i.inspectedOn()) + "  " + i.unitCode()));
        top.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div cell = new Div(top, result(i));
        cell.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    /** Shows one unit's inspections (null = all again). */
    void showUnit(String unitCode) {
        unit = unitCode;
        unitChip.removeAll();
        if (unitCode != null) {
            Button clear = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> showUnit(null));
            clear.setId("clear-unit-history");
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            clear.setAriaLabel(getTranslation("vacancy.clearUnit"));
            Span label = new Span(getTranslation("vacancy.unitHistoryOf", unitCode));
            label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            unitChip.add(label, clear);
        }
        unitChip.setVisible(unitCode != null);
        refresh();
    }

    void refresh() {
        InspectionFilter f = new InspectionFilter(cluster.getValue(), unit, null, null, failedOnly.getValue(), text);
        grid.setItems(q -> service.list(f, new Page(q.getOffset(), q.getLimit())).stream(), q -> service.count(f));
        count.setText(getTranslation("vacancy.count", Formats.integer(service.count(f))));
    }
}

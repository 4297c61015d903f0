package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.vacancy.DueInspections;
import org.guanjia.vacancy.VacancyService;
import org.guanjia.vacancy.VacantUnit;

/** The vacant units still to inspect this month; a tap opens the inspection form. */
class DueList extends VerticalLayout {

    private final VacancyService service;
    private final InspectionForm form;
    private final Grid<VacantUnit> grid = new Grid<>(VacantUnit.class, false);
    private final ComboBox<String> cluster = new ComboBox<>();
    private final Span summary = new Span();

    DueList(VacancyService service, InspectionForm form) {
        this.service = service;
        this.form = form;
        setId("due-list");
        setSizeFull();
        setPadding(false);
        ListToolbar.clusterFilter(cluster, "due-cluster-filter", service.clusters(), this::refresh);
        summary.setId("due-summary");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        FlexLayout bar = new FlexLayout(cluster, summary);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        add(bar, grid());
        refresh();
    }

    private Grid<VacantUnit> grid() {
        grid.setId("vacant-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var phone = grid.addComponentColumn(this::phoneCell).setHeader(getTranslation("field.unit")).setFlexGrow(1);
        phone.setVisible(false);
        var unit = grid.addColumn(VacantUnit::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var clusterColumn = grid.addColumn(VacantUnit::clusterCode).setHeader(getTranslation("field.cluster"))
                .setAutoWidth(true);
        var owner = grid.addColumn(u -> u.ownerName() == null ? "" : u.ownerName()
                + (u.ownerPhone() == null ? "" : " · " + u.ownerPhone())).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        var since = grid.addColumn(u -> Formats.date(u.vacantSince())).setHeader(getTranslation("vacancy.field.vacantSince"))
                .setAutoWidth(true);
        var last = grid.addColumn(u -> u.lastInspectedOn() == null ? "—" : Formats.date(u.lastInspectedOn()))
                .setHeader(getTranslation("vacancy.field.lastInspected")).setAutoWidth(true);
        var inspect = grid.addComponentColumn(this::inspectButton).setAutoWidth(true).setFlexGrow(0);
        Responsive.hideOnPhone(grid, List.of(unit, clusterColumn, owner, since, last, inspect));
        grid.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                d -> phone.setVisible(d.getWindowInnerWidth() < Responsive.PHONE_WIDTH)));
        grid.addItemClickListener(e -> {
            if (service.canInspect()) {
                form.open(e.getItem().unitCode());
            }
        });
        return grid;
    }

    private Component inspectButton(VacantUnit u) {
        Button b = new Button(getTranslation("vacancy.inspect"), VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> form.open(u.unitCode()));
        b.setId("inspect-" + u.unitCode());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        b.setVisible(service.canInspect());
        return b;
    }

    /** Unit and owner; then the vacancy and the last inspection. */
    private Component phoneCell(VacantUnit u) {
        Div top = new Div(new Span(u.ownerName() == null ? u.unitCode() : u.unitCode() + " · " + u.ownerName()));
        top.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div bottom = new Div(new Span(getTranslation("vacancy.phoneLine", Formats.date(u.vacantSince()),
                u.lastInspectedOn() == null ? "—" : Formats.date(u.lastInspectedOn()))));
        bottom.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div cell = new Div(top, bottom);
        cell.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    void refresh() {
        DueInspections d = service.dueThisMonth(cluster.getValue());
        summary.setText(getTranslation("vacancy.dueSummary", Formats.integer(d.units().size()),
                d.month().toString(), Formats.integer(d.daysLeft())));
        grid.setItems(d.units());
    }
}

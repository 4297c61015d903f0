package org.guanjia.repair.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.OpenParameter;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairFilter;
import org.guanjia.repair.RepairService;

/**
 * Repair orders (报修), newest first: where, what, the engineer and the status; a tap opens the
 * order with its next step (send the engineer, mark it done, record the return visit).
 */
@Route("repairs")
@Menu(title = "repair.nav", order = 43, icon = "vaadin:tools")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class RepairsView extends VerticalLayout implements BeforeEnterObserver {

    private final RepairService service;
    private final Grid<Repair> grid = new Grid<>(Repair.class, false);
    private final Select<String> statusFilter = new Select<>();
    private final Select<String> categoryFilter = new Select<>();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final RepairDialog dialog;
    private final ReportDialog report;
    private String text = "";

    RepairsView(RepairService service, EstateService estates) {
        this.service = service;
        setId("repairs-view");
        setSizeFull();
        dialog = new RepairDialog(service, this::refresh);
        report = new ReportDialog(service, estates, r -> {
            refresh();
            dialog.open(r);
        });
        add(toolbar(estates), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates) {
        statusFilter.setId("status-filter");
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("repair.allStatuses"));
        statusFilter.setItems(Repair.STATUSES);
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("repair.allStatuses")
                : Formats.enumLabel("repair.status", s));
        statusFilter.setWidth("10rem");
        statusFilter.addValueChangeListener(e -> refresh());
        categoryFilter.setId("category-filter");
        categoryFilter.setEmptySelectionAllowed(true);
        categoryFilter.setEmptySelectionCaption(getTranslation("repair.allCategories"));
        categoryFilter.setItems(Repair.CATEGORIES);
        categoryFilter.setItemLabelGenerator(s -> s == null ? getTranslation("repair.allCategories")
                : Formats.enumLabel("repair.category", s));
        categoryFilter.setWidth("10rem");
        categoryFilter.addValueChangeListener(e -> refresh());
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(statusFilter, categoryFilter, clusterFilter);
        bar.newButton("new-repair-button", report::openNew);
        return bar;
    }

    private Grid<Repair> grid() {
        grid.setId("repairs-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var no = grid.addColumn(Repair::no).setHeader(getTranslation("repair.field.no")).setAutoWidth(true);
        var reported = grid.addColumn(r -> Formats.dateTime(r.reportedAt()))
                .setHeader(getTranslation("repair.field.reportedAt")).setAutoWidth(true);
        grid.addColumn(r -> r.unitCode() != null ? r.unitCode()
                        : getTranslation("repair.field.commonArea", r.buildingCode()))
                .setHeader(getTranslation("repair.field.place")).setAutoWidth(true);
        var category = grid.addColumn(r -> Formats.enumLabel("repair.category", r.category()))
                .setHeader(getTranslation("repair.field.category")).setAutoWidth(true);
        var description = grid.addColumn(Repair::description)
                .setHeader(getTranslation("repair.field.description")).setFlexGrow(3).setWidth("8rem");
        var engineer = grid.addColumn(Repair::engineerName).setHeader(getTranslation("repair.field.engineer"))
                .setAutoWidth(true);
        var score = grid.addColumn(r -> r.score() == null ? "" : Formats.decimal(r.score(), 1))
                .setHeader(getTranslation("repair.field.scores")).setAutoWidth(true);
        grid.addComponentColumn(r -> Badges.badge(Formats.enumLabel("repair.status", r.status()),
                        "closed".equals(r.status()) ? "success" : "completed".equals(r.status()) ? "contrast" : ""))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, reported, category, description, engineer, score));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    private void refresh() {
        RepairFilter filter = new RepairFilter(statusFilter.getValue(), categoryFilter.getValue(),
                clusterFilter.getValue(), text);
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }

    /** {@code ?open=<number>} (links from the agenda) opens the record's dialog. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OpenParameter.of(event).flatMap(service::repair).ifPresent(dialog::open);
    }
}

package org.guanjia.repair.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.repair.RectificationFilter;
import org.guanjia.repair.RectificationItem;
import org.guanjia.repair.RectificationService;
import org.guanjia.staff.StaffService;

/**
 * Rectification items owners raised (工程整改), the longest-waiting first; a tap opens the item
 * with its progress notes, to add a note or return visit or to close it with the owner's feedback.
 */
@Route("rectification")
@Menu(title = "rect.nav", order = 44, icon = "vaadin:hammer")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class RectificationView extends VerticalLayout {

    private final RectificationService service;
    private final Grid<RectificationItem> grid = new Grid<>(RectificationItem.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox openOnly = new Checkbox();
    private final RectificationDialog dialog;
    private final RaiseDialog raise;
    private String text = "";

    RectificationView(RectificationService service, EstateService estates, StaffService staff) {
        this.service = service;
        setId("rectification-view");
        setSizeFull();
        dialog = new RectificationDialog(service, this::refresh);
        raise = new RaiseDialog(service, estates, staff, i -> {
            refresh();
            dialog.open(i);
        });
        add(toolbar(estates), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates) {
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        openOnly.setId("open-only");
        openOnly.setLabel(getTranslation("rect.openOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, openOnly);
        bar.newButton("new-item-button", raise::openNew);
        return bar;
    }

    private Grid<RectificationItem> grid() {
        grid.setId("rectification-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var no = grid.addColumn(RectificationItem::no).setHeader(getTranslation("rect.field.no")).setAutoWidth(true);
        var raised = grid.addColumn(i -> Formats.date(i.raisedOn()))
                .setHeader(getTranslation("rect.field.raisedOn")).setAutoWidth(true);
        grid.addColumn(RectificationItem::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        grid.addColumn(RectificationItem::description).setHeader(getTranslation("rect.field.description"))
                .setFlexGrow(3).setWidth("8rem");
        var dept = grid.addColumn(i -> i.departmentName() != null ? i.departmentName() : i.departmentCode())
                .setHeader(getTranslation("rect.field.department")).setAutoWidth(true);
        grid.addComponentColumn(i -> Badges.badge(Formats.enumLabel("rect.status", i.status()),
                        i.isOpen() ? "" : "success"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, raised, dept));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    private void refresh() {
        RectificationFilter filter = new RectificationFilter(openOnly.getValue(), clusterFilter.getValue(), text);
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }
}

package org.guanjia.estate.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/** Buildings (楼栋) by cluster. */
@Route("buildings")
@Menu(title = "nav.buildings", order = 12, icon = "vaadin:building")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK", "FINANCE"})
class BuildingsView extends VerticalLayout {

    private final EstateService service;
    private final Grid<Building> grid = new Grid<>(Building.class, false);
    private final EditDialog<Building> dialog;
    private final TextField code = new TextField();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private String text = "";

    BuildingsView(EstateService service, CurrentUser user) {
        this.service = service;
        setId("buildings-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);
        List<String> clusters = service.clusters().stream().map(Cluster::code).toList();

        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"));
        cluster.setItems(clusters);
        cluster.setId("cluster-field");
        TextField name = new TextField(getTranslation("field.name"));
        name.setId("name-field");
        IntegerField floors = new IntegerField(getTranslation("field.floors"));
        floors.setMin(1);
        floors.setMax(200);
        Binder<Building> binder = new Binder<>(Building.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(cluster).asRequired(getTranslation("validation.required")).bind("clusterCode");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(floors).bind("floors");
        dialog = new EditDialog<>("building", binder, new FormLayout(code, cluster, name, floors),
                service::saveBuilding, saved -> refresh());
        dialog.setEditable(editor);

        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(clusters);
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("cluster-filter");
        clusterFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Building(null, clusterFilter.getValue(),
                    null, null), true));
        }
        grid.setId("buildings-grid");
        grid.addColumn(Building::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        grid.addColumn(Building::name).setHeader(getTranslation("field.name")).setFlexGrow(1);
        grid.addColumn(Building::clusterCode).setHeader(getTranslation("field.cluster"));
        grid.addColumn(Building::floors).setHeader(getTranslation("field.floors"));
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private void edit(Building b, boolean isNew) {
        code.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "building.new" : "building.edit"), b, isNew);
    }

    private void refresh() {
        String cluster = clusterFilter.getValue();
        grid.setItems(q -> service.buildings(cluster, text, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countBuildings(cluster, text));
    }
}

package org.guanjia.estate.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;

/** Clusters (组团) with the butler currently assigned and the 24-hour service phone. */
@Route("clusters")
@Menu(title = "nav.clusters", order = 11, icon = "vaadin:cluster")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "SERVICE_DESK", "FINANCE"})
class ClustersView extends VerticalLayout {

    private final EstateService service;
    private final Grid<Cluster> grid = new Grid<>(Cluster.class, false);
    private final EditDialog<Cluster> dialog;
    private final TextField code = new TextField();
    private String text = "";

    ClustersView(EstateService service, StaffService staff, CurrentUser user) {
        this.service = service;
        setId("clusters-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);

        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        ComboBox<String> estate = new ComboBox<>(getTranslation("field.estate"));
        estate.setItems(service.estates().stream().map(Estate::code).toList());
        estate.setId("estate-field");
        TextField name = new TextField(getTranslation("field.name"));
        name.setId("name-field");
        Binder<Cluster> binder = new Binder<>(Cluster.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(estate).asRequired(getTranslation("validation.required")).bind("estateCode");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        dialog = new EditDialog<>("cluster", binder, new FormLayout(code, estate, name),
                service::saveCluster, saved -> refresh());
        dialog.setEditable(editor);

        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        });
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Cluster(null, null, null), true));
        }
        grid.setId("clusters-grid");
        grid.addColumn(Cluster::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        grid.addColumn(Cluster::name).setHeader(getTranslation("field.name")).setFlexGrow(1);
        grid.addColumn(Cluster::estateCode).setHeader(getTranslation("field.estate"));
        grid.addColumn(c -> staff.currentButlers(c.code()).stream()
                        .map(a -> a.staffName() + (a.servicePhone() == null ? "" : " ☎ " + a.servicePhone()))
                        .reduce((a, b) -> a + ", " + b).orElse("—"))
                .setHeader(getTranslation("field.butler")).setFlexGrow(1);
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private void edit(Cluster c, boolean isNew) {
        code.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "cluster.new" : "cluster.edit"), c, isNew);
    }

    private void refresh() {
        String t = text == null ? "" : text.trim().toLowerCase();
        grid.setItems(service.clusters().stream()
                .filter(c -> t.isEmpty() || c.code().toLowerCase().contains(t)
                        || c.name().toLowerCase().contains(t))
                .toList());
    }
}

package org.guanjia.estate.ui;

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
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;

/** Estates: list and edit (ADMIN, MANAGER edit; others with a wide scope read). */
@Route("estates")
@Menu(title = "nav.estates", order = 10, icon = "vaadin:institution")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "SERVICE_DESK", "FINANCE"})
class EstatesView extends VerticalLayout {

    private final EstateService service;
    private final Grid<Estate> grid = new Grid<>(Estate.class, false);
    private final EditDialog<Estate> dialog;
    private final TextField code = new TextField();
    private String text = "";

    EstatesView(EstateService service, CurrentUser user) {
        this.service = service;
        setId("estates-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);

        TextField name = new TextField(getTranslation("field.name"));
        TextField city = new TextField(getTranslation("field.city"));
        TextField timezone = new TextField(getTranslation("field.timezone"));
        TextField currency = new TextField(getTranslation("field.currency"));
        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        name.setId("name-field");
        Binder<Estate> binder = new Binder<>(Estate.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(city).bind("city");
        binder.forField(timezone).bind("timezone");
        binder.forField(currency).bind("currency");
        dialog = new EditDialog<>("estate", binder, new FormLayout(code, name, city, timezone, currency),
                service::saveEstate, saved -> refresh());
        dialog.setEditable(editor);

        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        });
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Estate(null, null, null,
                    "Asia/Shanghai", "CNY"), true));
        }
        grid.setId("estates-grid");
        grid.addColumn(Estate::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        grid.addColumn(Estate::name).setHeader(getTranslation("field.name")).setFlexGrow(1);
        grid.addColumn(Estate::city).setHeader(getTranslation("field.city"));
        grid.addColumn(Estate::timezone).setHeader(getTranslation("field.timezone"));
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private void edit(Estate e, boolean isNew) {
        code.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "estate.new" : "estate.edit"), e, isNew);
    }

    private void refresh() {
        String t = text == null ? "" : text.trim().toLowerCase();
        grid.setItems(service.estates().stream()
                .filter(e -> t.isEmpty() || e.code().toLowerCase().contains(t)
                        || e.name().toLowerCase().contains(t))
                .toList());
    }
}

package org.guanjia.estate.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.estate.UnitFilter;

/** Owners (业主) with the rulebook's flags: key customer, strong opinion, auto-debit. */
@Route("owners")
@Menu(title = "nav.owners", order = 14, icon = "vaadin:users")
@PermitAll
class OwnersView extends VerticalLayout {

    private final EstateService service;
    private final Grid<Owner> grid = new Grid<>(Owner.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final TextField code = new TextField();
    private final EditDialog<Owner> dialog;
    private String text = "";

    OwnersView(EstateService service, CurrentUser user) {
        this.service = service;
        setId("owners-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER)
                || user.hasRole(Role.SERVICE_DESK);

        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        TextField unit = new TextField(getTranslation("field.unit"));
        unit.setId("unit-field");
        TextField name = new TextField(getTranslation("field.name"));
        name.setId("name-field");
        TextField phone = new TextField(getTranslation("field.phone"));
        phone.setId("phone-field");
        if (!user.seesPhones()) {
            // the manager sees 138****5678: saving it unchanged keeps the stored number
            phone.setHelperText(getTranslation("sec.phoneMasked"));
        }
        TextField address = new TextField(getTranslation("field.mailingAddress"));
        Checkbox key = new Checkbox(getTranslation("field.keyCustomer"));
        Checkbox strong = new Checkbox(getTranslation("field.strongOpinion"));
        Checkbox debit = new Checkbox(getTranslation("field.autoDebit"));
        DatePicker since = new DatePicker(getTranslation("field.since"));
        Binder<Owner> binder = new Binder<>(Owner.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(unit).asRequired(getTranslation("validation.required")).bind("unitCode");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(phone).bind("phone");
        binder.forField(key).bind("keyCustomer");
        binder.forField(strong).bind("strongOpinion");
        binder.forField(address).bind("mailingAddress");
        binder.forField(debit).bind("autoDebit");
        binder.forField(since).bind("since");
        FormLayout form = new FormLayout(code, unit, name, phone, address, since, key, strong, debit);
        form.setColspan(address, 2);
        dialog = new EditDialog<>("owner", binder, form, service::saveOwner, saved -> refresh());
        dialog.setEditable(editor);

        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(service.clusters().stream().map(Cluster::code).toList());
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("cluster-filter");
        clusterFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Owner(null, null, null, null, false, false,
                    null, false, null), true));
        }
        grid.setId("owners-grid");
        grid.setSizeFull();
        grid.addColumn(Owner::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        grid.addColumn(Owner::name).setHeader(getTranslation("field.name")).setAutoWidth(true);
        grid.addColumn(Owner::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var phoneCol = grid.addColumn(Owner::phone).setHeader(getTranslation("field.phone"));
        var flags = grid.addColumn(o -> flags(o)).setHeader(getTranslation("owner.flags")).setFlexGrow(1);
        var sinceCol = grid.addColumn(o -> Formats.date(o.since())).setHeader(getTranslation("field.since"));
        Responsive.hideOnPhone(grid, List.of(phoneCol, flags, sinceCol));
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private String flags(Owner o) {
        StringBuilder b = new StringBuilder();
        if (Boolean.TRUE.equals(o.keyCustomer())) {
            b.append(getTranslation("field.keyCustomer")).append(' ');
        }
        if (Boolean.TRUE.equals(o.strongOpinion())) {
            b.append(getTranslation("field.strongOpinion")).append(' ');
        }
        if (Boolean.TRUE.equals(o.autoDebit())) {
            b.append(getTranslation("field.autoDebit"));
        }
        return b.toString().trim();
    }

    private void edit(Owner o, boolean isNew) {
        code.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "owner.new" : "owner.edit"), o, isNew);
    }

    private void refresh() {
        UnitFilter filter = new UnitFilter(text, null, clusterFilter.getValue(), null, null);
        grid.setItems(q -> service.owners(filter, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countOwners(filter));
    }
}

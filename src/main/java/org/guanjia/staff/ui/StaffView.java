package org.guanjia.staff.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.staff.Department;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;

/** Staff with role, department and the 24-hour service phone. */
@Route("staff")
@Menu(title = "nav.staff", order = 20, icon = "vaadin:user-card")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "SERVICE_DESK"})
class StaffView extends VerticalLayout {

    private final StaffService service;
    private final Grid<Staff> grid = new Grid<>(Staff.class, false);
    private final Select<String> roleFilter = new Select<>();
    private final TextField code = new TextField();
    private final EditDialog<Staff> dialog;
    private String text = "";

    StaffView(StaffService service, CurrentUser user) {
        this.service = service;
        setId("staff-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);

        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        TextField name = new TextField(getTranslation("field.name"));
        name.setId("name-field");
        Select<String> role = new Select<>();
        role.setLabel(getTranslation("field.staffRole"));
        role.setItems(Staff.ROLES);
        role.setItemLabelGenerator(r -> Formats.enumLabel("staffRole", r));
        role.setId("role-field");
        TextField phone = new TextField(getTranslation("field.phone"));
        TextField servicePhone = new TextField(getTranslation("field.servicePhone"));
        servicePhone.setId("service-phone-field");
        ComboBox<String> department = new ComboBox<>(getTranslation("field.department"));
        department.setItems(service.departments().stream().map(Department::code).toList());
        department.setClearButtonVisible(true);
        Checkbox active = new Checkbox(getTranslation("field.active"));
        Binder<Staff> binder = new Binder<>(Staff.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(role).asRequired(getTranslation("validation.required")).bind("role");
        binder.forField(phone).bind("phone");
        binder.forField(servicePhone).bind("servicePhone");
        binder.forField(department).bind("departmentCode");
        binder.forField(active).bind("active");
        dialog = new EditDialog<>("staff", binder,
                new FormLayout(code, name, role, department, phone, servicePhone, active),
                service::saveStaff, saved -> refresh());
        dialog.setEditable(editor);

        roleFilter.setId("role-filter");
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("common.all"));
        roleFilter.setItems(Staff.ROLES);
        roleFilter.setItemLabelGenerator(r -> r == null ? getTranslation("common.all")
                : Formats.enumLabel("staffRole", r));
        roleFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(roleFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Staff(null, null, "butler", null, null,
                    null, true), true));
        }
        grid.setId("staff-grid");
        grid.setSizeFull();
        grid.addColumn(Staff::code).setHeader(getTranslation("field.code")).setAutoWidth(true);
        grid.addColumn(Staff::name).setHeader(getTranslation("field.name")).setAutoWidth(true);
        grid.addColumn(s -> Formats.enumLabel("staffRole", s.role())).setHeader(getTranslation("field.staffRole"));
        var dept = grid.addColumn(Staff::departmentCode).setHeader(getTranslation("field.department"));
        grid.addColumn(Staff::servicePhone).setHeader(getTranslation("field.servicePhone")).setFlexGrow(1);
        var activeCol = grid.addColumn(s -> s.active() ? "✓" : "").setHeader(getTranslation("field.active"));
        Responsive.hideOnPhone(grid, List.of(dept, activeCol));
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private void edit(Staff s, boolean isNew) {
        code.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "staff.new" : "staff.edit"), s, isNew);
    }

    private void refresh() {
        String role = roleFilter.getValue();
        grid.setItems(q -> service.staff(text, role, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countStaff(text, role));
    }
}

package org.guanjia.user.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.user.User;
import org.guanjia.user.UserService;

/** User accounts and roles (ADMIN only). */
@Route("admin/users")
@Menu(title = "nav.users", order = 90, icon = "vaadin:key")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

    private final UserService service;
    private final Grid<User> grid = new Grid<>(User.class, false);
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final EditDialog<User> dialog;
    private String text = "";

    UsersView(UserService service) {
        this.service = service;
        setId("users-view");
        setSizeFull();
        username.setLabel(getTranslation("field.username"));
        username.setId("username-field");
        TextField displayName = new TextField(getTranslation("field.displayName"));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        TextField staffCode = new TextField(getTranslation("field.staff"));
        Checkbox enabled = new Checkbox(getTranslation("field.enabled"));
        password.setLabel(getTranslation("field.newPassword"));
        password.setId("password-field");
        Binder<User> binder = new Binder<>(User.class);
        binder.forField(username).asRequired(getTranslation("validation.required")).bind("username");
        binder.forField(displayName).asRequired(getTranslation("validation.required")).bind("displayName");
        binder.forField(role).asRequired(getTranslation("validation.required")).bind("role");
        binder.forField(staffCode).bind("staffCode");
        binder.forField(enabled).bind("enabled");
        // shown but not edited here
        binder.forField(new TextField()).bind("locale");
        binder.forField(new Checkbox()).bind("demo");
        binder.forField(new com.vaadin.flow.component.datetimepicker.DateTimePicker()).bind("lastLoginAt");
        FormLayout form = new FormLayout(username, displayName, role, staffCode, password, enabled);
        dialog = new EditDialog<>("user", binder, form, (u, isNew) -> {
            String pw = password.getValue();
            User saved = service.saveUser(emptyToNull(u), pw, isNew);
            password.clear();
            return saved;
        }, saved -> refresh());

        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        });
        toolbar.newButton("new-button", () -> edit(new User(null, null, Role.BUTLER, null, null,
                true, false, null), true));
        grid.setId("users-grid");
        grid.setSizeFull();
        grid.addColumn(User::username).setHeader(getTranslation("field.username")).setAutoWidth(true);
        grid.addColumn(User::displayName).setHeader(getTranslation("field.displayName")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setHeader(getTranslation("field.role"));
        grid.addColumn(User::staffCode).setHeader(getTranslation("field.staff"));
        grid.addColumn(u -> u.enabled() ? "✓" : "").setHeader(getTranslation("field.enabled"));
        grid.addColumn(u -> Formats.dateTime(u.lastLoginAt())).setHeader(getTranslation("field.lastLogin"))
                .setFlexGrow(1);
        grid.addItemClickListener(e -> edit(e.getItem(), false));
        add(toolbar, grid);
        refresh();
    }

    private static User emptyToNull(User u) {
        String staff = u.staffCode() == null || u.staffCode().isBlank() ? null : u.staffCode().trim();
        return new User(u.username(), u.displayName(), u.role(), staff, u.locale(), u.enabled(),
                u.demo(), u.lastLoginAt());
    }

    private void edit(User u, boolean isNew) {
        username.setReadOnly(!isNew);
        password.clear();
        dialog.open(getTranslation(isNew ? "user.new" : "user.edit"), u, isNew);
    }

    private void refresh() {
        grid.setItems(q -> service.users(text, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countUsers(text));
    }

}

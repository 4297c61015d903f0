package org.guanjia.staff.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.AssignmentRow;
import org.guanjia.staff.StaffService;

/** Which butler looks after which cluster, from when, with their 24-hour service phone. */
@Route("assignments")
@Menu(title = "nav.assignments", order = 21, icon = "vaadin:connect")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "SERVICE_DESK"})
class AssignmentsView extends VerticalLayout {

    private final StaffService service;
    private final Grid<AssignmentRow> grid = new Grid<>(AssignmentRow.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final EditDialog<Assignment> dialog;
    private final ComboBox<String> staffField = new ComboBox<>();
    private final ComboBox<String> clusterField = new ComboBox<>();
    private final DatePicker fromField = new DatePicker();
    private String text = "";

    AssignmentsView(StaffService service, CurrentUser user, Clock clock,
            org.guanjia.estate.EstateService estates) {
        this.service = service;
        setId("assignments-view");
        setSizeFull();
        boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);
        var clusterCodes = estates.clusters().stream().map(c -> c.code()).toList();

        staffField.setLabel(getTranslation("field.staff"));
        java.util.Map<String, String> butlers = new java.util.LinkedHashMap<>();
        service.staff(null, "butler", new Page(0, 1000)).forEach(s -> butlers.put(s.code(), s.code() + " " + s.name()));
        staffField.setItems(butlers.keySet());
        staffField.setItemLabelGenerator(c -> butlers.getOrDefault(c, c));
        staffField.setId("staff-field");
        clusterField.setLabel(getTranslation("field.cluster"));
        clusterField.setItems(clusterCodes);
        clusterField.setId("cluster-field");
        fromField.setLabel(getTranslation("field.fromDate"));
        DatePicker to = new DatePicker(getTranslation("field.toDate"));
        Binder<Assignment> binder = new Binder<>(Assignment.class);
        binder.forField(staffField).asRequired(getTranslation("validation.required")).bind("staffCode");
        binder.forField(clusterField).asRequired(getTranslation("validation.required")).bind("clusterCode");
        binder.forField(fromField).asRequired(getTranslation("validation.required")).bind("fromDate");
        binder.forField(to).bind("toDate");
        dialog = new EditDialog<>("assignment", binder,
                new FormLayout(staffField, clusterField, fromField, to),
                service::saveAssignment, saved -> refresh());
        dialog.setEditable(editor);

        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(clusterCodes);
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("cluster-filter");
        clusterFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Assignment(null, clusterFilter.getValue(),
                    LocalDate.now(clock), null), true));
        }
        LocalDate today = LocalDate.now(clock);
        grid.setId("assignments-grid");
        grid.setSizeFull();
        grid.addColumn(AssignmentRow::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        grid.addColumn(a -> a.staffCode() + " " + a.staffName()).setHeader(getTranslation("field.staff"))
                .setAutoWidth(true);
        grid.addColumn(AssignmentRow::servicePhone).setHeader(getTranslation("field.servicePhone"));
        grid.addColumn(a -> Formats.date(a.fromDate()) + " – " + Formats.date(a.toDate()))
                .setHeader(getTranslation("field.period")).setAutoWidth(true);
        grid.addComponentColumn(a -> a.assignment().activeOn(today)
                        ? Badges.badge(getTranslation("assignment.current"), "success")
                        : Badges.badge(getTranslation("assignment.past"), "contrast"))
                .setHeader(getTranslation("field.status"));
        grid.addItemClickListener(e -> edit(e.getItem().assignment(), false));
        add(toolbar, grid);
        refresh();
    }

    private void edit(Assignment a, boolean isNew) {
        staffField.setReadOnly(!isNew);
        clusterField.setReadOnly(!isNew);
        fromField.setReadOnly(!isNew);
        dialog.open(getTranslation(isNew ? "assignment.new" : "assignment.edit"), a, isNew);
    }

    private void refresh() {
        String t = text == null ? "" : text.trim().toLowerCase();
        grid.setItems(service.assignments(clusterFilter.getValue()).stream()
                .filter(a -> t.isEmpty() || a.staffCode().toLowerCase().contains(t)
                        || a.staffName().toLowerCase().contains(t))
                .toList());
    }
}

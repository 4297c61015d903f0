package org.guanjia.repair.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.estate.EstateService;
import org.guanjia.repair.NewRectification;
import org.guanjia.repair.RectificationItem;
import org.guanjia.repair.RectificationService;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/** Recording a rectification item the owner raised, with the department that must do it. */
class RaiseDialog {

    private final RectificationService service;
    private final EditDialog<NewRectification> dialog;
    private final Map<String, String> departments = new LinkedHashMap<>();
    private String engineering;

    RaiseDialog(RectificationService service, EstateService estates, StaffService staff,
            Consumer<RectificationItem> onSaved) {
        this.service = service;
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
            if (engineering == null && "engineering".equals(d.kind())) {
                engineering = d.code(); // 工程整改 goes to engineering unless the butler says otherwise
            }
        }
        ComboBox<String> unit = UnitPicker.create(estates, "item-unit");
        DatePicker raisedOn = new DatePicker(unit.getTranslation("rect.field.raisedOn"));
        raisedOn.setId("item-raised-on");
        Select<String> department = new Select<>();
        department.setLabel(unit.getTranslation("rect.field.department"));
        department.setId("item-department");
        department.setItems(departments.keySet());
        department.setItemLabelGenerator(c -> c == null ? "" : departments.getOrDefault(c, c));
        TextArea description = new TextArea(unit.getTranslation("rect.field.description"));
        description.setId("item-description");
        description.setMaxLength(4000);
        FormLayout form = new FormLayout(unit, raisedOn, department, description);
        form.setColspan(unit, 2);
        form.setColspan(description, 2);
        Binder<NewRectification> binder = new Binder<>(NewRectification.class);
        String required = unit.getTranslation("validation.required");
        binder.forField(unit).asRequired(required).bind("unitCode");
        binder.forField(raisedOn).bind("raisedOn");
        binder.forField(description).asRequired(required).bind("description");
        binder.forField(department).asRequired(required).bind("departmentCode");
        dialog = Steps.dialog("item-raise", binder, form, service::raise, onSaved);
    }

    void openNew() {
        dialog.open(dialog.getTranslation("rect.new"), new NewRectification(null, service.today(), null,
                engineering), true);
    }
}

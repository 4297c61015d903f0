package org.guanjia.repair.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.estate.EstateService;
import org.guanjia.repair.NewRepair;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairService;

/** Reporting a repair on a phone: a unit (by code or owner), or a building's common area. */
class ReportDialog {

    private final RepairService service;
    private final EditDialog<NewRepair> dialog;
    private final ComboBox<String> building = new ComboBox<>();

    ReportDialog(RepairService service, EstateService estates, Consumer<Repair> onSaved) {
        this.service = service;
        ComboBox<String> unit = UnitPicker.create(estates, "repair-unit");
        unit.setHelperText(unit.getTranslation("repair.field.commonAreaHelp"));
        unit.setClearButtonVisible(true);
        building.setLabel(unit.getTranslation("field.building"));
        building.setId("repair-building");
        building.setClearButtonVisible(true);
        DateTimePicker reportedAt = Steps.time("repair.field.reportedAt", "repair-reported-at");
        Select<String> category = new Select<>();
        category.setLabel(unit.getTranslation("repair.field.category"));
        category.setId("repair-category");
        category.setItems(Repair.CATEGORIES);
        category.setItemLabelGenerator(c -> Formats.enumLabel("repair.category", c));
        TextArea description = new TextArea(unit.getTranslation("repair.field.description"));
        description.setId("repair-description");
        description.setMaxLength(10000);
        FormLayout form = new FormLayout(unit, building, reportedAt, category, description);
        form.setColspan(unit, 2);
        form.setColspan(description, 2);
        Binder<NewRepair> binder = new Binder<>(NewRepair.class);
        String required = unit.getTranslation("validation.required");
        binder.forField(unit).bind("unitCode");
        binder.forField(building).bind("buildingCode");
        binder.forField(reportedAt).bind("reportedAt");
        binder.forField(category).asRequired(required).bind("category");
        binder.forField(description).asRequired(required).bind("description");
        dialog = Steps.dialog("repair-report", binder, form, service::report, onSaved);
    }

    void openNew() {
        building.setItems(service.buildings());
        dialog.open(dialog.getTranslation("repair.new"), new NewRepair(null, null, service.now(), null, null), true);
    }
}

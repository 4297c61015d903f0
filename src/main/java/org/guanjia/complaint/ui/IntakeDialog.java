package org.guanjia.complaint.ui;

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
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.estate.EstateService;

/** Taking in a complaint on a phone: the unit by code or owner, channel, category, what happened. */
class IntakeDialog {

    private final ComplaintService service;
    private final EditDialog<NewComplaint> dialog;

    IntakeDialog(ComplaintService service, EstateService estates, Consumer<Complaint> onSaved) {
        this.service = service;
        ComboBox<String> unit = UnitPicker.create(estates, "complaint-unit");
        DateTimePicker receivedAt = Steps.time("complaint.field.receivedAt", "complaint-received-at");
        Select<String> channel = new Select<>();
        channel.setLabel(channel.getTranslation("complaint.field.channel"));
        channel.setId("complaint-channel");
        channel.setItems(Complaint.CHANNELS);
        channel.setItemLabelGenerator(c -> Formats.enumLabel("complaint.channel", c));
        Select<String> category = new Select<>();
        category.setLabel(category.getTranslation("complaint.field.category"));
        category.setId("complaint-category");
        category.setItems(Complaint.CATEGORIES);
        category.setItemLabelGenerator(c -> Formats.enumLabel("complaint.category", c));
        TextArea description = new TextArea(unit.getTranslation("complaint.field.description"));
        description.setId("complaint-description");
        description.setMaxLength(10000);
        description.setMinHeight("6rem");
        FormLayout form = new FormLayout(unit, receivedAt, channel, category, description);
        form.setColspan(unit, 2);
        form.setColspan(description, 2);
        Binder<NewComplaint> binder = new Binder<>(NewComplaint.class);
        String required = unit.getTranslation("validation.required");
        binder.forField(unit).asRequired(required).bind("unitCode");
        binder.forField(receivedAt).bind("receivedAt");
        binder.forField(channel).asRequired(required).bind("channel");
        binder.forField(category).asRequired(required).bind("category");
        binder.forField(description).asRequired(required).bind("description");
        dialog = Steps.dialog("complaint-intake", binder, form, service::intake, onSaved);
    }

    void openNew() {
        dialog.open(dialog.getTranslation("complaint.new"),
                new NewComplaint(null, service.now(), "phone", null, null), true);
    }
}

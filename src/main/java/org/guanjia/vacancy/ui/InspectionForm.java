package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.vacancy.Inspection;
import org.guanjia.vacancy.NewInspection;
import org.guanjia.vacancy.VacancyService;

/**
 * The inspection form (空置房巡视记录表) for one unit: the day, four large yes/no checks, a
 * note, a photo and, when the owner was told at once, how and when.
 */
class InspectionForm {

    private final VacancyService service;
    private final EditDialog<NewInspection> dialog;
    private Inspection saved;

    InspectionForm(VacancyService service, Consumer<Inspection> onSaved) {
        this.service = service;
        TextField unit = new TextField();
        unit.setLabel(unit.getTranslation("field.unit"));
        unit.setId("inspection-unit");
        unit.setReadOnly(true);
        DatePicker on = new DatePicker(unit.getTranslation("vacancy.field.inspectedOn"));
        on.setId("inspection-date");
        on.setMax(service.today());
        YesNoField doors = new YesNoField("check-doors", unit.getTranslation("vacancy.check.doorsWindowsOk"));
        YesNoField utilities = new YesNoField("check-utilities", unit.getTranslation("vacancy.check.utilitiesOffOk"));
        YesNoField leak = new YesNoField("check-leak", unit.getTranslation("vacancy.check.noLeak"));
        YesNoField cracks = new YesNoField("check-cracks", unit.getTranslation("vacancy.check.noCracks"));
        TextArea note = new TextArea(unit.getTranslation("field.note"));
        note.setId("inspection-note");
        note.setHelperText(unit.getTranslation("vacancy.noteHelp"));
        PhotoField photo = new PhotoField("inspection-photo", service.maxPhotoBytes());
        Select<String> method = Fields.informMethod("inspection-informed-method");
        DatePicker informedOn = new DatePicker(unit.getTranslation("vacancy.field.ownerInformedOn"));
        informedOn.setId("inspection-informed-on");
        FormLayout form = new FormLayout(unit, on, doors, utilities, leak, cracks, note, photo, method, informedOn);
        form.setColspan(doors, 2);
        form.setColspan(utilities, 2);
        form.setColspan(leak, 2);
        form.setColspan(cracks, 2);
        form.setColspan(note, 2);
        form.setColspan(photo, 2);
        Binder<NewInspection> binder = new Binder<>(NewInspection.class);
        binder.forField(unit).bind("unitCode");
        binder.forField(on).bind("inspectedOn");
        binder.forField(doors).bind("doorsWindowsOk");
        binder.forField(utilities).bind("utilitiesOffOk");
        binder.forField(leak).bind("noLeak");
        binder.forField(cracks).bind("noCracks");
        binder.forField(note).bind("note");
        binder.forField(photo).bind("photo");
        binder.forField(method).bind("ownerInformedMethod");
        binder.forField(informedOn).bind("ownerInformedOn");
        // telling the owner at once is the usual case: picking a method dates it today
        method.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && informedOn.isEmpty()) {
                informedOn.setValue(on.getValue() != null ? on.getValue() : service.today());
            }
        });
        dialog = new EditDialog<>("inspection", binder, form, (n, isNew) -> {
            saved = service.record(n);
            return n;
        }, n -> onSaved.accept(saved));
    }

    void open(String unitCode) {
        dialog.open(dialog.getTranslation("vacancy.inspectTitle", unitCode),
                NewInspection.blank(unitCode, service.today()), true);
    }
}

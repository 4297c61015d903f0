package org.guanjia.collection.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.collection.CollectionAction;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.NewCollectionAction;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/**
 * The "add action" form of the collection log: date, method, reason, promised date, note,
 * outcome; a service issue also asks for the department that gets the follow-up.
 */
class ActionDialog extends EditDialog<NewCollectionAction> {

    /** Methods offered here: a lawyer's letter is sent with its own button. */
    static final List<String> METHODS = CollectionAction.METHODS.stream()
            .filter(m -> !m.equals("lawyer_letter")).toList();

    private final Clock clock;

    private ActionDialog(Binder<NewCollectionAction> binder, FormLayout form, CollectionService service,
            Clock clock, Runnable onSaved) {
        super("action", binder, form, (a, isNew) -> {
            service.log(a);
            return a;
        }, saved -> onSaved.run());
        this.clock = clock;
    }

    static ActionDialog create(CollectionService service, StaffService staff, Clock clock,
            Runnable onSaved) {
        Binder<NewCollectionAction> binder = new Binder<>(NewCollectionAction.class);
        TextField unit = new TextField(label("field.unit"));
        unit.setId("action-unit-field");
        unit.setReadOnly(true);
        DatePicker on = new DatePicker(label("collect.field.actionOn"));
        on.setId("action-on-field");
        on.setMax(LocalDate.now(clock));
        Select<String> method = new Select<>();
        method.setLabel(label("collect.method"));
        method.setId("method-field");
        method.setItems(METHODS);
        method.setItemLabelGenerator(m -> Formats.enumLabel("collect.method", m));
        Select<String> reason = new Select<>();
        reason.setLabel(label("collect.reason"));
        reason.setId("reason-field");
        reason.setItems(CollectionAction.REASONS);
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(label("collect.reason.none"));
        reason.setItemLabelGenerator(r -> r == null ? label("collect.reason.none")
                : Formats.enumLabel("collect.reason", r));
        DatePicker promised = new DatePicker(label("collect.field.promisedOn"));
        promised.setId("promised-field");
        Map<String, String> departments = new LinkedHashMap<>();
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
        }
        ComboBox<String> department = new ComboBox<>(label("collect.field.department"));
        department.setId("department-field");
        department.setItems(departments.keySet());
        department.setItemLabelGenerator(c -> departments.getOrDefault(c, c));
        department.setHelperText(label("collect.field.departmentHelp"));
        department.setVisible(false);
        reason.addValueChangeListener(e -> department.setVisible("service_issue".equals(e.getValue())));
        TextArea note = new TextArea(label("field.note"));
        note.setId("note-field");
        note.setMaxLength(4000);
        TextField outcome = new TextField(label("collect.field.outcome"));
        outcome.setId("outcome-field");
        outcome.setMaxLength(1000);
        binder.forField(unit).bind("unitCode");
        binder.forField(on).asRequired(label("validation.required")).bind("actionOn");
        binder.forField(method).asRequired(label("validation.required")).bind("method");
        binder.forField(reason).bind("reason");
        binder.forField(promised).bind("promisedOn");
        binder.forField(note).bind("note");
        binder.forField(outcome).bind("outcome");
        binder.forField(department).bind("departmentCode");
        FormLayout form = new FormLayout(unit, on, method, reason, promised, department, note, outcome);
        form.setColspan(note, 2);
        form.setColspan(outcome, 2);
        return new ActionDialog(binder, form, service, clock, onSaved);
    }

    /** Opens the form for a unit: today, by phone. */
    void open(String unitCode) {
        open(getTranslation("collect.action.new", unitCode),
                NewCollectionAction.phoneCall(unitCode, LocalDate.now(clock)), true);
    }

    private static String label(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key);
    }
}

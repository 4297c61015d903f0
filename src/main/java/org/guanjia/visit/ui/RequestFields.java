package org.guanjia.visit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;

/**
 * The fields of one request raised in a visit: what the owner asked, and either the answer given
 * on the spot or the department it goes to with the date the owner should have a reply by.
 */
final class RequestFields {

    final TextArea request = new TextArea();
    final RadioButtonGroup<Boolean> escalate = new RadioButtonGroup<>();
    final TextArea answer = new TextArea();
    final Select<String> department = new Select<>();
    final DatePicker dueOn = new DatePicker();

    RequestFields(Departments departments, String idPrefix) {
        request.setLabel(request.getTranslation("visit.field.request"));
        request.setId(idPrefix + "-text");
        request.setMaxLength(4000);
        request.setWidthFull();
        escalate.setId(idPrefix + "-mode");
        escalate.setItems(List.of(false, true));
        escalate.setItemLabelGenerator(b -> escalate.getTranslation(Boolean.TRUE.equals(b)
                ? "visit.escalate" : "visit.answerOnSpot"));
        escalate.setValue(false);
        escalate.addValueChangeListener(e -> showMode());
        answer.setLabel(answer.getTranslation("visit.field.answer"));
        answer.setId(idPrefix + "-answer");
        answer.setMaxLength(4000);
        answer.setWidthFull();
        department.setLabel(department.getTranslation("field.department"));
        department.setId(idPrefix + "-department");
        department.setItems(departments.names.keySet());
        department.setItemLabelGenerator(departments::name);
        dueOn.setLabel(dueOn.getTranslation("visit.field.dueOn"));
        dueOn.setId(idPrefix + "-due");
        showMode();
    }

    /** Shows the answer for a request answered on the spot, department and due date for an escalated one. */
    void showMode() {
        boolean esc = Boolean.TRUE.equals(escalate.getValue());
        answer.setVisible(!esc);
        department.setVisible(esc);
        dueOn.setVisible(esc);
    }

    FormLayout form() {
        FormLayout form = new FormLayout(request, escalate, answer, department, dueOn);
        form.setColspan(request, 2);
        form.setColspan(escalate, 2);
        form.setColspan(answer, 2);
        return form;
    }
}

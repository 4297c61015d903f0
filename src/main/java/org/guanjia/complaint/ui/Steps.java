package org.guanjia.complaint.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.Binder;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.complaint.Complaint;

/** The parts the intake and the workflow step forms share. */
final class Steps {

    private Steps() {
    }

    /** A form for one step: the binder's record goes to the service, the result to {@code after}. */
    static <T> EditDialog<T> dialog(String id, Binder<T> binder, FormLayout form,
            Function<T, Complaint> action, Consumer<Complaint> after) {
        Complaint[] saved = new Complaint[1];
        return new EditDialog<>(id, binder, form, (value, isNew) -> {
            saved[0] = action.apply(value);
            return value;
        }, value -> after.accept(saved[0]));
    }

    /** A date and time to the minute; empty means "now" to the service. */
    static DateTimePicker time(String labelKey, String id) {
        DateTimePicker t = new DateTimePicker();
        t.setLabel(t.getTranslation(labelKey));
        t.setId(id);
        t.setStep(Duration.ofMinutes(1));
        return t;
    }
}

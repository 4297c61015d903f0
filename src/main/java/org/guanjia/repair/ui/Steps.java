package org.guanjia.repair.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.guanjia.base.ui.EditDialog;

/** The parts the repair and rectification forms share. */
final class Steps {

    private Steps() {
    }

    /** A form whose record goes to the service; the service's result goes to {@code after}. */
    static <T, R> EditDialog<T> dialog(String id, Binder<T> binder, FormLayout form,
            Function<T, R> action, Consumer<R> after) {
        Object[] saved = new Object[1];
        return new EditDialog<>(id, binder, form, (value, isNew) -> {
            saved[0] = action.apply(value);
            return value;
        }, value -> {
            @SuppressWarnings("unchecked")
            R r = (R) saved[0];
            after.accept(r);
        });
    }

    /** A date and time to the minute; empty means "now" to the service. */
    static DateTimePicker time(String labelKey, String id) {
        DateTimePicker t = new DateTimePicker();
        t.setLabel(t.getTranslation(labelKey));
        t.setId(id);
        t.setStep(Duration.ofMinutes(1));
        return t;
    }

    /** A "label: value" line of a detail view; nothing for an empty value. */
    static void line(VerticalLayout info, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(info.getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        info.add(new Div(label, new Span(value)));
    }
}

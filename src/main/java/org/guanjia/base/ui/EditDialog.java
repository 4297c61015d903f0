package org.guanjia.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;

/**
 * A dialog editing one record with a {@link Binder} over the record type. Field checks run in
 * the browser session first; the service's own checks (duplicates, references) come back as a
 * {@link org.guanjia.base.ValidationException} and are shown on the field they name.
 *
 * @param <T> the record type; every component must be bound by its name
 */
public class EditDialog<T> extends Dialog {

    private final Binder<T> binder;
    private final BiFunction<T, Boolean, T> save;
    private final Consumer<T> onSaved;
    private final Button saveButton;
    private boolean isNew;

    public EditDialog(String idPrefix, Binder<T> binder, FormLayout form,
            BiFunction<T, Boolean, T> save, Consumer<T> onSaved) {
        this.binder = binder;
        this.save = save;
        this.onSaved = onSaved;
        setId(idPrefix + "-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("30rem", 2));
        add(form);
        saveButton = new Button(getTranslation("common.save"), e -> save());
        saveButton.setId("save-button");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, saveButton);
    }

    /** Opens the dialog on a record; {@code isNew} when creating. */
    public void open(String title, T record, boolean isNew) {
        this.isNew = isNew;
        setHeaderTitle(title);
        binder.readRecord(record);
        binder.getFields().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
        open();
    }

    /** Read-only for users who may look but not change. */
    public void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        saveButton.setVisible(editable);
    }

    /** Adds more content under the form (e.g. a history grid). */
    public void addBelow(Component c) {
        add(c);
    }

    void save() {
        T value;
        try {
            value = binder.writeRecord();
        } catch (ValidationException e) {
            return; // the binder shows the messages on the fields
        }
        try {
            T saved = save.apply(value, isNew);
            close();
            Notifications.saved();
            onSaved.accept(saved);
        } catch (org.guanjia.base.ValidationException e) {
            for (org.guanjia.base.ValidationException.Problem p : e.problems()) {
                String message = getTranslation(p.messageKey(), p.args().toArray());
                binder.getBinding(p.field()).ifPresentOrElse(b -> {
                    if (b.getField() instanceof HasValidation v) {
                        v.setErrorMessage(message);
                        v.setInvalid(true);
                    }
                }, () -> Notifications.error("common.fieldError", p.field(), message));
            }
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

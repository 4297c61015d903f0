package org.guanjia.activity.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;

/**
 * A small dialog asking for one value (the notice day, the reason to cancel, the summary); the
 * service's problems are shown on the field.
 *
 * @param <V> the field's value type
 */
class OneFieldDialog<V> extends Dialog {

    private final AbstractField<?, V> field;
    private final Consumer<V> save;

    OneFieldDialog(String id, String title, AbstractField<?, V> field, Consumer<V> save) {
        this.field = field;
        this.save = save;
        setId(id + "-dialog");
        setHeaderTitle(title);
        setWidth("min(30rem, 100vw)");
        setCloseOnOutsideClick(false);
        if (field instanceof com.vaadin.flow.component.HasSize s) {
            s.setWidthFull();
        }
        add((Component) field);
        Button ok = new Button(getTranslation("common.save"), e -> save());
        ok.setId("save-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, ok);
    }

    void open(V value) {
        field.setValue(value);
        if (field instanceof HasValidation v) {
            v.setInvalid(false);
        }
        open();
    }

    private void save() {
        try {
            save.accept(field.getValue());
            close();
            Notifications.saved();
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            if (field instanceof HasValidation v) {
                v.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                v.setInvalid(true);
            }
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

package org.guanjia.document.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.Map;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;

/** Shows a service's validation problems on the fields they name; others as a notification. */
final class FieldErrors {

    private FieldErrors() {
    }

    static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    static void show(ValidationException e, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        for (ValidationException.Problem p : e.problems()) {
            String message = UI.getCurrent().getTranslation(p.messageKey(), p.args().toArray());
            HasValidation f = fields.get(p.field());
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            } else {
                Notifications.error("common.fieldError", p.field(), message);
            }
        }
    }
}

package org.guanjia.document.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.PhoneLink;
import org.guanjia.document.Delivery;
import org.guanjia.document.DocumentService;
import org.guanjia.document.NewCall;

/** Records the call to an owner whose copy stayed unclaimed: the day (today) and what was said. */
class CallDialog extends Dialog {

    private final DocumentService service;
    private final Runnable onSaved;
    private final Div who = new Div();
    private final DatePicker callOn = new DatePicker();
    private final TextArea callNote = new TextArea();
    private final Map<String, HasValidation> fields;
    private Delivery delivery;

    CallDialog(DocumentService service, Runnable onSaved) {
        this.service = service;
        this.onSaved = onSaved;
        setId("call-dialog");
        setWidth("min(32rem, 100vw)");
        setCloseOnOutsideClick(false);
        callOn.setLabel(getTranslation("doc.field.callOn"));
        callOn.setId("call-on-field");
        callNote.setLabel(getTranslation("doc.field.callNote"));
        callNote.setId("call-note-field");
        callNote.setMaxLength(4000);
        FormLayout form = new FormLayout(callOn, callNote);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(who, form);
        fields = Map.of("callOn", callOn, "callNote", callNote);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, save);
    }

    void open(Delivery d) {
        delivery = d;
        setHeaderTitle(getTranslation("doc.call.title", d.unitCode()));
        who.removeAll();
        who.add(new Div(d.documentTitle()));
        String owner = d.ownerName() == null ? "" : d.ownerName();
        if (d.ownerPhone() != null) {
            Anchor tel = PhoneLink.of(d.ownerPhone(), owner + " " + d.ownerPhone());
            tel.setId("owner-phone");
            who.add(new Div(tel));
        } else {
            who.add(new Div(owner));
        }
        callOn.setValue(service.today());
        callOn.setMax(service.today());
        callNote.clear();
        FieldErrors.clear(fields);
        open();
    }

    void save() {
        try {
            service.recordCall(new NewCall(delivery.documentNo(), delivery.unitCode(), callOn.getValue(),
                    callNote.getValue()));
            close();
            Notifications.saved();
            onSaved.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

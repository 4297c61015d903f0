package org.guanjia.repair.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.repair.RectificationClosing;
import org.guanjia.repair.RectificationItem;
import org.guanjia.repair.RectificationNote;
import org.guanjia.repair.RectificationService;

/** One rectification item: its progress notes, a new note or return visit, and closing it. */
class RectificationDialog extends Dialog {

    private final RectificationService service;
    private final Runnable onChange;
    private final VerticalLayout info = new VerticalLayout();
    private final TextArea note = new TextArea();
    private final Checkbox returnVisit = new Checkbox();
    private final Button addNote = new Button();
    private final Button closeItem = new Button();
    private final EditDialog<RectificationClosing> closing;
    private RectificationItem current;

    RectificationDialog(RectificationService service, Runnable onChange) {
        this.service = service;
        this.onChange = onChange;
        setId("rectification-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        info.setPadding(false);
        info.setSpacing(false);
        note.setLabel(getTranslation("rect.field.note"));
        note.setId("item-note");
        note.setWidthFull();
        note.setMaxLength(4000);
        returnVisit.setLabel(getTranslation("rect.field.returnVisit"));
        returnVisit.setId("item-return-visit");
        add(info, note, returnVisit);
        addNote.setText(getTranslation("rect.addNote"));
        addNote.setId("add-note-button");
        addNote.addClickListener(e -> saveNote());
        closeItem.setText(getTranslation("rect.closeItem"));
        closeItem.setId("close-item-button");
        closeItem.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        closing = closingForm();
        closeItem.addClickListener(e -> closing.open(getTranslation("rect.closeItem"),
                new RectificationClosing(service.today(), null), false));
        Button close = new Button(getTranslation("rect.close"), e -> close());
        close.setId("item-close");
        getFooter().add(close, addNote, closeItem);
    }

    void open(RectificationItem i) {
        current = i;
        setHeaderTitle(getTranslation("rect.title", i.no()));
        info.removeAll();
        Steps.line(info, "field.status", Formats.enumLabel("rect.status", i.status()));
        Steps.line(info, "field.unit", i.ownerName() == null ? i.unitCode() : i.unitCode() + " · " + i.ownerName());
        Steps.line(info, "rect.field.raisedOn", Formats.date(i.raisedOn()));
        Steps.line(info, "rect.field.description", i.description());
        Steps.line(info, "rect.field.department", i.departmentName() != null ? i.departmentName() : i.departmentCode());
        if (i.followUpNo() != null) {
            Anchor f = new Anchor("follow-ups", i.followUpNo());
            f.setId("item-follow-up");
            Steps.line(info, "rect.field.followUp", " ");
            info.add(f);
        }
        for (RectificationNote n : service.notes(i.no())) {
            Steps.line(info, "rect.field.notes", Formats.dateTime(n.notedAt())
                    + (n.staffName() == null ? "" : " · " + n.staffName())
                    + (n.returnVisit() ? " · " + getTranslation("rect.returnVisitMark") : "") + " · " + n.note());
        }
        Steps.line(info, "rect.field.closedOn", Formats.date(i.closedOn()));
        Steps.line(info, "rect.field.feedback", i.feedbackToOwner());
        note.clear();
        note.setInvalid(false);
        returnVisit.setValue(false);
        note.setVisible(i.isOpen());
        returnVisit.setVisible(i.isOpen());
        addNote.setVisible(i.isOpen());
        closeItem.setVisible(i.isOpen());
        open();
    }

    private void saveNote() {
        try {
            RectificationItem i = service.addNote(current.no(), note.getValue(), returnVisit.getValue());
            changed(i);
        } catch (ValidationException ex) {
            ValidationException.Problem p = ex.problems().get(0);
            note.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
            note.setInvalid(true);
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }

    private void changed(RectificationItem i) {
        Notifications.saved();
        onChange.run();
        open(i);
    }

    private EditDialog<RectificationClosing> closingForm() {
        DatePicker on = new DatePicker(getTranslation("rect.field.closedOn"));
        on.setId("item-closed-on");
        TextArea feedback = new TextArea(getTranslation("rect.field.feedback"));
        feedback.setId("item-feedback");
        feedback.setMaxLength(4000);
        FormLayout form = new FormLayout(on, feedback);
        form.setColspan(feedback, 2);
        Binder<RectificationClosing> binder = new Binder<>(RectificationClosing.class);
        binder.forField(on).bind("closedOn");
        binder.forField(feedback).asRequired(getTranslation("validation.required")).bind("feedbackToOwner");
        return Steps.dialog("item-closing", binder, form, c -> service.close(current.no(), c), this::changed);
    }
}

package org.guanjia.followup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpNote;
import org.guanjia.followup.FollowUpService;

/** One follow-up: what was raised, its notes, and the forms to note progress or resolve it. */
class FollowUpDialog extends Dialog {

    private final FollowUpService service;
    private final boolean worker;
    private final Runnable onChange;
    private final VerticalLayout info = new VerticalLayout();
    private final TextArea note = new TextArea();
    private final TextArea resolution = new TextArea();
    private final TextArea reply = new TextArea();
    private final Button progress = new Button();
    private final Button resolve = new Button();
    private FollowUp current;

    FollowUpDialog(FollowUpService service, boolean worker, Runnable onChange) {
        this.service = service;
        this.worker = worker;
        this.onChange = onChange;
        setId("follow-up-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        info.setPadding(false);
        info.setSpacing(false);
        note.setLabel(getTranslation("followup.field.progressNote"));
        note.setId("progress-note-field");
        note.setWidthFull();
        resolution.setLabel(getTranslation("followup.field.resolution"));
        resolution.setId("resolution-field");
        resolution.setWidthFull();
        resolution.setMaxLength(4000);
        reply.setLabel(getTranslation("followup.field.reply"));
        reply.setId("reply-field");
        reply.setHelperText(getTranslation("followup.field.replyHelp"));
        reply.setWidthFull();
        reply.setMaxLength(4000);
        add(info, note, resolution, reply);
        progress.setText(getTranslation("followup.inProgress"));
        progress.setId("progress-button");
        progress.addClickListener(e -> act(() -> service.updateStatus(current.no(), "in_progress",
                note.getValue())));
        resolve.setText(getTranslation("followup.resolve"));
        resolve.setId("resolve-button");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resolve.addClickListener(e -> act(() -> service.resolve(current.no(), resolution.getValue(),
                reply.getValue())));
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("follow-up-cancel");
        getFooter().add(cancel, progress, resolve);
    }

    void open(FollowUp f) {
        current = f;
        setHeaderTitle(getTranslation("followup.title", f.no()));
        info.removeAll();
        line("field.status", Formats.enumLabel("followup.status", f.status()));
        line("followup.source", Formats.enumLabel("followup.source", f.source())
                + (f.sourceRef() == null ? "" : " · " + f.sourceRef()));
        line("field.unit", f.unitCode() != null ? f.unitCode() : f.clusterCode());
        line("field.department", f.departmentName() != null ? f.departmentName() : f.departmentCode());
        line("followup.field.raisedAt", Formats.dateTime(f.raisedAt()));
        line("followup.field.description", f.description());
        line("followup.field.resolution", f.resolution());
        line("followup.field.reply", f.replyToOwner());
        for (FollowUpNote n : service.notes(f.no())) {
            line("followup.field.note", Formats.dateTime(n.notedAt()) + " · " + n.note());
        }
        if ("collection".equals(f.source()) && f.unitCode() != null) {
            Anchor log = new Anchor("collection/unit/" + f.unitCode(), getTranslation("followup.collectionLog"));
            log.setId("follow-up-unit-link");
            info.add(log);
        }
        note.clear();
        resolution.setValue(f.resolution() == null ? "" : f.resolution());
        reply.clear();
        boolean canResolve = worker && !"closed".equals(f.status());
        note.setVisible(worker && f.isOpen());
        progress.setVisible(worker && f.isOpen());
        resolution.setVisible(canResolve);
        reply.setVisible(canResolve);
        resolve.setVisible(canResolve);
        resolution.setInvalid(false);
        open();
    }

    private void line(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        info.add(new Div(label, new Span(value)));
    }

    private void act(Runnable action) {
        try {
            action.run();
            close();
            Notifications.saved();
            onChange.run();
        } catch (ValidationException ex) {
            for (ValidationException.Problem p : ex.problems()) {
                if ("resolution".equals(p.field())) {
                    resolution.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                    resolution.setInvalid(true);
                } else {
                    Notifications.error(p.messageKey(), p.args().toArray());
                }
            }
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }
}

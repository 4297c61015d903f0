package org.guanjia.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.complaint.Classification;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.Resolution;
import org.guanjia.complaint.SignOff;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/**
 * One complaint as the 投诉记录表 shows it, with the next workflow step as a button: record
 * the response, classify and plan, resolve with the reply, sign-off and return visit, reopen.
 * Each step opens its own small form; the service refuses steps the status does not allow.
 */
class ComplaintDialog extends Dialog {

    private final ComplaintService service;
    private final Runnable onChange;
    private final Map<String, String> departments = new LinkedHashMap<>();
    private final VerticalLayout info = new VerticalLayout();
    private final FlexLayout actions = new FlexLayout();
    private final EditDialog<RespondForm> respond;
    private final EditDialog<Classification> classify;
    private final EditDialog<Resolution> resolve;
    private final EditDialog<SignOff> signOff;
    private Complaint current;

    ComplaintDialog(ComplaintService service, StaffService staff, Runnable onChange) {
        this.service = service;
        this.onChange = onChange;
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
        }
        setId("complaint-dialog");
        setWidth("min(44rem, 100vw)");
        setMaxHeight("100vh");
        info.setPadding(false);
        info.setSpacing(false);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Top.MEDIUM);
        add(info, actions);
        respond = respondForm();
        classify = classifyForm();
        resolve = resolveForm();
        signOff = signOffForm();
        Button close = new Button(getTranslation("complaint.close"), e -> close());
        close.setId("complaint-close");
        getFooter().add(close);
    }

    void open(Complaint c) {
        current = c;
        setHeaderTitle(getTranslation("complaint.title", c.no()));
        info.removeAll();
        LocalDateTime now = service.now();
        line("field.status", Formats.enumLabel("complaint.status", c.status())
                + (c.reopenCount() > 0 ? " · " + getTranslation("complaint.field.reopenCount") + " "
                + c.reopenCount() : ""));
        line("field.unit", c.ownerName() == null ? c.unitCode() : c.unitCode() + " · " + c.ownerName());
        line("complaint.field.receivedAt", Formats.dateTime(c.receivedAt()) + " · "
                + Formats.enumLabel("complaint.channel", c.channel()) + " · "
                + Formats.enumLabel("complaint.category", c.category()));
        line("complaint.field.description", c.description());
        Div levels = new Div(badge(ComplaintsView.ComplaintFormat.minutes(c.responseElapsed(now),
                        c.responseMinutes()), c.responseBreached(now)),
                badge(ComplaintsView.ComplaintFormat.hours(c.resolutionElapsed(now), c.resolutionHours()),
                        c.resolutionBreached(now)));
        levels.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.XSMALL, LumoUtility.Margin.Vertical.XSMALL);
        info.add(levels);
        if (c.firstResponseAt() != null) {
            line("complaint.field.respondedAt", Formats.dateTime(c.firstResponseAt()) + " · "
                    + Formats.enumLabel("complaint.method", c.responseMethod())
                    + (c.responderName() == null ? "" : " · " + c.responderName()));
        }
        if (c.valid() != null) {
            line("complaint.field.valid", getTranslation(c.valid() ? "complaint.valid.true" : "complaint.valid.false"));
        }
        line("complaint.field.department", join(c.department(), c.responsiblePerson()));
        line("complaint.field.plan", c.plan());
        line("complaint.field.resolvedAt", Formats.dateTime(c.resolvedAt()));
        line("complaint.field.reply", c.reply());
        if (c.ownerSigned() != null) {
            line("complaint.field.ownerSigned", getTranslation(c.ownerSigned() ? "complaint.signed.true"
                    : "complaint.signed.false"));
        }
        line("complaint.field.returnVisitAt", Formats.dateTime(c.returnVisitAt()));
        line("complaint.field.satisfaction", c.satisfaction() == null ? null : c.satisfaction() + " / 5");
        line("complaint.field.correctiveAction", c.correctiveAction());
        showActions(c);
        open();
    }

    private void showActions(Complaint c) {
        actions.removeAll();
        if (service.canHandle()) {
            switch (c.status()) {
                case "received" -> actions.add(step("respond-button", "complaint.respond",
                        () -> respond.open(getTranslation("complaint.respond"),
                                new RespondForm(service.now(), "on_site"), false)));
                case "responded" -> actions.add(step("classify-button", "complaint.classify",
                        () -> classify.open(getTranslation("complaint.classify"),
                                new Classification(true, null, null, null), false)));
                case "in_progress" -> {
                    actions.add(step("resolve-button", "complaint.resolve",
                            () -> resolve.open(getTranslation("complaint.resolve"),
                                    new Resolution(service.now(), current.reply(), null), false)));
                    Button again = step("classify-button", "complaint.classify",
                            () -> classify.open(getTranslation("complaint.classify"),
                                    new Classification(current.valid(), current.department(),
                                            current.responsiblePerson(), current.plan()), false));
                    again.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    actions.add(again);
                }
                case "resolved" -> actions.add(step("sign-off-button", "complaint.signOff",
                        () -> signOff.open(getTranslation("complaint.signOff"),
                                new SignOff(true, service.now(), null, null, null), false)), reopenButton());
                case "closed" -> actions.add(reopenButton());
                default -> { }
            }
        }
        StreamResource pdf = new StreamResource(c.no() + ".pdf",
                () -> new ByteArrayInputStream(service.pdf(c.no(), getLocale())));
        pdf.setContentType("application/pdf");
        Anchor print = new Anchor(pdf, "");
        print.add(VaadinIcon.PRINT.create(), new Span(" " + getTranslation("complaint.print")));
        print.getElement().setAttribute("download", true);
        print.setId("complaint-pdf");
        print.addClassNames(LumoUtility.Padding.SMALL);
        actions.add(print);
    }

    private Button step(String id, String key, Runnable open) {
        Button b = new Button(getTranslation(key), e -> open.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private Button reopenButton() {
        Button b = new Button(getTranslation("complaint.reopen"), VaadinIcon.ROTATE_LEFT.create(),
                e -> reopenDialog());
        b.setId("reopen-button");
        return b;
    }

    private void reopenDialog() {
        Dialog d = new Dialog(getTranslation("complaint.reopen"));
        d.setId("reopen-dialog");
        d.setWidth("min(30rem, 100vw)");
        TextArea reason = new TextArea(getTranslation("complaint.field.reason"));
        reason.setId("reopen-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        d.add(reason);
        Button ok = new Button(getTranslation("complaint.reopen"), e -> {
            try {
                Complaint c = service.reopen(current.no(), reason.getValue());
                d.close();
                changed(c);
            } catch (ValidationException ex) {
                ValidationException.Problem p = ex.problems().get(0);
                reason.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                reason.setInvalid(true);
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        ok.setId("reopen-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> d.close());
        d.getFooter().add(cancel, ok);
        d.open();
    }

    private void changed(Complaint c) {
        Notifications.saved();
        onChange.run();
        open(c);
    }

    // --- the step forms -------------------------------------------------------------------------

    private EditDialog<RespondForm> respondForm() {
        var at = Steps.time("complaint.field.respondedAt", "responded-at");
        RadioButtonGroup<String> method = new RadioButtonGroup<>(getTranslation("complaint.field.method"));
        method.setId("response-method");
        method.setItems(Complaint.RESPONSE_METHODS);
        method.setItemLabelGenerator(m -> Formats.enumLabel("complaint.method", m));
        Binder<RespondForm> binder = new Binder<>(RespondForm.class);
        binder.forField(at).bind("respondedAt");
        binder.forField(method).asRequired(getTranslation("validation.required")).bind("method");
        return Steps.dialog("respond", binder, new FormLayout(at, method),
                f -> service.respond(current.no(), new FirstResponse(f.respondedAt(), f.method(), null)),
                this::changed);
    }

    private EditDialog<Classification> classifyForm() {
        RadioButtonGroup<Boolean> valid = new RadioButtonGroup<>(getTranslation("complaint.field.valid"));
        valid.setId("complaint-valid");
        valid.setItems(true, false);
        valid.setItemLabelGenerator(v -> getTranslation(v ? "complaint.valid.true" : "complaint.valid.false"));
        ComboBox<String> department = new ComboBox<>(getTranslation("complaint.field.department"));
        department.setId("complaint-department");
        department.setItems(departments.values());
        department.setAllowCustomValue(true);
        department.addCustomValueSetListener(e -> department.setValue(e.getDetail()));
        TextField person = new TextField(getTranslation("complaint.field.responsiblePerson"));
        person.setId("complaint-responsible");
        person.setMaxLength(200);
        TextArea plan = new TextArea(getTranslation("complaint.field.plan"));
        plan.setId("complaint-plan");
        plan.setMaxLength(4000);
        FormLayout form = new FormLayout(valid, department, person, plan);
        form.setColspan(plan, 2);
        Binder<Classification> binder = new Binder<>(Classification.class);
        binder.forField(valid).asRequired(getTranslation("validation.required")).bind("valid");
        binder.forField(department).bind("department");
        binder.forField(person).bind("responsiblePerson");
        binder.forField(plan).bind("plan");
        return Steps.dialog("classify", binder, form, k -> service.classify(current.no(), k), this::changed);
    }

    private EditDialog<Resolution> resolveForm() {
        var at = Steps.time("complaint.field.resolvedAt", "resolved-at");
        TextArea reply = new TextArea(getTranslation("complaint.field.reply"));
        reply.setId("complaint-reply");
        reply.setMaxLength(4000);
        var repliedAt = Steps.time("complaint.field.repliedAt", "replied-at");
        FormLayout form = new FormLayout(at, repliedAt, reply);
        form.setColspan(reply, 2);
        Binder<Resolution> binder = new Binder<>(Resolution.class);
        binder.forField(at).bind("resolvedAt");
        binder.forField(reply).bind("reply");
        binder.forField(repliedAt).bind("repliedAt");
        return Steps.dialog("resolve", binder, form, r -> service.resolve(current.no(), r), this::changed);
    }

    private EditDialog<SignOff> signOffForm() {
        RadioButtonGroup<Boolean> signed = new RadioButtonGroup<>(getTranslation("complaint.field.ownerSigned"));
        signed.setId("owner-signed");
        signed.setItems(true, false);
        signed.setItemLabelGenerator(v -> getTranslation(v ? "complaint.signed.true" : "complaint.signed.false"));
        var visit = Steps.time("complaint.field.returnVisitAt", "return-visit-at");
        IntegerField satisfaction = new IntegerField(getTranslation("complaint.field.satisfaction"));
        satisfaction.setId("complaint-satisfaction");
        satisfaction.setStepButtonsVisible(true);
        TextArea action = new TextArea(getTranslation("complaint.field.correctiveAction"));
        action.setId("corrective-action");
        action.setMaxLength(4000);
        Select<String> dept = new Select<>();
        dept.setLabel(getTranslation("complaint.field.followUpDepartment"));
        dept.setHelperText(getTranslation("complaint.field.followUpHelp"));
        dept.setId("follow-up-department");
        dept.setEmptySelectionAllowed(true);
        dept.setItems(departments.keySet());
        dept.setItemLabelGenerator(code -> code == null ? "" : departments.getOrDefault(code, code));
        FormLayout form = new FormLayout(signed, visit, satisfaction, action, dept);
        form.setColspan(action, 2);
        Binder<SignOff> binder = new Binder<>(SignOff.class);
        binder.forField(signed).asRequired(getTranslation("validation.required")).bind("ownerSigned");
        binder.forField(visit).bind("returnVisitAt");
        binder.forField(satisfaction).asRequired(getTranslation("validation.required")).bind("satisfaction");
        binder.forField(action).bind("correctiveAction");
        binder.forField(dept).bind("followUpDepartmentCode");
        return Steps.dialog("sign-off", binder, form, s -> service.signOff(current.no(), s), this::changed);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Span badge(String text, boolean late) {
        return org.guanjia.base.ui.Badges.badge(late ? text + " · " + getTranslation("complaint.breached") : text,
                late ? "error" : "contrast");
    }

    private void line(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        info.add(new Div(label, new Span(value)));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " · " + b;
    }
}

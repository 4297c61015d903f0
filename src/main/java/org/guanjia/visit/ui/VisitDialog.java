package org.guanjia.visit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Consumer;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.staff.StaffService;
import org.guanjia.visit.NewVisitRequest;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitChange;
import org.guanjia.visit.VisitRequest;
import org.guanjia.visit.VisitService;

/** One visit: what was recorded, each request with its answer or its follow-up, and the next actions. */
class VisitDialog extends Dialog {

    private final VisitService service;
    private final Runnable onChange;
    private final Consumer<String> showUnit;
    private final Departments departments;
    private final VerticalLayout info = new VerticalLayout();
    private final VerticalLayout requests = new VerticalLayout();
    private final FlexLayout actions = new FlexLayout();
    private final EditDialog<VisitChange> edit;
    private final EditDialog<NewVisitRequest> addRequest;
    private Visit current;

    VisitDialog(VisitService service, StaffService staff, Runnable onChange, Consumer<String> showUnit) {
        this.service = service;
        this.onChange = onChange;
        this.showUnit = showUnit;
        this.departments = new Departments(staff);
        setId("visit-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        info.setPadding(false);
        info.setSpacing(false);
        requests.setPadding(false);
        requests.setId("visit-requests");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Top.MEDIUM);
        add(info, requests, actions);
        edit = editForm();
        addRequest = requestForm();
        Button close = new Button(getTranslation("visit.close"), e -> close());
        close.setId("visit-close");
        getFooter().add(close);
    }

    void open(Visit v) {
        current = v;
        setHeaderTitle(getTranslation("visit.title", v.no()));
        info.removeAll();
        line("field.unit", v.ownerName() == null ? v.unitCode() : v.unitCode() + " · " + v.ownerName());
        line("visit.field.visitedOn", Formats.date(v.visitedOn()) + " · " + Formats.enumLabel("visit.kind", v.kind()));
        line("visit.field.staff", v.staffName() != null ? v.staffName() : v.staffCode());
        line("visit.field.topic", v.topic());
        line("visit.field.satisfaction", v.satisfaction() == null ? null
                : Formats.enumLabel("visit.score", v.satisfaction().toString()));
        line("field.note", v.note());
        info.add(VisitList.flags(v));
        requests.removeAll();
        var list = service.requests(v.no());
        if (!list.isEmpty()) {
            H4 heading = new H4(getTranslation("visit.requests"));
            heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
            requests.add(heading);
        }
        list.forEach(q -> requests.add(request(q)));
        actions.removeAll();
        Button history = new Button(getTranslation("visit.unitHistoryButton"), e -> {
            close();
            showUnit.accept(current.unitCode());
        });
        history.setId("unit-history-button");
        actions.add(history);
        if (service.canWrite()) {
            Button add = new Button(getTranslation("visit.addRequest"), e -> addRequest.open(
                    getTranslation("visit.addRequest"), new NewVisitRequest(null, false, null, null, null), true));
            add.setId("add-request-button");
            Button change = new Button(getTranslation("visit.edit"), e -> edit.open(getTranslation("visit.edit"),
                    new VisitChange(current.visitedOn(), current.kind(), current.topic(), current.satisfaction(),
                            current.note(), current.strongOpinion()), false));
            change.setId("edit-visit-button");
            change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(add, change);
        }
        open();
    }

    private Div request(VisitRequest q) {
        Div d = new Div();
        d.addClassNames(LumoUtility.Padding.Vertical.XSMALL, LumoUtility.Border.BOTTOM,
                LumoUtility.BorderColor.CONTRAST_10);
        Div text = new Div(new Span(q.request()));
        text.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        d.add(text);
        if (q.answeredOnSpot()) {
            d.add(new Div(Badges.badge(getTranslation("visit.answeredOnSpot"), "success"), new Span(" " + q.answer())));
        } else if (q.escalated()) {
            String state = q.followUpStatus() == null ? "" : Formats.enumLabel("followup.status", q.followUpStatus());
            Div line = new Div(Badges.badge(state, q.awaitingReply() ? "error" : "success"),
                    new Span(" " + getTranslation("visit.escalatedTo", q.departmentName() == null ? "" : q.departmentName(),
                            q.followUpNo(), q.dueOn() == null ? "—" : Formats.date(q.dueOn()))));
            d.add(line);
            if (q.replyToOwner() != null) {
                d.add(new Div(new Span(getTranslation("visit.reply", q.replyToOwner()))));
            }
        }
        return d;
    }

    private void line(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        info.add(new Div(label, new Span(value)));
    }

    private void changed(Visit v) {
        onChange.run();
        open(v);
    }

    private EditDialog<VisitChange> editForm() {
        DatePicker on = new DatePicker(getTranslation("visit.field.visitedOn"));
        on.setId("edit-visit-date");
        Select<String> kind = Fields.kind("edit-visit-kind");
        TextArea topic = new TextArea(getTranslation("visit.field.topic"));
        topic.setId("edit-visit-topic");
        Select<Integer> satisfaction = Fields.satisfaction("edit-visit-satisfaction");
        TextArea note = new TextArea(getTranslation("field.note"));
        note.setId("edit-visit-note");
        Checkbox strong = new Checkbox(getTranslation("visit.field.strongOpinion"));
        strong.setId("edit-visit-strong-opinion");
        FormLayout form = new FormLayout(on, kind, topic, satisfaction, strong, note);
        form.setColspan(topic, 2);
        form.setColspan(note, 2);
        Binder<VisitChange> binder = new Binder<>(VisitChange.class);
        binder.forField(on).bind("visitedOn");
        binder.forField(kind).asRequired(getTranslation("validation.required")).bind("kind");
        binder.forField(topic).bind("topic");
        binder.forField(satisfaction).bind("satisfaction");
        binder.forField(note).bind("note");
        binder.forField(strong).bind("strongOpinion");
        Visit[] saved = new Visit[1];
        return new EditDialog<>("edit-visit", binder, form, (c, isNew) -> {
            saved[0] = service.update(current.no(), c);
            return c;
        }, c -> changed(saved[0]));
    }

    private EditDialog<NewVisitRequest> requestForm() {
        RequestFields f = new RequestFields(departments, "single-request");
        Binder<NewVisitRequest> binder = new Binder<>(NewVisitRequest.class);
        binder.forField(f.request).asRequired(getTranslation("validation.required")).bind("request");
        binder.forField(f.escalate).bind("escalate");
        binder.forField(f.answer).bind("answer");
        binder.forField(f.department).bind("departmentCode");
        binder.forField(f.dueOn).bind("dueOn");
        binder.addValueChangeListener(e -> f.showMode());
        Visit[] saved = new Visit[1];
        return new EditDialog<>("add-request", binder, f.form(), (q, isNew) -> {
            saved[0] = service.addRequest(current.no(), q);
            return q;
        }, q -> changed(saved[0]));
    }
}

package org.guanjia.repair.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.repair.Assignment;
import org.guanjia.repair.Completion;
import org.guanjia.repair.Engineer;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairService;
import org.guanjia.repair.ReturnVisit;

/** One repair order with its next step: send the engineer, mark it done, the return visit. */
class RepairDialog extends Dialog {

    private final RepairService service;
    private final Runnable onChange;
    private final VerticalLayout info = new VerticalLayout();
    private final FlexLayout actions = new FlexLayout();
    private final Map<String, String> engineers = new LinkedHashMap<>();
    private final ComboBox<String> engineer = new ComboBox<>();
    private final EditDialog<Assignment> assign;
    private final EditDialog<Completion> complete;
    private final EditDialog<ReturnVisit> visit;
    private Repair current;

    RepairDialog(RepairService service, Runnable onChange) {
        this.service = service;
        this.onChange = onChange;
        setId("repair-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        info.setPadding(false);
        info.setSpacing(false);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Top.MEDIUM);
        add(info, actions);
        assign = assignForm();
        complete = completeForm();
        visit = visitForm();
        Button close = new Button(getTranslation("repair.close"), e -> close());
        close.setId("repair-close");
        getFooter().add(close);
    }

    void open(Repair r) {
        current = r;
        setHeaderTitle(getTranslation("repair.title", r.no()));
        info.removeAll();
        Steps.line(info, "field.status", Formats.enumLabel("repair.status", r.status()));
        Steps.line(info, "repair.field.place", r.unitCode() == null
                ? getTranslation("repair.field.commonArea", r.buildingCode())
                : r.unitCode() + (r.ownerName() == null ? "" : " · " + r.ownerName()));
        Steps.line(info, "repair.field.reportedAt", Formats.dateTime(r.reportedAt()) + " · "
                + Formats.enumLabel("repair.category", r.category()));
        Steps.line(info, "repair.field.description", r.description());
        Steps.line(info, "repair.field.engineer", r.engineerName() == null ? r.engineerCode()
                : r.engineerName() + " · " + Formats.dateTime(r.assignedAt()));
        if (r.butlerAccompanied() != null) {
            Steps.line(info, "repair.field.butlerAccompanied",
                    getTranslation(r.butlerAccompanied() ? "repair.yes" : "repair.no"));
        }
        Steps.line(info, "repair.field.completedAt", Formats.dateTime(r.completedAt()));
        Steps.line(info, "repair.field.returnVisitAt", Formats.dateTime(r.returnVisitAt()));
        if (r.score() != null) {
            Steps.line(info, "repair.field.scores", getTranslation("repair.field.scoreAttitude") + " "
                    + score(r.scoreAttitude()) + " · " + getTranslation("repair.field.scoreQuality") + " "
                    + score(r.scoreQuality()) + " · " + getTranslation("repair.field.scoreEtiquette") + " "
                    + score(r.scoreEtiquette()));
        }
        Steps.line(info, "repair.field.comment", r.comment());
        actions.removeAll();
        switch (r.status()) {
            case "reported", "assigned" -> {
                actions.add(step("assign-button", "repair.assign", () -> {
                    engineers.clear();
                    for (Engineer e : service.engineers()) {
                        engineers.put(e.code(), e.name());
                    }
                    engineer.setItems(engineers.keySet());
                    assign.open(getTranslation("repair.assign"), new Assignment(current.engineerCode(),
                            service.now(), current.butlerAccompanied() != null && current.butlerAccompanied()),
                            false);
                }));
                if ("assigned".equals(r.status())) {
                    actions.addComponentAsFirst(step("complete-button", "repair.complete",
                            () -> complete.open(getTranslation("repair.complete"),
                                    new Completion(service.now(), Boolean.TRUE.equals(current.butlerAccompanied())),
                                    false)));
                }
            }
            case "completed" -> actions.add(step("return-visit-button", "repair.returnVisit",
                    () -> visit.open(getTranslation("repair.returnVisit"),
                            new ReturnVisit(service.now(), null, null, null, null), false)));
            default -> { }
        }
        open();
    }

    private static String score(Integer s) {
        return s == null ? "—" : s.toString();
    }

    private Button step(String id, String key, Runnable open) {
        Button b = new Button(getTranslation(key), e -> open.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private void changed(Repair r) {
        Notifications.saved();
        onChange.run();
        open(r);
    }

    private EditDialog<Assignment> assignForm() {
        engineer.setLabel(getTranslation("repair.field.engineer"));
        engineer.setId("repair-engineer");
        engineer.setItemLabelGenerator(code -> engineers.getOrDefault(code, code));
        var at = Steps.time("repair.field.assignedAt", "assigned-at");
        Checkbox along = new Checkbox(getTranslation("repair.field.butlerAccompanied"));
        along.setId("butler-accompanied");
        Binder<Assignment> binder = new Binder<>(Assignment.class);
        binder.forField(engineer).asRequired(getTranslation("validation.required")).bind("engineerCode");
        binder.forField(at).bind("assignedAt");
        binder.forField(along).bind("butlerAccompanied");
        return Steps.dialog("assign", binder, new FormLayout(engineer, at, along),
                a -> service.assign(current.no(), a), this::changed);
    }

    private EditDialog<Completion> completeForm() {
        var at = Steps.time("repair.field.completedAt", "completed-at");
        Checkbox along = new Checkbox(getTranslation("repair.field.butlerAccompanied"));
        along.setId("completed-butler-accompanied");
        Binder<Completion> binder = new Binder<>(Completion.class);
        binder.forField(at).bind("completedAt");
        binder.forField(along).bind("butlerAccompanied");
        return Steps.dialog("complete", binder, new FormLayout(at, along),
                c -> service.complete(current.no(), c), this::changed);
    }

    private EditDialog<ReturnVisit> visitForm() {
        var at = Steps.time("repair.field.returnVisitAt", "return-visit-at");
        IntegerField attitude = scoreField("repair.field.scoreAttitude", "score-attitude");
        IntegerField quality = scoreField("repair.field.scoreQuality", "score-quality");
        IntegerField etiquette = scoreField("repair.field.scoreEtiquette", "score-etiquette");
        TextArea comment = new TextArea(getTranslation("repair.field.comment"));
        comment.setId("return-visit-comment");
        comment.setMaxLength(4000);
        FormLayout form = new FormLayout(at, attitude, quality, etiquette, comment);
        form.setColspan(comment, 2);
        Binder<ReturnVisit> binder = new Binder<>(ReturnVisit.class);
        binder.forField(at).bind("returnVisitAt");
        binder.forField(attitude).bind("scoreAttitude");
        binder.forField(quality).bind("scoreQuality");
        binder.forField(etiquette).bind("scoreEtiquette");
        binder.forField(comment).bind("comment");
        return Steps.dialog("return-visit", binder, form, v -> service.returnVisit(current.no(), v), this::changed);
    }

    private IntegerField scoreField(String key, String id) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setStepButtonsVisible(true);
        return f;
    }
}

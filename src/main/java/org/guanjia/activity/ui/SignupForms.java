package org.guanjia.activity.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import org.guanjia.activity.Activity;
import org.guanjia.activity.ActivityService;
import org.guanjia.activity.NewSignup;
import org.guanjia.activity.Signup;
import org.guanjia.activity.SignupResult;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.ui.UnitPicker;

/** The sign-up form (unit and head count) and the attendance and feedback form of one sign-up. */
class SignupForms {

    private final ActivityService service;
    private final Runnable onSaved;
    private final EditDialog<NewSignup> signup;
    private final EditDialog<SignupResult> result;
    private final ComboBox<String> unit;
    private Activity activity;
    private String resultUnit;

    SignupForms(ActivityService service, EstateService estates, Runnable onSaved) {
        this.service = service;
        // the units of the user's clusters, found by code or owner name
        this.unit = UnitPicker.create(estates, "signup-unit");
        this.onSaved = onSaved;
        this.signup = signupForm();
        this.result = resultForm();
    }

    private EditDialog<NewSignup> signupForm() {
        IntegerField heads = new IntegerField(unit.getTranslation("activity.field.headCount"));
        heads.setId("signup-heads");
        heads.setStepButtonsVisible(true);
        heads.setMin(1);
        Binder<NewSignup> binder = new Binder<>(NewSignup.class);
        binder.forField(unit).bind("unitCode");
        binder.forField(heads).bind("headCount");
        return new EditDialog<>("signup", binder, new FormLayout(unit, heads), (s, isNew) -> {
            if (isNew) {
                service.signUp(activity.no(), s);
            } else {
                service.changeSignup(activity.no(), s);
            }
            return s;
        }, s -> onSaved.run());
    }

    private EditDialog<SignupResult> resultForm() {
        RadioButtonGroup<Boolean> attended = new RadioButtonGroup<>(unit.getTranslation("activity.field.attended"));
        attended.setId("result-attended");
        attended.setItems(true, false);
        attended.setItemLabelGenerator(b -> unit.getTranslation(b ? "activity.came" : "activity.didNotCome"));
        IntegerField count = new IntegerField(unit.getTranslation("activity.field.attendedCount"));
        count.setId("result-count");
        count.setStepButtonsVisible(true);
        count.setMin(0);
        Select<Integer> score = new Select<>();
        score.setId("result-score");
        score.setLabel(unit.getTranslation("activity.field.score"));
        score.setEmptySelectionAllowed(true);
        score.setEmptySelectionCaption(unit.getTranslation("activity.notAsked"));
        score.setItems(List.of(5, 4, 3, 2, 1));
        score.setItemLabelGenerator(n -> n == null ? unit.getTranslation("activity.notAsked")
                : Formats.enumLabel("activity.score", n.toString()));
        TextArea feedback = new TextArea(unit.getTranslation("activity.field.feedback"));
        feedback.setId("result-feedback");
        TextArea suggestion = new TextArea(unit.getTranslation("activity.field.suggestion"));
        suggestion.setId("result-suggestion");
        DatePicker on = new DatePicker(unit.getTranslation("activity.field.feedbackOn"));
        on.setId("result-feedback-on");
        FormLayout form = new FormLayout(attended, count, score, on, feedback, suggestion);
        form.setColspan(feedback, 2);
        form.setColspan(suggestion, 2);
        Binder<SignupResult> binder = new Binder<>(SignupResult.class);
        binder.forField(attended).bind("attended");
        binder.forField(count).bind("attendedCount");
        binder.forField(score).bind("feedbackScore");
        binder.forField(feedback).bind("feedback");
        binder.forField(suggestion).bind("suggestion");
        binder.forField(on).bind("feedbackOn");
        attended.addValueChangeListener(e -> {
            if (e.isFromClient() && Boolean.FALSE.equals(e.getValue())) {
                count.setValue(0);
            }
        });
        return new EditDialog<>("result", binder, form, (r, isNew) -> {
            service.recordResult(activity.no(), resultUnit, r);
            return r;
        }, r -> onSaved.run());
    }

    void add(Activity a) {
        activity = a;
        unit.setReadOnly(false);
        signup.open(signup.getTranslation("activity.addSignup"), new NewSignup(null, 1), true);
    }

    void edit(Activity a, Signup s) {
        activity = a;
        if (a.isOpen()) {
            unit.setReadOnly(true);
            signup.open(signup.getTranslation("activity.editSignup", s.unitCode()),
                    new NewSignup(s.unitCode(), s.headCount()), false);
        } else if (a.isHeld()) {
            resultUnit = s.unitCode();
            result.open(result.getTranslation("activity.resultTitle", s.unitCode()),
                    new SignupResult(s.attended(), s.attended() == null ? s.headCount() : s.attendedCount(),
                            s.feedbackScore(), s.feedback(), s.suggestion(), s.feedbackOn()), false);
        }
    }
}

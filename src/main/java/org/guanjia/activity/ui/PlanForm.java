package org.guanjia.activity.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.function.Consumer;
import org.guanjia.activity.Activity;
import org.guanjia.activity.ActivityPlan;
import org.guanjia.activity.ActivityService;
import org.guanjia.base.ui.EditDialog;

/** The plan of an activity: estate, title, start, place and capacity (new, or changed while open). */
class PlanForm {

    private final ActivityService service;
    private final EditDialog<ActivityPlan> dialog;
    private final Select<String> estate = new Select<>();
    private Activity editing;
    private Activity saved;

    PlanForm(ActivityService service, Consumer<Activity> onSaved) {
        this.service = service;
        estate.setId("plan-estate");
        estate.setLabel(estate.getTranslation("field.estate"));
        List<String> estates = service.estates();
        estate.setItems(estates);
        TextField title = new TextField(estate.getTranslation("activity.field.title"));
        title.setId("plan-title");
        DateTimePicker startsAt = new DateTimePicker(estate.getTranslation("activity.field.startsAt"));
        startsAt.setId("plan-starts-at");
        TextField place = new TextField(estate.getTranslation("activity.field.place"));
        place.setId("plan-place");
        IntegerField capacity = new IntegerField(estate.getTranslation("activity.field.capacity"));
        capacity.setId("plan-capacity");
        capacity.setHelperText(estate.getTranslation("activity.capacityHelp"));
        capacity.setMin(1);
        FormLayout form = new FormLayout(estate, title, startsAt, place, capacity);
        form.setColspan(title, 2);
        form.setColspan(startsAt, 2);
        Binder<ActivityPlan> binder = new Binder<>(ActivityPlan.class);
        binder.forField(estate).bind("estateCode");
        binder.forField(title).bind("title");
        binder.forField(startsAt).bind("startsAt");
        binder.forField(place).bind("place");
        binder.forField(capacity).bind("capacity");
        dialog = new EditDialog<>("plan", binder, form, (p, isNew) -> {
            saved = isNew ? service.create(p) : service.update(editing.no(), p);
            return p;
        }, p -> onSaved.accept(saved));
    }

    void openNew() {
        editing = null;
        estate.setReadOnly(false);
        List<String> estates = service.estates();
        dialog.open(dialog.getTranslation("activity.newTitle"),
                new ActivityPlan(estates.size() == 1 ? estates.get(0) : null, null, null, null, null), true);
    }

    void openEdit(Activity a) {
        editing = a;
        estate.setReadOnly(true);
        dialog.open(dialog.getTranslation("activity.editPlan"),
                new ActivityPlan(a.estateCode(), a.title(), a.startsAt(), a.place(), a.capacity()), false);
    }
}

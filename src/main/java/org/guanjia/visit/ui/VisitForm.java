package org.guanjia.visit.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.visit.CustomerFlags;
import org.guanjia.visit.NewVisit;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitPlan;
import org.guanjia.visit.VisitService;

/**
 * Recording a visit on a phone: the unit by code or owner, the day (today unless changed), the
 * kind, topic, satisfaction, the owner's flags and the requests raised, each answered on the
 * spot or escalated. Fields are taller than usual so a thumb hits them.
 */
class VisitForm extends Dialog {

    private final VisitService service;
    private final Binder<Draft> binder = new Binder<>(Draft.class);
    private final ComboBox<String> unit;
    private final DatePicker visitedOn = new DatePicker();
    private final Select<String> kind = Fields.kind("visit-kind");
    private final TextArea topic = new TextArea();
    private final Select<Integer> satisfaction = Fields.satisfaction("visit-satisfaction");
    private final Checkbox strongOpinion = new Checkbox();
    private final Checkbox keyCustomer = new Checkbox();
    private final TextArea note = new TextArea();
    private final RequestsEditor requests;
    /** Who made the visit, for those recording for a butler; a butler always records their own. */
    private final ComboBox<Staff> visitor = new ComboBox<>();
    private final List<Consumer<Visit>> listeners = new ArrayList<>();
    private String planNo;

    VisitForm(VisitService service, EstateService estates, StaffService staff, boolean pickVisitor) {
        this.service = service;
        setId("visit-form-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        unit = UnitPicker.create(estates, "visit-unit");
        unit.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                CustomerFlags f = service.customerFlags(e.getValue());
                keyCustomer.setValue(f.keyCustomer());
                keyCustomer.setHelperText(f.strongOpinion() ? getTranslation("visit.ownerHasStrongOpinions") : null);
            }
        });
        visitedOn.setLabel(getTranslation("visit.field.visitedOn"));
        visitedOn.setId("visit-date");
        topic.setLabel(getTranslation("visit.field.topic"));
        topic.setId("visit-topic");
        topic.setMaxLength(10000);
        strongOpinion.setLabel(getTranslation("visit.field.strongOpinion"));
        strongOpinion.setId("visit-strong-opinion");
        keyCustomer.setLabel(getTranslation("visit.field.keyCustomer"));
        keyCustomer.setId("visit-key-customer");
        note.setLabel(getTranslation("field.note"));
        note.setId("visit-note");
        note.setMaxLength(10000);
        requests = new RequestsEditor(new Departments(staff));
        visitor.setLabel(getTranslation("visit.field.staff"));
        visitor.setId("visit-staff");
        visitor.setHelperText(getTranslation("visit.staffHelp"));
        visitor.setClearButtonVisible(true);
        visitor.setItemLabelGenerator(Staff::name);
        visitor.setVisible(pickVisitor);
        if (pickVisitor) {
            visitor.setItems(staff.staff(null, "butler", Page.first(500)));
        }
        FormLayout form = new FormLayout(unit, visitedOn, kind, visitor, topic, satisfaction, strongOpinion, keyCustomer,
                note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(unit, 2);
        form.setColspan(topic, 2);
        form.setColspan(note, 2);
        // taller fields and buttons for a thumb on a phone (Lumo sizes cascade into the fields)
        getElement().getStyle().set("--lumo-size-m", "var(--lumo-size-l)");
        add(form, requests);
        bind();
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        getFooter().add(cancel, save);
    }

    private void bind() {
        String required = getTranslation("validation.required");
        binder.forField(unit).asRequired(required).bind(Draft::getUnitCode, Draft::setUnitCode);
        binder.forField(visitedOn).bind(Draft::getVisitedOn, Draft::setVisitedOn);
        binder.forField(kind).asRequired(required).bind(Draft::getKind, Draft::setKind);
        binder.forField(topic).bind(Draft::getTopic, Draft::setTopic);
        binder.forField(satisfaction).bind(Draft::getSatisfaction, Draft::setSatisfaction);
        binder.forField(strongOpinion).bind(Draft::isStrongOpinion, Draft::setStrongOpinion);
        binder.forField(keyCustomer).bind(Draft::getKeyCustomer, Draft::setKeyCustomer);
        binder.forField(note).bind(Draft::getNote, Draft::setNote);
        binder.forField(visitor).bind(Draft::getStaff, Draft::setStaff);
    }

    void onSaved(Consumer<Visit> listener) {
        listeners.add(listener);
    }

    /** A visit met by chance today, the most common case on the phone. */
    void openNew() {
        Draft d = new Draft();
        d.setVisitedOn(service.today());
        d.setKind("chance");
        show(d, null);
    }

    /** The visit that carries out a planned appointment: its unit and topic filled in. */
    void openFor(VisitPlan p) {
        Draft d = new Draft();
        d.setUnitCode(p.unitCode());
        d.setVisitedOn(service.today());
        d.setKind("scheduled");
        d.setTopic(p.topic());
        d.setKeyCustomer(p.keyCustomer());
        show(d, p.no());
    }

    private void show(Draft d, String plan) {
        planNo = plan;
        setHeaderTitle(getTranslation(plan == null ? "visit.new" : "visit.newFromPlan", plan));
        unit.setReadOnly(plan != null);
        visitedOn.setMax(service.today());
        binder.readBean(d);
        binder.getFields().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
        requests.clear();
        open();
    }

    void save() {
        Draft d = new Draft();
        if (!binder.writeBeanIfValid(d)) {
            return; // the binder shows the messages on the fields
        }
        requests.clearErrors();
        try {
            String staffCode = d.getStaff() == null ? null : d.getStaff().code();
            Visit v = service.record(new NewVisit(d.getUnitCode(), d.getVisitedOn(), staffCode, d.getKind(), d.getTopic(),
                    d.getSatisfaction(), d.getNote(), d.isStrongOpinion(), d.getKeyCustomer(), planNo,
                    requests.value()));
            close();
            Notifications.saved();
            listeners.forEach(l -> l.accept(v));
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                String message = getTranslation(p.messageKey(), p.args().toArray());
                if (!requests.showError(p.field(), message)) {
                    binder.getFields().filter(f -> field(p.field()) == f).findFirst().ifPresentOrElse(f -> {
                        if (f instanceof HasValidation v) {
                            v.setErrorMessage(message);
                            v.setInvalid(true);
                        }
                    }, () -> Notifications.error("common.fieldError", p.field(), message));
                }
            }
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    private Object field(String name) {
        return switch (name) {
            case "unitCode" -> unit;
            case "visitedOn" -> visitedOn;
            case "kind" -> kind;
            case "topic" -> topic;
            case "satisfaction" -> satisfaction;
            case "note" -> note;
            case "staffCode" -> visitor;
            default -> null;
        };
    }

    /** The form's values while editing. */
    static final class Draft {
        private String unitCode;
        private LocalDate visitedOn;
        private String kind;
        private String topic;
        private Integer satisfaction;
        private boolean strongOpinion;
        private Boolean keyCustomer = false;
        private String note;
        private Staff staff;

        Staff getStaff() {
            return staff;
        }

        void setStaff(Staff v) {
            staff = v;
        }

        String getUnitCode() {
            return unitCode;
        }

        void setUnitCode(String v) {
            unitCode = v;
        }

        LocalDate getVisitedOn() {
            return visitedOn;
        }

        void setVisitedOn(LocalDate v) {
            visitedOn = v;
        }

        String getKind() {
            return kind;
        }

        void setKind(String v) {
            kind = v;
        }

        String getTopic() {
            return topic;
        }

        void setTopic(String v) {
            topic = v;
        }

        Integer getSatisfaction() {
            return satisfaction;
        }

        void setSatisfaction(Integer v) {
            satisfaction = v;
        }

        boolean isStrongOpinion() {
            return strongOpinion;
        }

        void setStrongOpinion(Boolean v) {
            strongOpinion = Boolean.TRUE.equals(v);
        }

        Boolean getKeyCustomer() {
            return keyCustomer;
        }

        void setKeyCustomer(Boolean v) {
            keyCustomer = v;
        }

        String getNote() {
            return note;
        }

        void setNote(String v) {
            note = v;
        }
    }
}

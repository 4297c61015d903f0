package org.guanjia.fees.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.fees.FeeSchedule;
import org.guanjia.fees.FeeScheduleService;

/** "Change rate from a date": closes the schedule the day before and opens one with the new rate. */
class ChangeRateDialog extends Dialog {

    private final FeeScheduleService service;
    private final Consumer<FeeSchedule> onSaved;
    private final Paragraph about = new Paragraph();
    private final DatePicker from = new DatePicker();
    private final BigDecimalField rate = new BigDecimalField();
    private FeeSchedule schedule;

    ChangeRateDialog(FeeScheduleService service, Consumer<FeeSchedule> onSaved) {
        this.service = service;
        this.onSaved = onSaved;
        setId("change-rate-dialog");
        setWidth("min(32rem, 100vw)");
        setHeaderTitle(getTranslation("fees.schedule.changeRate"));
        from.setLabel(getTranslation("fees.field.validFrom"));
        from.setId("change-from-field");
        from.setHelperText(getTranslation("fees.schedule.changeHelp"));
        rate.setLabel(getTranslation("fees.schedule.newRate"));
        rate.setId("change-rate-field");
        FormLayout form = new FormLayout(from, rate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("24rem", 2));
        add(about, form);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("change-save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    void open(FeeSchedule s) {
        schedule = s;
        about.setText(getTranslation("fees.schedule.changeAbout", s.code(), FeeSchedulesView.rate(s.rate()),
                Formats.date(s.validFrom())));
        from.clear();
        rate.clear();
        from.setInvalid(false);
        rate.setInvalid(false);
        open();
    }

    private void save() {
        try {
            FeeSchedule opened = service.changeRate(schedule.code(), from.getValue(), rate.getValue());
            close();
            Notifications.saved();
            onSaved.accept(opened);
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                String message = getTranslation(p.messageKey(), p.args().toArray());
                HasValidation field = "rate".equals(p.field()) ? rate : "validFrom".equals(p.field()) ? from : null;
                if (field == null) {
                    Notifications.error("common.fieldError", p.field(), message);
                } else {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }
            }
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

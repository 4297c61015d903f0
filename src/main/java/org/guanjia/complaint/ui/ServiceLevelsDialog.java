package org.guanjia.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.ServiceLevel;

/** The response and resolution levels per complaint category, for managers to set. */
class ServiceLevelsDialog extends Dialog {

    private final ComplaintService service;
    private final List<IntegerField[]> rows = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();

    ServiceLevelsDialog(ComplaintService service) {
        this.service = service;
        setId("levels-dialog");
        setHeaderTitle(getTranslation("complaint.levels"));
        setWidth("min(36rem, 100vw)");
        setMaxHeight("100vh");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("26rem", 3));
        for (ServiceLevel l : service.serviceLevels()) {
            Span name = new Span(Formats.enumLabel("complaint.category", l.category()));
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.Top.SMALL);
            IntegerField response = new IntegerField(getTranslation("complaint.levels.response"));
            response.setId("response-" + l.category());
            response.setValue(l.responseMinutes());
            IntegerField resolution = new IntegerField(getTranslation("complaint.levels.resolution"));
            resolution.setId("resolution-" + l.category());
            resolution.setValue(l.resolutionHours());
            form.add(name, response, resolution);
            categories.add(l.category());
            rows.add(new IntegerField[] {response, resolution});
        }
        add(form);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("levels-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    private void save() {
        List<ServiceLevel> levels = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            IntegerField[] f = rows.get(i);
            f[0].setInvalid(false);
            f[1].setInvalid(false);
            levels.add(new ServiceLevel(categories.get(i), f[0].getValue(), f[1].getValue()));
        }
        try {
            service.saveServiceLevels(levels);
            close();
            Notifications.saved();
        } catch (ValidationException ex) {
            for (ValidationException.Problem p : ex.problems()) {
                int dot = p.field().indexOf('.');
                int row = dot < 0 ? -1 : categories.indexOf(p.field().substring(0, dot));
                if (row < 0) {
                    Notifications.error(p.messageKey(), p.args().toArray());
                    continue;
                }
                IntegerField field = rows.get(row)[p.field().endsWith("resolutionHours") ? 1 : 0];
                field.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                field.setInvalid(true);
            }
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }
}

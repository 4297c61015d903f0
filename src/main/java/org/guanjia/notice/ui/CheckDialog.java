package org.guanjia.notice.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.notice.Facility;
import org.guanjia.notice.FacilityCheck;
import org.guanjia.notice.NewFacilityCheck;
import org.guanjia.notice.NoticeService;

/**
 * Today's check of a facility: clean, undamaged, safe (yes/no each) and a note; a "no" goes to
 * engineering or cleaning as a follow-up. Below, the facility's latest checks.
 */
class CheckDialog extends Dialog {

    private final NoticeService service;
    private final Runnable onSaved;
    private final RadioButtonGroup<Boolean> clean = yesNo("clean-field", "notice.check.clean");
    private final RadioButtonGroup<Boolean> undamaged = yesNo("undamaged-field", "notice.check.undamaged");
    private final RadioButtonGroup<Boolean> safe = yesNo("safe-field", "notice.check.safe");
    private final TextArea note = new TextArea();
    private final Grid<FacilityCheck> history = new Grid<>(FacilityCheck.class, false);
    private final Map<String, HasValidation> fields;
    private final Button save;
    private Facility facility;

    CheckDialog(NoticeService service, Runnable onSaved) {
        this.service = service;
        this.onSaved = onSaved;
        setId("check-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        note.setLabel(getTranslation("field.note"));
        note.setId("note-field");
        note.setMaxLength(4000);
        note.setHelperText(getTranslation("notice.check.noteHelp"));
        FormLayout form = new FormLayout(clean, undamaged, safe, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
        form.setColspan(note, 3);
        history.setId("checks-grid");
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addColumn(c -> Formats.date(c.checkedOn())).setHeader(getTranslation("notice.check.on")).setAutoWidth(true);
        history.addComponentColumn(c -> c.allOk() ? Badges.badge(getTranslation("notice.check.ok"), "success")
                : Badges.badge(getTranslation("notice.check.problem"), "error")).setAutoWidth(true);
        history.addColumn(c -> (c.note() == null ? "" : c.note())
                + (c.followUpNo() == null ? "" : " → " + c.followUpNo())).setHeader(getTranslation("field.note"))
                .setFlexGrow(2);
        H4 heading = new H4(getTranslation("notice.check.history"));
        add(form, heading, history);
        fields = Map.of("cleanOk", clean, "undamagedOk", undamaged, "safeOk", safe, "note", note);
        save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, save);
    }

    private RadioButtonGroup<Boolean> yesNo(String id, String labelKey) {
        RadioButtonGroup<Boolean> g = new RadioButtonGroup<>();
        g.setId(id);
        g.setLabel(getTranslation(labelKey));
        g.setItems(List.of(true, false));
        g.setItemLabelGenerator(b -> getTranslation(b ? "notice.check.yes" : "notice.check.no"));
        return g;
    }

    void open(Facility f) {
        facility = f;
        setHeaderTitle(getTranslation("notice.check.title", f.name()));
        clean.clear();
        undamaged.clear();
        safe.clear();
        note.clear();
        FieldErrors.clear(fields);
        save.setVisible(service.canWrite() && f.active());
        clean.setReadOnly(!save.isVisible());
        undamaged.setReadOnly(!save.isVisible());
        safe.setReadOnly(!save.isVisible());
        note.setReadOnly(!save.isVisible());
        history.setItems(service.checks(f.code(), 10));
        open();
    }

    void save() {
        try {
            FacilityCheck c = service.check(new NewFacilityCheck(facility.code(), clean.getValue(),
                    undamaged.getValue(), safe.getValue(), note.getValue()));
            close();
            if (c.followUpNo() != null) {
                Notifications.error("notice.check.followUpRaised", c.followUpNo());
            } else {
                Notifications.saved();
            }
            onSaved.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

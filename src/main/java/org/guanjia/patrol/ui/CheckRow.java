package org.guanjia.patrol.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.photo.PhotoStore;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.patrol.ChecklistItem;
import org.guanjia.patrol.Finding;
import org.guanjia.patrol.NewFinding;
import org.guanjia.patrol.PatrolCheck;

/**
 * One checklist item of the patrol form: its label, three large buttons (OK, finding, not
 * applicable), the finding's fields when "finding" is chosen, and the findings already raised.
 */
class CheckRow extends Div {

    private final PatrolFormView form;
    private final ChecklistItem item;
    private final Button ok;
    private final Button issue;
    private final Button na;
    private final VerticalLayout findingForm = new VerticalLayout();
    private final Div findings = new Div();
    private String result;

    CheckRow(PatrolFormView form, PatrolCheck check, List<Finding> existing) {
        this.form = form;
        this.item = check.item();
        this.result = check.result();
        setId("check-" + item.code());
        addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.SMALL, LumoUtility.Width.FULL, LumoUtility.BoxSizing.BORDER);
        Span label = new Span(item.label(getLocale()));
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Display.BLOCK);
        Span category = new Span(Formats.enumLabel("patrol.category", item.category())
                + (item.active() ? "" : " · " + getTranslation("patrol.checklist.inactive")));
        category.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        // the rulebook's own items are their category; only added items say which one they count under
        category.setVisible(!item.code().equals(item.category()) || !item.active());
        ok = toggle("ok-" + item.code(), "patrol.result.ok", VaadinIcon.CHECK);
        issue = toggle("issue-" + item.code(), "patrol.result.issue", VaadinIcon.WARNING);
        na = toggle("na-" + item.code(), "patrol.result.not_applicable", VaadinIcon.BAN);
        ok.addClickListener(e -> record(PatrolCheck.OK));
        na.addClickListener(e -> record(PatrolCheck.NOT_APPLICABLE));
        issue.addClickListener(e -> showFindingForm());
        FlexLayout buttons = new FlexLayout(ok, issue, na);
        buttons.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Top.SMALL);
        buttons.setWidthFull();
        boolean editable = form.editable();
        buttons.setVisible(editable || result != null);
        ok.setEnabled(editable);
        issue.setEnabled(editable);
        na.setEnabled(editable);
        findingForm.setPadding(false);
        findingForm.setVisible(false);
        findings.setWidthFull();
        existing.forEach(this::showFinding);
        add(label, category, buttons, findingForm, findings);
        if (check.note() != null) {
            Span note = new Span(check.note());
            note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            add(note);
        }
        paint();
    }

    private Button toggle(String id, String key, VaadinIcon icon) {
        Button b = new Button(getTranslation(key), icon.create());
        b.setId(id);
        b.setHeight("3rem");
        b.setMinWidth("5.5rem");
        b.getStyle().set("flex", "1 1 0");
        return b;
    }

    /** Colours the chosen result's button. */
    private void paint() {
        for (Button b : List.of(ok, issue, na)) {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_ERROR,
                    ButtonVariant.LUMO_CONTRAST);
        }
        if (PatrolCheck.OK.equals(result)) {
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        } else if (PatrolCheck.ISSUE.equals(result)) {
            issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        } else if (PatrolCheck.NOT_APPLICABLE.equals(result)) {
            na.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_CONTRAST);
        }
        // once a finding went to a department the item stays a finding; more findings may follow
        ok.setEnabled(form.editable() && !PatrolCheck.ISSUE.equals(result));
        na.setEnabled(form.editable() && !PatrolCheck.ISSUE.equals(result));
    }

    private void record(String value) {
        try {
            form.service().check(form.patrol().no(), item.code(), value, null);
            result = value;
            findingForm.setVisible(false);
            paint();
            form.reloadProgress();
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.of());
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    private void showFindingForm() {
        if (findingForm.isVisible()) {
            return;
        }
        findingForm.removeAll();
        TextArea description = new TextArea(getTranslation("patrol.field.finding"));
        description.setId("finding-description");
        description.setWidthFull();
        description.setMaxLength(4000);
        ComboBox<String> unit = UnitPicker.create(form.estates(), "finding-unit");
        unit.setVisible(true);
        if (!item.needsUnit()) {
            unit.setLabel(getTranslation("patrol.field.unitOptional"));
        }
        Select<String> department = new Select<>();
        department.setId("finding-department");
        department.setLabel(getTranslation("field.department"));
        department.setItems(form.departments().keySet());
        department.setItemLabelGenerator(c -> c == null ? "" : form.departments().getOrDefault(c, c));
        department.setWidthFull();
        form.checklist().defaultDepartment(item).ifPresent(department::setValue);
        DatePicker due = new DatePicker(getTranslation("patrol.field.dueOn"));
        due.setId("finding-due");
        due.setMin(form.service().today());
        due.setValue(form.service().today().plusDays(1));
        due.setWidthFull();
        PhotoField photo = new PhotoField("finding-photo", form.service().maxPhotoBytes());
        Span photoLabel = new Span(getTranslation("photo.label"));
        photoLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Button save = new Button(getTranslation("patrol.saveFinding"), VaadinIcon.PAPERPLANE.create());
        save.setId("save-finding-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        save.setHeight("3rem");
        save.setWidthFull();
        Button cancel = new Button(getTranslation("common.cancel"), e -> {
            findingForm.setVisible(false);
            paint();
        });
        cancel.setId("cancel-finding-button");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Map<String, HasValidation> fields = Map.of("description", description, "unitCode", unit,
                "departmentCode", department, "dueOn", due, "photo", photo);
        save.addClickListener(e -> {
            try {
                Finding f = form.service().addFinding(form.patrol().no(), new NewFinding(item.code(),
                        description.getValue(), unit.getValue(), department.getValue(), due.getValue(), photo.photo()));
                result = PatrolCheck.ISSUE;
                findingForm.setVisible(false);
                showFinding(f);
                paint();
                form.reloadProgress();
                Notifications.saved();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields);
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        findingForm.add(description, unit, department, due, photoLabel, photo, save, cancel);
        findingForm.setVisible(true);
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        description.focus();
    }

    private void showFinding(Finding f) {
        Div box = new Div();
        box.setId("finding-" + f.id());
        box.addClassNames(LumoUtility.Margin.Top.SMALL, LumoUtility.Padding.SMALL, LumoUtility.Background.ERROR_10,
                LumoUtility.BorderRadius.SMALL);
        Span text = new Span(f.description() + (f.unitCode() == null ? "" : " · " + f.unitCode()));
        text.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.SMALL);
        box.add(text);
        if (f.followUpNo() != null) {
            box.add(PatrolFormView.followUpBadge(f.followUpNo(), f.followUpStatus()));
        }
        if (f.hasPhoto()) {
            long id = f.id();
            String key = f.photoKey();
            Image img = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = form.service().photo(id).orElse(new byte[0]);
                return new DownloadResponse(new ByteArrayInputStream(bytes), "finding-" + id,
                        PhotoStore.mimeType(key), bytes.length);
            }), getTranslation("photo.alt"));
            img.setId("finding-photo-" + id);
            img.setMaxWidth("100%");
            img.setMaxHeight("12rem");
            img.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.Margin.Top.XSMALL, LumoUtility.BorderRadius.SMALL);
            box.add(img);
        }
        findings.add(box);
    }
}

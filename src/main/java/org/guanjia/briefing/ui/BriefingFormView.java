package org.guanjia.briefing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.briefing.Briefing;
import org.guanjia.briefing.BriefingItem;
import org.guanjia.briefing.BriefingService;
import org.guanjia.briefing.NewBriefingItem;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/**
 * One morning briefing on the phone: when it was held, then for each source (security captain,
 * maintenance, cleaning/greening lead, call centre, service hall) what they reported; an item
 * needing action goes to a department as a follow-up.
 */
@Route("briefings/:no")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class BriefingFormView extends VerticalLayout implements BeforeEnterObserver {

    private final BriefingService service;
    private final EstateService estates;
    private final Map<String, String> departments = new LinkedHashMap<>();
    private final H2 title = new H2();
    private final Span header = new Span();
    private final Div heldSection = new Div();
    private final VerticalLayout itemForm = new VerticalLayout();
    private final VerticalLayout itemList = new VerticalLayout();
    private Briefing briefing;

    BriefingFormView(BriefingService service, EstateService estates, StaffService staff) {
        this.service = service;
        this.estates = estates;
        setId("briefing-form");
        setMaxWidth("48rem");
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
        }
        header.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        heldSection.setWidthFull();
        itemForm.setPadding(false);
        itemList.setPadding(false);
        Button back = new Button(getTranslation("brief.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("briefings"));
        back.setId("back-button");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, title, header, heldSection, itemForm, itemList);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String no = event.getRouteParameters().get("no").orElse("");
        Optional<Briefing> b = service.briefing(no);
        if (b.isEmpty()) {
            Notifications.error("validation.unknown", no);
            event.forwardTo("briefings");
            return;
        }
        briefing = b.get();
        refresh();
    }

    private boolean editable() {
        return service.canWrite() && briefing.briefingOn().equals(service.today());
    }

    private void refresh() {
        briefing = service.briefing(briefing.no()).orElseThrow();
        title.setText(getTranslation("brief.form.title", briefing.clusterCode(), Formats.date(briefing.briefingOn())));
        header.setText(getTranslation("brief.form.header", briefing.no(),
                briefing.staffName() != null ? briefing.staffName() : briefing.staffCode()));
        heldSection.removeAll();
        if (editable() && briefing.items() == 0) {
            heldSection.add(heldForm());
        } else {
            Span held = new Span(getTranslation("brief.heldAtText",
                    briefing.heldAt() == null ? "" : Formats.dateTime(briefing.heldAt()),
                    briefing.note() == null ? "" : briefing.note()));
            held.setId("held-text");
            heldSection.add(held);
        }
        itemForm.removeAll();
        if (editable()) {
            itemForm.add(itemForm());
        }
        showItems(service.items(briefing.no()));
    }

    private Div heldForm() {
        TimePicker heldAt = new TimePicker(getTranslation("brief.field.heldAt"));
        heldAt.setId("held-at");
        heldAt.setStep(Duration.ofMinutes(5));
        heldAt.setValue(briefing.heldAt() == null ? null : briefing.heldAt().toLocalTime());
        TextArea note = new TextArea(getTranslation("field.note"));
        note.setId("briefing-note");
        note.setWidthFull();
        note.setValue(briefing.note() == null ? "" : briefing.note());
        Button save = new Button(getTranslation("common.save"));
        save.setId("save-held-button");
        save.addClickListener(e -> {
            try {
                service.held(briefing.no(), heldAt.getValue(), note.getValue());
                Notifications.saved();
                refresh();
            } catch (ValidationException ex) {
                showProblems(ex, Map.of("heldAt", heldAt, "note", note));
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        Span help = new Span(getTranslation("brief.heldHelp"));
        help.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        Div d = new Div(heldAt, note, save, help);
        d.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        return d;
    }

    private Div itemForm() {
        H3 heading = new H3(getTranslation("brief.addItem"));
        Select<String> source = new Select<>();
        source.setId("item-source");
        source.setLabel(getTranslation("brief.field.source"));
        source.setItems(BriefingItem.SOURCES);
        source.setItemLabelGenerator(s -> Formats.enumLabel("brief.source", s));
        source.setWidthFull();
        TextArea description = new TextArea(getTranslation("brief.field.description"));
        description.setId("item-description");
        description.setWidthFull();
        description.setMaxLength(4000);
        Checkbox urgent = new Checkbox(getTranslation("brief.field.urgent"));
        urgent.setId("item-urgent");
        Checkbox needsAction = new Checkbox(getTranslation("brief.field.needsAction"));
        needsAction.setId("item-needs-action");
        Select<String> department = new Select<>();
        department.setId("item-department");
        department.setLabel(getTranslation("field.department"));
        department.setItems(departments.keySet());
        department.setItemLabelGenerator(c -> c == null ? "" : departments.getOrDefault(c, c));
        department.setWidthFull();
        DatePicker due = new DatePicker(getTranslation("brief.field.dueOn"));
        due.setId("item-due");
        due.setMin(service.today());
        due.setWidthFull();
        ComboBox<String> unit = UnitPicker.create(estates, "item-unit");
        unit.setLabel(getTranslation("brief.field.unitOptional"));
        Div action = new Div(department, due, unit);
        action.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        action.setWidthFull();
        action.setVisible(false);
        source.addValueChangeListener(e -> service.defaultDepartment(e.getValue()).ifPresent(department::setValue));
        needsAction.addValueChangeListener(e -> {
            action.setVisible(e.getValue());
            if (e.getValue() && due.getValue() == null) {
                due.setValue(service.today().plusDays(1));
            }
        });
        urgent.addValueChangeListener(e -> {
            if (e.getValue()) {
                needsAction.setValue(true);
            }
        });
        Button add = new Button(getTranslation("brief.saveItem"), VaadinIcon.PLUS.create());
        add.setId("add-item-button");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setHeight("3rem");
        add.setWidthFull();
        Map<String, HasValidation> fields = Map.of("source", source, "description", description,
                "departmentCode", department, "dueOn", due, "unitCode", unit);
        add.addClickListener(e -> {
            try {
                service.addItem(briefing.no(), new NewBriefingItem(source.getValue(), description.getValue(),
                        urgent.getValue(), needsAction.getValue(), unit.getValue(), department.getValue(), due.getValue()));
                Notifications.saved();
                refresh();
            } catch (ValidationException ex) {
                showProblems(ex, fields);
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        Div d = new Div(heading, source, description, urgent, needsAction, action, add);
        d.setId("item-form");
        d.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.SMALL, LumoUtility.Width.FULL, LumoUtility.BoxSizing.BORDER);
        return d;
    }

    private void showItems(List<BriefingItem> items) {
        itemList.removeAll();
        for (String source : BriefingItem.SOURCES) {
            List<BriefingItem> mine = items.stream().filter(i -> i.source().equals(source)).toList();
            Div box = new Div();
            box.setId("source-" + source);
            box.addClassNames(LumoUtility.Width.FULL);
            Span heading = new Span(Formats.enumLabel("brief.source", source) + " (" + mine.size() + ")");
            heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Display.BLOCK);
            box.add(heading);
            if (mine.isEmpty()) {
                Span none = new Span(getTranslation("brief.noItems"));
                none.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
                box.add(none);
            }
            for (BriefingItem i : mine) {
                Div row = new Div();
                row.setId("item-" + i.id());
                row.addClassNames(LumoUtility.Padding.XSMALL, LumoUtility.FontSize.SMALL);
                row.add(new Span(i.description() + " "));
                if (i.urgent()) {
                    row.add(Badges.badge(getTranslation("brief.urgent"), "error"));
                }
                if (i.followUpNo() != null) {
                    String theme = switch (String.valueOf(i.followUpStatus())) {
                        case "closed", "resolved" -> "success";
                        case "in_progress" -> "warning";
                        default -> "error";
                    };
                    row.add(Badges.badge(i.followUpNo() + " · " + Formats.enumLabel("followup.status",
                            i.followUpStatus()), theme));
                }
                box.add(row);
            }
            itemList.add(box);
        }
    }

    private static void showProblems(ValidationException e, Map<String, HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        for (ValidationException.Problem p : e.problems()) {
            String message = UI.getCurrent().getTranslation(p.messageKey(), p.args().toArray());
            HasValidation f = fields.get(p.field());
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            } else {
                Notifications.error("common.fieldError", p.field(), message);
            }
        }
    }
}

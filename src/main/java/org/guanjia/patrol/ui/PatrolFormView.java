package org.guanjia.patrol.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.estate.EstateService;
import org.guanjia.patrol.Finding;
import org.guanjia.patrol.Patrol;
import org.guanjia.patrol.PatrolCheck;
import org.guanjia.patrol.PatrolChecklistService;
import org.guanjia.patrol.PatrolService;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/**
 * One patrol on the phone (组团巡查记录表): the checklist as a vertical list of items, each with
 * large OK / finding / not-applicable buttons; a finding opens its note, unit, department, due
 * date and photo under the item. "Finish" closes the patrol once every item is recorded.
 */
@Route("patrols/:no")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class PatrolFormView extends VerticalLayout implements BeforeEnterObserver {

    private final PatrolService service;
    private final PatrolChecklistService checklist;
    private final EstateService estates;
    private final Map<String, String> departments = new LinkedHashMap<>();
    private final VerticalLayout items = new VerticalLayout();
    private final H2 title = new H2();
    private final Span header = new Span();
    private final Span progress = new Span();
    private final TextArea finishNote = new TextArea();
    private final Button finish = new Button();
    private Patrol patrol;

    PatrolFormView(PatrolService service, PatrolChecklistService checklist, EstateService estates,
            StaffService staff) {
        this.service = service;
        this.checklist = checklist;
        this.estates = estates;
        setId("patrol-form");
        setMaxWidth("48rem");
        setPadding(true);
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
        }
        items.setPadding(false);
        items.setSpacing(true);
        header.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        progress.setId("patrol-progress");
        progress.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        finishNote.setId("finish-note");
        finishNote.setLabel(getTranslation("patrol.field.finishNote"));
        finishNote.setWidthFull();
        finish.setText(getTranslation("patrol.finish"));
        finish.setIcon(VaadinIcon.FLAG_CHECKERED.create());
        finish.setId("finish-button");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        finish.setWidthFull();
        finish.addClickListener(e -> finish());
        Button back = new Button(getTranslation("patrol.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("patrols"));
        back.setId("back-button");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, title, header, progress, items, finishNote, finish);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String no = event.getRouteParameters().get("no").orElse("");
        Optional<Patrol> p = service.patrol(no);
        if (p.isEmpty()) {
            Notifications.error("validation.unknown", no);
            event.forwardTo("patrols");
            return;
        }
        patrol = p.get();
        refresh();
    }

    boolean editable() {
        return service.canRecord(patrol);
    }

    private void refresh() {
        patrol = service.patrol(patrol.no()).orElseThrow();
        title.setText(getTranslation("patrol.form.title", patrol.clusterCode()));
        header.setText(getTranslation("patrol.form.header", patrol.no(), Formats.date(patrol.patrolOn()),
                patrol.staffName() != null ? patrol.staffName() : patrol.staffCode(),
                Formats.dateTime(patrol.startedAt()),
                patrol.finishedAt() == null ? getTranslation("patrol.inProgress") : Formats.dateTime(patrol.finishedAt())));
        List<PatrolCheck> checks = service.checklist(patrol.no());
        List<Finding> findings = service.findings(patrol.no());
        items.removeAll();
        for (PatrolCheck c : checks) {
            items.add(new CheckRow(this, c, findings.stream().filter(f -> f.itemCode().equals(c.item().code())).toList()));
        }
        updateProgress(checks);
        boolean editable = editable();
        finish.setVisible(editable);
        finishNote.setVisible(editable);
        if (!editable && patrol.note() != null) {
            finishNote.setVisible(true);
            finishNote.setValue(patrol.note());
            finishNote.setReadOnly(true);
        }
    }

    void updateProgress(List<PatrolCheck> checks) {
        long done = checks.stream().filter(PatrolCheck::isChecked).count();
        progress.setText(getTranslation("patrol.progress", done, checks.size()));
    }

    void reloadProgress() {
        updateProgress(service.checklist(patrol.no()));
    }

    PatrolService service() {
        return service;
    }

    PatrolChecklistService checklist() {
        return checklist;
    }

    EstateService estates() {
        return estates;
    }

    Map<String, String> departments() {
        return departments;
    }

    Patrol patrol() {
        return patrol;
    }

    private void finish() {
        try {
            service.finish(patrol.no(), finishNote.getValue());
            Notifications.saved();
            refresh();
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.<String, HasValidation>of("note", finishNote));
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    /** Badge of a follow-up's status. */
    static Span followUpBadge(String no, String status) {
        String theme = status == null ? "contrast" : switch (status) {
            case "closed", "resolved" -> "success";
            case "in_progress" -> "warning";
            default -> "error";
        };
        Span s = Badges.badge(no + " · " + Formats.enumLabel("followup.status", status), theme);
        return s;
    }

    static FlexLayout wrap() {
        FlexLayout f = new FlexLayout();
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.addClassNames(LumoUtility.Gap.SMALL);
        f.setWidthFull();
        return f;
    }
}

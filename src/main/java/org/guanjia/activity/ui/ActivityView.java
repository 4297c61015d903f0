package org.guanjia.activity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
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
import java.util.List;
import org.guanjia.activity.Activity;
import org.guanjia.activity.ActivityService;
import org.guanjia.activity.Signup;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.EstateService;

/**
 * One activity: its plan and state with the next step (announce, held, cancel, summary), the
 * sign-ups of the user's units with add and edit, and after it was held each unit's attendance
 * and feedback.
 */
@Route("activities/:no")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class ActivityView extends VerticalLayout implements BeforeEnterObserver {

    private final ActivityService service;
    private final H2 title = new H2();
    private final Div info = new Div();
    private final Span totals = new Span();
    private final FlexLayout actions = new FlexLayout();
    private final Grid<Signup> signups = new Grid<>(Signup.class, false);
    private final Button addSignup = new Button();
    private final PlanForm plan;
    private final SignupForms forms;
    private final OneFieldDialog<java.time.LocalDate> announce;
    private final OneFieldDialog<String> cancel;
    private final OneFieldDialog<String> summary;
    private Activity activity;

    ActivityView(ActivityService service, EstateService estates) {
        this.service = service;
        setId("activity-view");
        setMaxWidth("64rem");
        title.setId("activity-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        info.setId("activity-info");
        totals.setId("activity-totals");
        totals.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL);
        plan = new PlanForm(service, a -> show(a.no()));
        forms = new SignupForms(service, estates, () -> show(activity.no()));
        DatePicker noticeOn = new DatePicker(getTranslation("activity.field.noticeOn"));
        noticeOn.setId("notice-on");
        announce = new OneFieldDialog<>("announce", getTranslation("activity.announce"), noticeOn,
                d -> service.announce(activity.no(), d));
        announce.addOpenedChangeListener(e -> refreshLater(e.isOpened()));
        TextArea reason = new TextArea(getTranslation("activity.field.cancelReason"));
        reason.setId("cancel-reason");
        cancel = new OneFieldDialog<>("cancel", getTranslation("activity.cancel"), reason,
                r -> service.cancel(activity.no(), r));
        cancel.addOpenedChangeListener(e -> refreshLater(e.isOpened()));
        TextArea text = new TextArea(getTranslation("activity.field.summary"));
        text.setId("summary-text");
        text.setMinHeight("8rem");
        summary = new OneFieldDialog<>("summary", getTranslation("activity.summary"), text,
                s -> service.saveSummary(activity.no(), s));
        summary.addOpenedChangeListener(e -> refreshLater(e.isOpened()));
        addSignup.setText(getTranslation("activity.addSignup"));
        addSignup.setIcon(VaadinIcon.PLUS.create());
        addSignup.setId("add-signup-button");
        addSignup.addClickListener(e -> forms.add(activity));
        H4 heading = new H4(getTranslation("activity.signups"));
        heading.addClassNames(LumoUtility.Margin.Bottom.NONE);
        FlexLayout signupBar = new FlexLayout(heading, addSignup);
        signupBar.setAlignItems(Alignment.BASELINE);
        signupBar.setJustifyContentMode(JustifyContentMode.BETWEEN);
        signupBar.setWidthFull();
        add(title, info, totals, actions, signupBar, grid());
    }

    /** Shows the activity again once a dialog closed after a save. */
    private void refreshLater(boolean opened) {
        if (!opened && activity != null) {
            show(activity.no());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String no = event.getRouteParameters().get("no").orElse("");
        if (service.activity(no).isEmpty()) {
            event.forwardTo("activities");
            return;
        }
        show(no);
    }

    private Grid<Signup> grid() {
        signups.setId("signups-grid");
        signups.setAllRowsVisible(true);
        signups.addThemeVariants(GridVariant.LUMO_COMPACT);
        // on a phone one column holds it all in two lines, so nothing is cut off at 390 px
        var phone = signups.addComponentColumn(this::phoneCell).setHeader(getTranslation("activity.signups"))
                .setFlexGrow(1);
        phone.setVisible(false);
        var unit = signups.addColumn(s -> s.ownerName() == null ? s.unitCode() : s.unitCode() + " · " + s.ownerName())
                .setHeader(getTranslation("field.unit")).setAutoWidth(true).setFlexGrow(1);
        var heads = signups.addColumn(s -> Formats.integer(s.headCount()))
                .setHeader(getTranslation("activity.field.headCount")).setAutoWidth(true);
        var signed = signups.addColumn(s -> Formats.date(s.signedUpOn()))
                .setHeader(getTranslation("activity.field.signedUpOn")).setAutoWidth(true);
        var came = signups.addColumn(this::attendance).setHeader(getTranslation("activity.field.attended"))
                .setAutoWidth(true);
        var score = signups.addColumn(s -> s.feedbackScore() == null ? "" : s.feedbackScore().toString())
                .setHeader(getTranslation("activity.field.scoreShort")).setAutoWidth(true);
        var feedback = signups.addColumn(s -> join(s.feedback(), s.suggestion()))
                .setHeader(getTranslation("activity.field.feedback")).setFlexGrow(2).setWidth("10rem");
        Responsive.hideOnPhone(signups, List.of(unit, heads, signed, came, score, feedback));
        signups.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                d -> phone.setVisible(d.getWindowInnerWidth() < Responsive.PHONE_WIDTH)));
        signups.addItemClickListener(e -> {
            if (service.canOrganise()) {
                forms.edit(activity, e.getItem());
            }
        });
        return signups;
    }

    /** Unit and owner; then people, attendance, score and feedback. */
    private Div phoneCell(Signup s) {
        Div top = new Div(new Span(s.ownerName() == null ? s.unitCode() : s.unitCode() + " · " + s.ownerName()));
        top.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        StringBuilder line = new StringBuilder(getTranslation("activity.people", s.headCount()));
        if (s.attended() != null) {
            line.append(" · ").append(attendance(s));
        }
        if (s.feedbackScore() != null) {
            line.append(" · ").append(getTranslation("activity.field.scoreShort")).append(' ').append(s.feedbackScore());
        }
        Div bottom = new Div(new Span(line.toString()));
        bottom.addClassNames(LumoUtility.FontSize.SMALL);
        Div cell = new Div(top, bottom);
        String words = join(s.feedback(), s.suggestion());
        if (!words.isEmpty()) {
            Div feedback = new Div(new Span(words));
            feedback.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            cell.add(feedback);
        }
        cell.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    private String attendance(Signup s) {
        if (s.attended() == null) {
            return "";
        }
        return s.attended() ? getTranslation("activity.cameCount", s.attendedCount()) : getTranslation("activity.didNotCome");
    }

    private static String join(String a, String b) {
        if (b == null) {
            return a == null ? "" : a;
        }
        return a == null ? "→ " + b : a + " → " + b;
    }

    private void show(String no) {
        activity = service.activity(no).orElseThrow();
        Activity a = activity;
        title.setText(a.title());
        info.removeAll();
        info.add(ActivitiesView.statusBadge(a));
        line("activity.field.no", a.no());
        line("field.estate", a.estateName());
        line("activity.field.startsAt", Formats.dateTime(a.startsAt()));
        line("activity.field.place", a.place());
        line("activity.field.capacity", a.capacity() == null ? getTranslation("activity.noLimit")
                : Formats.integer(a.capacity()));
        line("activity.field.noticeOn", a.noticeOn() == null ? null : Formats.date(a.noticeOn()));
        line(a.isHeld() ? "activity.field.summary" : "activity.field.cancelReason",
                "cancelled".equals(a.status()) || a.isHeld() ? a.summary() : null);
        totals.setText(getTranslation("activity.totals", Formats.integer(a.signups()), ActivitiesView.heads(a),
                Formats.integer(a.attendedHeads()), Formats.integer(a.feedbacks()),
                a.meanScore() == null ? "—" : Formats.decimal(a.meanScore(), 2)));
        actions.removeAll();
        boolean organiser = service.canOrganise();
        if (organiser && a.isOpen()) {
            actions.add(button("edit-plan-button", "activity.editPlan", false, () -> plan.openEdit(activity)));
        }
        if (organiser && "planned".equals(a.status())) {
            actions.add(button("announce-button", "activity.announce", true, () -> announce.open(service.today())));
        }
        // "held" once the activity has started
        if (organiser && "announced".equals(a.status()) && !a.startsAt().toLocalDate().isAfter(service.today())) {
            actions.add(button("held-button", "activity.markHeld", true, this::markHeld));
        }
        if (organiser && a.isOpen()) {
            Button c = button("cancel-activity-button", "activity.cancel", false, () -> cancel.open(""));
            c.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(c);
        }
        if (organiser && a.isHeld()) {
            actions.add(button("summary-button", "activity.summary", a.summary() == null,
                    () -> summary.open(activity.summary() == null ? "" : activity.summary())));
        }
        addSignup.setVisible(organiser && a.isOpen());
        List<Signup> mine = service.signups(no);
        signups.setItems(mine);
        if (mine.size() != a.signups()) {
            totals.setText(totals.getText() + " " + getTranslation("activity.yourUnits", Formats.integer(mine.size())));
        }
    }

    private void markHeld() {
        try {
            service.markHeld(activity.no());
            Notifications.saved();
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
        show(activity.no());
    }

    private Button button(String id, String key, boolean primary, Runnable action) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    private void line(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div d = new Div(label, new Span(value));
        info.add(d);
    }
}

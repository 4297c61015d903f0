package org.guanjia.agenda.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guanjia.agenda.Agenda;
import org.guanjia.agenda.AgendaItem;
import org.guanjia.agenda.AgendaService;
import org.guanjia.agenda.Butler;
import org.guanjia.agenda.WeekCompliance;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.OpenParameter;

/**
 * The butler's home page on a phone (F14): what is due today and overdue, grouped by rule and
 * counted, each item one tap from the record to act on. Supervisors pick a butler.
 */
@Route("today")
@Menu(title = "nav.today", order = 1, icon = "vaadin:calendar-clock")
@PermitAll
class TodayView extends VerticalLayout {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final int WEEKS = 8;
    private static final int OPEN_UP_TO = 8;

    private final AgendaService service;
    private final Clock clock;
    private final Div summary = new Div();
    private final VerticalLayout groups = new VerticalLayout();
    private final Grid<WeekCompliance> weeks = new Grid<>();

    TodayView(AgendaService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        setId("today-view");
        setPadding(true);
        setSpacing(false);
        setMaxWidth("60rem");
        H2 title = new H2(getTranslation("agenda.title") + " · " + Formats.date(service.today()));
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.Bottom.SMALL);
        add(title);
        groups.setPadding(false);
        groups.setSpacing(false);
        groups.setId("agenda-groups");
        summary.setId("agenda-summary");
        weeks.setId("agenda-weeks");
        weeks.setAllRowsVisible(true);
        weeks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        weeks.addColumn(w -> isoWeek(w.weekStart())).setHeader(getTranslation("agenda.weeks.week"))
                .setFlexGrow(2);
        weeks.addColumn(w -> Formats.integer(w.due())).setHeader(getTranslation("agenda.weeks.due"));
        weeks.addColumn(w -> Formats.integer(w.onTime())).setHeader(getTranslation("agenda.weeks.onTime"));
        weeks.addColumn(w -> Formats.integer(w.late())).setHeader(getTranslation("agenda.weeks.late"));
        weeks.addColumn(w -> Formats.integer(w.notDone())).setHeader(getTranslation("agenda.weeks.notDone"));
        Details weekly = new Details(getTranslation("agenda.weeks.title"), weeks);
        weekly.setOpened(true);
        weekly.setWidthFull();
        weekly.addClassNames(LumoUtility.Margin.Top.MEDIUM);
        String me = service.myStaffCode().orElse(null);
        if (service.canSeeOthers()) {
            ComboBox<Butler> butler = new ComboBox<>(getTranslation("agenda.butler"));
            butler.setId("agenda-butler");
            butler.setItemLabelGenerator(s -> s.name() + " (" + s.staffCode() + ")");
            List<Butler> staff = service.butlers();
            butler.setItems(staff);
            butler.setWidthFull();
            butler.setMaxWidth("24rem");
            butler.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    show(service.of(e.getValue().staffCode()));
                }
            });
            add(butler);
            Butler first = staff.stream().filter(s -> s.staffCode().equals(me)).findFirst()
                    .orElse(staff.isEmpty() ? null : staff.get(0));
            add(summary, groups, weekly);
            if (first != null) {
                butler.setValue(first);
            } else {
                groups.add(new Span(getTranslation("agenda.noButlers")));
            }
        } else if (me != null) {
            add(summary, groups, weekly);
            show(service.mine());
        } else {
            add(new Span(getTranslation("agenda.noStaff")));
        }
    }

    private void show(Agenda agenda) {
        weeks.setItems(service.weekly(agenda.staffCode(), WEEKS));
        summary.removeAll();
        FlexLayout tiles = new FlexLayout(
                tile("agenda-overdue", "agenda.summary.overdue", agenda.overdue(),
                        LumoUtility.TextColor.ERROR),
                tile("agenda-today", "agenda.summary.today", agenda.dueToday(),
                        LumoUtility.TextColor.PRIMARY),
                tile("agenda-later", "agenda.summary.later", agenda.later(),
                        LumoUtility.TextColor.SECONDARY));
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Bottom.MEDIUM);
        summary.add(tiles);
        groups.removeAll();
        if (agenda.items().isEmpty()) {
            Span done = new Span(getTranslation("agenda.empty"));
            done.setId("agenda-empty");
            groups.add(done);
            return;
        }
        for (Map.Entry<String, List<AgendaItem>> g : agenda.byKind().entrySet()) {
            VerticalLayout rows = new VerticalLayout();
            rows.setPadding(false);
            rows.setSpacing(false);
            for (AgendaItem i : g.getValue()) {
                rows.add(row(agenda, i));
            }
            long late = g.getValue().stream().filter(i -> i.overdueOn(agenda.day())).count();
            Span label = new Span(getTranslation("agenda.kind." + g.getKey()));
            label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Span count = new Span(Formats.integer(g.getValue().size()));
            count.getElement().getThemeList().add(late > 0 ? "badge error pill" : "badge pill");
            count.addClassNames(LumoUtility.Margin.Left.SMALL);
            Details details = new Details(new Span(label, count), rows);
            // long lists start folded so the phone shows every group's count first
            details.setOpened(g.getValue().size() <= OPEN_UP_TO || agenda.byKind().size() == 1);
            details.setWidthFull();
            details.setId("agenda-group-" + g.getKey());
            groups.add(details);
        }
    }

    private Div tile(String id, String key, long value, String color) {
        Span number = new Span(Formats.integer(value));
        number.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD, color);
        Span label = new Span(getTranslation(key));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div tile = new Div(number, new Div(label));
        tile.setId(id);
        tile.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Padding.Horizontal.MEDIUM,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Background.CONTRAST_5);
        tile.setMinWidth("6.5rem");
        return tile;
    }

    /** One item: what and where on the first line, when on the second; tap opens the record. */
    private Div row(Agenda agenda, AgendaItem i) {
        Span what = new Span(describe(i));
        what.addClassNames(LumoUtility.FontWeight.MEDIUM);
        Span when = new Span(when(agenda, i));
        boolean overdue = i.overdueOn(agenda.day())
                || (i.deadline() != null && i.deadline().isBefore(LocalDateTime.now(clock)));
        when.addClassNames(LumoUtility.FontSize.SMALL,
                overdue ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SECONDARY);
        Div row = new Div(new Div(what), new Div(when));
        row.addClassNames("agenda-item", LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Padding.Horizontal.SMALL, LumoUtility.BorderRadius.MEDIUM);
        row.getStyle().set("cursor", "pointer").set("min-height", "44px")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        row.setWidthFull();
        row.getElement().setAttribute("data-key", i.key());
        row.addClickListener(e -> open(i));
        return row;
    }

    private String describe(AgendaItem i) {
        String ref = i.recordRef();
        return switch (i.kind()) {
            case AgendaItem.COLLECTION_CALL -> getTranslation("collect.step."
                    + ref.substring(0, ref.indexOf('/'))) + " · " + i.unitCode();
            case "morning_briefing", "patrol" -> getTranslation("agenda.cluster", ref);
            case "vacancy_inspection", "document_call", "failed_debit_call" -> i.unitCode();
            default -> i.unitCode() == null ? ref : ref + " · " + i.unitCode();
        };
    }

    private String when(Agenda agenda, AgendaItem i) {
        if (i.deadline() != null) {
            LocalDateTime now = LocalDateTime.now(clock);
            Duration left = Duration.between(now, i.deadline());
            String at = Formats.dateTime(i.deadline());
            return left.isNegative()
                    ? getTranslation("agenda.when.lateBy", at, duration(left.negated()))
                    : getTranslation("agenda.when.left", at, duration(left));
        }
        long days = ChronoUnit.DAYS.between(agenda.day(), i.dueOn());
        if (days < 0) {
            return getTranslation("agenda.when.overdueDays", Formats.date(i.dueOn()), -days);
        }
        if (days == 0) {
            return getTranslation("agenda.when.today");
        }
        return getTranslation("agenda.when.daysLeft", Formats.date(i.dueOn()), days);
    }

    private String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 48 * 60) {
            return getTranslation("agenda.duration.days", Formats.integer(minutes / (24 * 60)));
        }
        if (minutes < 60) {
            return getTranslation("agenda.duration.m", Formats.integer(minutes));
        }
        return getTranslation("agenda.duration.hm", Formats.integer(minutes / 60),
                Formats.integer(minutes % 60));
    }

    /** The record to act on: the list that opens it, or the unit's collection page. */
    private void open(AgendaItem i) {
        UI ui = UI.getCurrent();
        String ref = i.recordRef();
        switch (i.kind()) {
            case "complaint_response", "complaint_resolution", "complaint_return_visit" ->
                    ui.navigate("complaints", OpenParameter.to(ref));
            case "repair_return_visit" -> ui.navigate("repairs", OpenParameter.to(ref));
            case "follow_up" -> ui.navigate("follow-ups", OpenParameter.to(ref));
            case "promise_due", AgendaItem.COLLECTION_CALL ->
                    ui.navigate("collection/unit/" + i.unitCode());
            case "failed_debit_call" -> ui.navigate("bank-debit", QueryParameters.of("tab", "failed"));
            case "morning_briefing" -> ui.navigate("briefings");
            case "patrol" -> ui.navigate("patrols");
            case "notice_takedown" -> ui.navigate("notices");
            case "facility_check" -> ui.navigate("facilities");
            case "document_call" -> ui.navigate("documents", QueryParameters.of("tab", "calls"));
            case "vacancy_inspection" -> ui.navigate("vacancy");
            case "activity_signups", "activity_feedback" -> ui.navigate("activities/" + ref);
            default -> ui.navigate("");
        }
    }

    /** ISO week number and its Monday, e.g. W48 · 11-23 (short enough for a phone). */
    private static String isoWeek(java.time.LocalDate monday) {
        return String.format(Locale.ROOT, "W%02d · %s",
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday.format(MONTH_DAY));
    }
}

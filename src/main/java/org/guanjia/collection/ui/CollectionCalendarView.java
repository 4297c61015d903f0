package org.guanjia.collection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.collection.ButlerDuties;
import org.guanjia.collection.CalendarDay;
import org.guanjia.collection.CollectionCalendarService;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.CollectionStep;
import org.guanjia.collection.DueUnit;
import org.guanjia.collection.LawyerLetter;
import org.guanjia.collection.LawyerLetterService;
import org.guanjia.collection.StepDuties;
import org.guanjia.collection.StepWindow;
import org.guanjia.staff.StaffService;

/**
 * The collection calendar (rulebook 十): the steps open today (or on a picked day), the units
 * each butler has to reach with done / not done derived from the log, one tap to log the call
 * and, in week 4 of a quarter's last month, to send or download the lawyer's letter.
 * Supervisors see every butler's list, a butler their own.
 */
@Route("collection")
@Menu(title = "collect.nav.calendar", order = 40, icon = "vaadin:calendar-clock")
@PermitAll
class CollectionCalendarView extends VerticalLayout implements BeforeEnterObserver {

    /** A line of the list: a unit and the butler whose list it is on. */
    record Row(DueUnit unit, String butlerCode, String butlerName) {
    }

    private final CollectionCalendarService calendar;
    private final LawyerLetterService letters;
    private final boolean butler;
    private final boolean logger;
    private final DatePicker date = new DatePicker();
    private final Select<StepDuties> step = new Select<>();
    private final ComboBox<ButlerDuties> butlerFilter = new ComboBox<>();
    private final Select<String> doneFilter = new Select<>();
    private final Span summary = new Span();
    private final Grid<ButlerDuties> butlers = new Grid<>(ButlerDuties.class, false);
    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private final ActionDialog actionDialog;
    private final LetterDialog letterDialog;
    private final LocalDate today;
    private CalendarDay day;

    CollectionCalendarView(CollectionCalendarService calendar, CollectionService service,
            LawyerLetterService letters, StaffService staff, CurrentUser user, Clock clock) {
        this.calendar = calendar;
        this.letters = letters;
        this.butler = user.hasRole(Role.BUTLER);
        this.logger = CollectionService.LOGGERS.stream().anyMatch(user::hasRole);
        setId("collection-calendar-view");
        setSizeFull();
        actionDialog = ActionDialog.create(service, staff, clock, this::reload);
        letterDialog = new LetterDialog(letters, this::reload);
        summary.setId("calendar-summary");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        add(toolbar(), summary, butlersGrid(), grid());
        this.today = LocalDate.now(clock);
    }

    /** {@code ?day=2025-06-23} opens another day (links from an agenda, bookmarks). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LocalDate d = today;
        List<String> param = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("day", List.of());
        if (!param.isEmpty()) {
            try {
                d = LocalDate.parse(param.get(0));
            } catch (java.time.format.DateTimeParseException e) {
                d = today;
            }
        }
        if (d.equals(date.getValue())) {
            load(d);
        } else {
            date.setValue(d);
        }
    }

    private FlexLayout toolbar() {
        date.setId("calendar-date");
        date.setLabel(getTranslation("collect.calendar.day"));
        date.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
        step.setId("step-select");
        step.setLabel(getTranslation("collect.calendar.step"));
        // the window's dates are in the summary line below: the short name fits a phone
        step.setItemLabelGenerator(s -> s == null ? ""
                : getTranslation("collect.step." + s.window().step().code()));
        step.addValueChangeListener(e -> showStep());
        step.setWidth("min(22rem, 100%)");
        butlerFilter.setId("butler-filter");
        butlerFilter.setLabel(getTranslation("collect.calendar.butler"));
        butlerFilter.setClearButtonVisible(true);
        butlerFilter.setItemLabelGenerator(this::butlerLabel);
        butlerFilter.addValueChangeListener(e -> filter());
        butlerFilter.setVisible(!butler);
        doneFilter.setId("done-filter");
        doneFilter.setLabel(getTranslation("collect.calendar.show"));
        doneFilter.setItems("todo", "done", "all");
        doneFilter.setItemLabelGenerator(v -> getTranslation("collect.calendar.show." + v));
        doneFilter.setValue("todo");
        doneFilter.addValueChangeListener(e -> filter());
        TextField open = new TextField(getTranslation("collect.calendar.openUnit"));
        open.setId("open-unit-field");
        open.setPlaceholder(getTranslation("field.unit"));
        open.setPrefixComponent(VaadinIcon.SEARCH.create());
        open.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> {
            if (!open.getValue().isBlank()) {
                navigateToUnit(open.getValue().trim());
            }
        });
        // date and filter share a row on a phone; step and butler take a row each
        date.setWidth("10.5rem");
        doneFilter.setWidth("10rem");
        butlerFilter.setWidth("min(22rem, 100%)");
        open.setWidth("10.5rem");
        FlexLayout bar = new FlexLayout(date, doneFilter, step, butlerFilter, open);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        bar.setWidthFull();
        return bar;
    }

    private Grid<ButlerDuties> butlersGrid() {
        butlers.setId("butlers-grid");
        butlers.setAllRowsVisible(true);
        butlers.setWidthFull();
        butlers.addColumn(this::butlerLabel).setHeader(getTranslation("collect.calendar.butler")).setFlexGrow(1);
        var due = butlers.addColumn(ButlerDuties::due).setHeader(getTranslation("collect.calendar.due"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        butlers.addColumn(ButlerDuties::done).setHeader(getTranslation("collect.calendar.done"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        butlers.addComponentColumn(b -> b.due() == b.done()
                        ? Badges.badge(getTranslation("collect.calendar.complete"), "success")
                        : Badges.badge(getTranslation("collect.calendar.left", b.due() - b.done()), "error"))
                .setHeader(getTranslation("collect.calendar.notDone")).setAutoWidth(true);
        Responsive.hideOnPhone(butlers, List.of(due));
        butlers.addItemClickListener(e -> butlerFilter.setValue(e.getItem()));
        butlers.setVisible(false);
        return butlers;
    }

    private Grid<Row> grid() {
        grid.setId("due-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setMinHeight("16rem");
        grid.addColumn(r -> r.unit().unitCode()).setHeader(getTranslation("field.unit"))
                .setAutoWidth(true).setFrozen(true);
        var owner = grid.addColumn(r -> r.unit().ownerName()).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        var who = grid.addColumn(r -> r.butlerName() == null ? getTranslation("collect.calendar.unassigned")
                : r.butlerName()).setHeader(getTranslation("collect.calendar.butler")).setAutoWidth(true);
        grid.addColumn(r -> Formats.decimal(r.unit().outstanding(), 2))
                .setHeader(getTranslation("collect.calendar.owed")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        var oldest = grid.addColumn(r -> Formats.date(r.unit().oldestDueOn()))
                .setHeader(getTranslation("collect.field.oldestDue")).setAutoWidth(true);
        var last = grid.addColumn(r -> r.unit().lastActionOn() == null ? "—"
                        : Formats.date(r.unit().lastActionOn()) + " "
                        + Formats.enumLabel("collect.method", r.unit().lastMethod()))
                .setHeader(getTranslation("collect.field.lastAction")).setAutoWidth(true);
        var promise = grid.addColumn(r -> Formats.date(r.unit().promisedOn()))
                .setHeader(getTranslation("collect.field.promisedOn")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadges).setKey("status").setHeader(getTranslation("field.status"))
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::rowAction).setKey("action").setWidth("3rem").setFlexGrow(0);
        // a butler's list is all their own
        who.setVisible(!butler);
        Responsive.hideOnPhone(grid, List.of(owner, oldest, last, promise));
        if (!butler) {
            Responsive.hideOnPhone(grid, List.of(who));
        }
        grid.addItemClickListener(e -> navigateToUnit(e.getItem().unit().unitCode()));
        return grid;
    }

    private FlexLayout statusBadges(Row r) {
        FlexLayout f = new FlexLayout();
        f.addClassNames(LumoUtility.Gap.XSMALL);
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        // month and day only: the window lies within one month
        f.add(r.unit().done()
                ? Badges.badge(getTranslation("collect.calendar.doneOn",
                        r.unit().doneOn().format(java.time.format.DateTimeFormatter.ofPattern("MM-dd"))),
                        "success")
                : Badges.badge(getTranslation("collect.calendar.todo"), "contrast"));
        if (r.unit().flagged()) {
            f.add(CollectionUnitView.serviceIssueBadge(this));
        }
        return f;
    }

    /** The one-tap action of a row: log a call, or in week 4 send / download the letter. */
    private Component rowAction(Row r) {
        StepDuties s = step.getValue();
        if (s != null && s.window().step() == CollectionStep.LAWYER_LETTERS) {
            if (r.unit().done()) {
                Optional<LawyerLetter> sent = letters.letters(r.unit().unitCode()).stream()
                        .filter(l -> s.window().contains(l.sentOn())).findFirst();
                if (sent.isPresent()) {
                    return LetterDownloads.icon(letters, sent.get().letterNo(),
                            getTranslation("collect.letter.download"), getLocale());
                }
                return new Span();
            }
            Button b = iconButton(VaadinIcon.FILE_TEXT_O, "collect.letter.button",
                    () -> letterDialog.open(r.unit().unitCode()));
            b.setId("letter-" + r.unit().unitCode());
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            b.setVisible(letters.maySend());
            return b;
        }
        Button b = iconButton(VaadinIcon.PHONE, "collect.action.log",
                () -> actionDialog.open(r.unit().unitCode()));
        b.setId("log-" + r.unit().unitCode());
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        b.setVisible(logger);
        return b;
    }

    /** A small icon button with its text as tooltip and for screen readers: phones are narrow. */
    private Button iconButton(VaadinIcon icon, String key, Runnable onClick) {
        Button b = new Button(icon.create(), e -> onClick.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        b.setTooltipText(getTranslation(key));
        b.setAriaLabel(getTranslation(key));
        return b;
    }

    private void navigateToUnit(String unitCode) {
        getUI().ifPresent(ui -> ui.navigate("collection/unit/" + unitCode));
    }

    private void reload() {
        load(date.getValue());
    }

    private void load(LocalDate d) {
        CollectionStep before = step.getValue() == null ? null : step.getValue().window().step();
        day = calendar.day(d);
        step.setItems(day.steps());
        step.setVisible(!day.steps().isEmpty());
        day.steps().stream().filter(s -> s.window().step() == before).findFirst()
                .or(() -> day.steps().stream().findFirst())
                .ifPresentOrElse(step::setValue, () -> {
                    step.clear();
                    showStep();
                });
    }

    private void showStep() {
        StepDuties s = step.getValue();
        if (s == null) {
            butlers.setVisible(false);
            butlerFilter.setVisible(false);
            doneFilter.setVisible(false);
            grid.setItems(List.of());
            grid.setVisible(false);
            summary.setText(day == null ? "" : day.next()
                    .map(n -> getTranslation("collect.calendar.nothingOpenNext", Formats.date(day.day()),
                            stepLabel(n)))
                    .orElse(getTranslation("collect.calendar.nothingOpen", Formats.date(day.day()))));
            return;
        }
        grid.setVisible(true);
        doneFilter.setVisible(true);
        butlers.setItems(s.butlers());
        butlers.setVisible(!butler && s.butlers().size() > 1);
        butlerFilter.setVisible(!butler);
        ButlerDuties chosen = butlerFilter.getValue();
        butlerFilter.setItems(s.butlers());
        // keep the chosen butler across days and steps
        s.butlers().stream().filter(b -> chosen != null && java.util.Objects.equals(b.staffCode(),
                chosen.staffCode())).findFirst().ifPresentOrElse(butlerFilter::setValue,
                        butlerFilter::clear);
        filter();
    }

    private void filter() {
        StepDuties s = step.getValue();
        if (s == null) {
            return;
        }
        ButlerDuties only = butlerFilter.getValue();
        String show = doneFilter.getValue();
        List<Row> rows = new ArrayList<>();
        for (ButlerDuties b : s.butlers()) {
            if (only != null && !java.util.Objects.equals(only.staffCode(), b.staffCode())) {
                continue;
            }
            for (DueUnit u : b.units()) {
                if ("all".equals(show) || u.done() == "done".equals(show)) {
                    rows.add(new Row(u, b.staffCode(), b.staffName()));
                }
            }
        }
        grid.setItems(rows);
        int due = only == null ? s.due() : only.due();
        int done = only == null ? s.done() : only.done();
        summary.setText(getTranslation("collect.calendar.summary", stepLabel(s.window()), done, due));
    }

    private String stepLabel(StepWindow w) {
        return getTranslation("collect.step." + w.step().code()) + " · "
                + getTranslation("collect.calendar.window", Formats.date(w.from()), Formats.date(w.to()));
    }

    private String butlerLabel(ButlerDuties b) {
        if (b.staffCode() == null) {
            return getTranslation("collect.calendar.unassigned");
        }
        return b.staffName() == null ? b.staffCode() : b.staffName() + " (" + b.staffCode() + ")";
    }
}

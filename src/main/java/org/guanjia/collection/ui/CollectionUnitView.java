package org.guanjia.collection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.PhoneMask;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.collection.CollectionAction;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.LawyerLetter;
import org.guanjia.collection.LawyerLetterService;
import org.guanjia.collection.UnitCollection;
import org.guanjia.staff.StaffService;

/**
 * A unit's collection log (物管费催收记录表) on a phone: who owes what, the owner's phone, the
 * open service issue, every action newest first (tap a row for the note), the lawyer's
 * letters, and buttons to log an action or send a letter.
 */
@Route("collection/unit/:unit")
@PermitAll
class CollectionUnitView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CollectionService service;
    private final LawyerLetterService letters;
    private final CurrentUser user;
    private final ActionDialog actionDialog;
    private final LetterDialog letterDialog;
    private final Span title = new Span();
    private final Span owner = new Span();
    private final Span figures = new Span();
    private final FlexLayout badges = new FlexLayout();
    private final Anchor phone = new Anchor();
    private final Button addAction = new Button();
    private final Button sendLetter = new Button();
    private final Anchor ledger = new Anchor();
    private final Grid<CollectionAction> actions = new Grid<>(CollectionAction.class, false);
    private final Grid<LawyerLetter> letterGrid = new Grid<>(LawyerLetter.class, false);
    private final H3 lettersTitle = new H3();
    private String unit = "";

    CollectionUnitView(CollectionService service, LawyerLetterService letters, StaffService staff,
            CurrentUser user, Clock clock) {
        this.service = service;
        this.letters = letters;
        this.user = user;
        setId("collection-unit-view");
        setSizeFull();
        actionDialog = ActionDialog.create(service, staff, clock, this::refresh);
        letterDialog = new LetterDialog(letters, this::refresh);
        add(header(), buttons(), actionsGrid(), lettersSection());
    }

    private VerticalLayout header() {
        Anchor back = new Anchor("collection", getTranslation("collect.unit.back"));
        back.setId("collection-back");
        title.setId("collection-unit-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        owner.setId("collection-owner");
        phone.setId("collection-phone");
        figures.setId("collection-figures");
        figures.addClassNames(LumoUtility.FontSize.SMALL);
        badges.setId("collection-badges");
        badges.addClassNames(LumoUtility.Gap.SMALL);
        badges.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        FlexLayout who = new FlexLayout(title, owner, phone, badges);
        who.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        who.setAlignItems(Alignment.BASELINE);
        who.addClassNames(LumoUtility.Gap.MEDIUM);
        VerticalLayout head = new VerticalLayout(back, who, figures);
        head.setPadding(false);
        head.setSpacing(false);
        return head;
    }

    private FlexLayout buttons() {
        addAction.setText(getTranslation("collect.action.add"));
        addAction.setIcon(VaadinIcon.PLUS.create());
        addAction.setId("add-action-button");
        addAction.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addAction.addClickListener(e -> actionDialog.open(unit));
        addAction.setVisible(CollectionService.LOGGERS.stream().anyMatch(user::hasRole));
        sendLetter.setText(getTranslation("collect.letter.button"));
        sendLetter.setIcon(VaadinIcon.FILE_TEXT_O.create());
        sendLetter.setId("letter-button");
        sendLetter.addClickListener(e -> letterDialog.open(unit));
        ledger.setText(getTranslation("unit.ledger"));
        ledger.setId("collection-ledger-link");
        FlexLayout bar = new FlexLayout(addAction, sendLetter, ledger);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        return bar;
    }

    private Grid<CollectionAction> actionsGrid() {
        actions.setId("actions-grid");
        actions.setWidthFull();
        actions.addThemeVariants(GridVariant.LUMO_COMPACT);
        actions.setMinHeight("12rem");
        actions.addColumn(a -> Formats.date(a.actionOn())).setHeader(getTranslation("collect.field.actionOn"))
                .setAutoWidth(true).setFlexGrow(0);
        actions.addColumn(a -> Formats.enumLabel("collect.method", a.method()))
                .setHeader(getTranslation("collect.method")).setAutoWidth(true);
        actions.addColumn(a -> Formats.enumLabel("collect.reason", a.reason()))
                .setHeader(getTranslation("collect.reason")).setFlexGrow(1);
        var promised = actions.addColumn(a -> Formats.date(a.promisedOn()))
                .setHeader(getTranslation("collect.field.promisedOn")).setAutoWidth(true);
        var note = actions.addColumn(CollectionAction::note).setHeader(getTranslation("field.note"))
                .setFlexGrow(3);
        var staff = actions.addColumn(a -> a.staffName() != null ? a.staffName() : a.staffCode())
                .setHeader(getTranslation("field.staff")).setAutoWidth(true);
        var followUp = actions.addComponentColumn(this::followUpBadge)
                .setHeader(getTranslation("collect.field.followUp")).setAutoWidth(true);
        // on a phone a tap on the row shows the rest (item details)
        Responsive.hideOnPhone(actions, List.of(promised, note, staff, followUp));
        actions.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        return actions;
    }

    private Span followUpBadge(CollectionAction a) {
        if (a.followUpNo() == null) {
            return new Span();
        }
        String status = a.followUpStatus() == null ? "open" : a.followUpStatus();
        return Badges.badge(Formats.enumLabel("followup.status", status),
                List.of("open", "in_progress").contains(status) ? "error" : "success");
    }

    private Div details(CollectionAction a) {
        Div d = new Div();
        d.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Padding.SMALL);
        addLine(d, "field.note", a.note());
        addLine(d, "collect.field.outcome", a.outcome());
        addLine(d, "collect.field.promisedOn", Formats.date(a.promisedOn()));
        addLine(d, "field.staff", a.staffName() != null ? a.staffName() : a.staffCode());
        addLine(d, "collect.field.followUp", a.followUpNo());
        return d;
    }

    private void addLine(Div d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new Div(new Span(getTranslation(key) + ": " + value)));
        }
    }

    private VerticalLayout lettersSection() {
        lettersTitle.setText(getTranslation("collect.letter.list"));
        letterGrid.setId("letters-grid");
        letterGrid.setAllRowsVisible(true);
        letterGrid.addColumn(l -> Formats.date(l.sentOn())).setHeader(getTranslation("collect.letter.date"))
                .setAutoWidth(true);
        var no = letterGrid.addColumn(LawyerLetter::letterNo).setHeader(getTranslation("collect.letter.no"))
                .setAutoWidth(true);
        letterGrid.addColumn(l -> Formats.decimal(l.principal(), 2))
                .setHeader(getTranslation("collect.letter.principal")).setTextAlign(ColumnTextAlign.END);
        var fee = letterGrid.addColumn(l -> Formats.decimal(l.lateFee(), 2))
                .setHeader(getTranslation("collect.letter.lateFee")).setTextAlign(ColumnTextAlign.END);
        letterGrid.addComponentColumn(l -> LetterDownloads.letter(letters, l.letterNo(),
                getTranslation("collect.letter.pdf"), getLocale())).setAutoWidth(true);
        Responsive.hideOnPhone(letterGrid, List.of(no, fee));
        VerticalLayout section = new VerticalLayout(lettersTitle, letterGrid);
        section.setPadding(false);
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unit = event.getRouteParameters().get("unit").orElse("");
        refresh();
    }

    private void refresh() {
        Optional<UnitCollection> found;
        try {
            found = service.unit(unit);
        } catch (AccessDeniedException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            title.setText(getTranslation("ledger.unknown", unit));
            owner.setText("");
            figures.setText("");
            phone.setVisible(false);
            badges.removeAll();
            actions.setItems(List.of());
            letterGrid.setItems(List.of());
            addAction.setVisible(false);
            sendLetter.setVisible(false);
            ledger.setVisible(false);
            return;
        }
        UnitCollection u = found.get();
        title.setText(u.unitCode());
        owner.setText(u.ownerName() == null ? "" : u.ownerName());
        phone.setVisible(u.ownerPhone() != null);
        if (u.ownerPhone() != null) {
            if (PhoneMask.isMasked(u.ownerPhone())) {
                phone.removeHref();
            } else {
                phone.setHref(PhoneMask.telHref(u.ownerPhone()));
            }
            phone.setText(u.ownerPhone());
        }
        badges.removeAll();
        if (u.flagged()) {
            badges.add(serviceIssueBadge(this));
        }
        if (u.overdue().signum() > 0) {
            badges.add(Badges.badge(getTranslation("collect.badge.overdue"), "error"));
        } else if (u.outstanding().signum() == 0) {
            badges.add(Badges.badge(getTranslation("ledger.paid"), "success"));
        }
        figures.setText(getTranslation("collect.unit.figures", Formats.decimal(u.outstanding(), 2),
                Formats.decimal(u.overdue(), 2),
                u.oldestDueOn() == null ? "—" : Formats.date(u.oldestDueOn()),
                u.promisedOn() == null ? "—" : Formats.date(u.promisedOn())));
        actions.setItems(u.actions());
        letterGrid.setItems(u.letters());
        lettersTitle.setVisible(!u.letters().isEmpty());
        letterGrid.setVisible(!u.letters().isEmpty());
        addAction.setVisible(CollectionService.LOGGERS.stream().anyMatch(user::hasRole));
        sendLetter.setVisible(letters.maySend() && u.overdue().signum() > 0);
        ledger.setVisible(true);
        ledger.setHref("ledger/" + u.unitCode());
    }

    /** The red "service issue open" badge, shared with the calendar's list. */
    static Span serviceIssueBadge(com.vaadin.flow.component.Component c) {
        Span b = Badges.badge(c.getTranslation("collect.badge.serviceIssue"), "error primary");
        b.getElement().setAttribute("title", c.getTranslation("collect.badge.serviceIssueHelp"));
        return b;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("collect.unit.title", unit);
    }
}

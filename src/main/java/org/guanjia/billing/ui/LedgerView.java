package org.guanjia.billing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.PhoneLink;
import org.guanjia.base.ui.Responsive;
import org.guanjia.billing.AllocationLine;
import org.guanjia.billing.LedgerLine;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentService;
import org.guanjia.billing.UnitAccount;
import org.guanjia.estate.EstateService;

/**
 * A unit's account (F12) as of a date (default today; {@code ?asOf=yyyy-MM-dd} from the arrears
 * list): what it owes, what is overdue, its credit and balance; then in tabs its statements
 * (newest first, with collected and outstanding), its payments (reversed ones struck through)
 * and the allocations (which payment paid which statement, when; credit used at issue marked).
 * Finance, the service desk and administrators record, reverse and correct payments here;
 * finance issues correction statements. Units outside the user's clusters show nothing.
 */
@Route("ledger/:unit")
@PermitAll
class LedgerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LedgerService ledgers;
    private final PaymentService payments;
    private final Clock clock;
    private final Span summary = new Span();
    private final Span owner = new Span();
    private final Anchor back = new Anchor("units", getTranslation("ledger.back"));
    private final DatePicker asOf = new DatePicker();
    private final Div owed = Figures.tile("ledger-owed", getTranslation("pay.ledger.owed"));
    private final Div overdue = Figures.tile("ledger-arrears", getTranslation("pay.ledger.arrears"));
    private final Div credit = Figures.tile("ledger-credit", getTranslation("pay.ledger.credit"));
    private final Div balance = Figures.tile("ledger-balance", getTranslation("pay.ledger.balance"));
    private final Grid<LedgerLine> grid = new Grid<>(LedgerLine.class, false);
    private final Grid<Payment> paymentGrid = new Grid<>(Payment.class, false);
    private final Grid<AllocationLine> allocationGrid = new Grid<>(AllocationLine.class, false);
    private final TabSheet tabs = new TabSheet();
    private final Tab statementsTab;
    private final Tab paymentsTab;
    private final Tab allocationsTab;
    private final Button record = new Button();
    private final Button issue = new Button();
    private final PaymentDialog paymentDialog;
    private final StatementDialog statementDialog;
    private final Component content;
    private String unit = "";
    private UnitAccount account;

    LedgerView(LedgerService ledgers, PaymentService payments, EstateService estates, Clock clock) {
        this.ledgers = ledgers;
        this.payments = payments;
        this.clock = clock;
        setId("ledger-view");
        setWidthFull();
        paymentDialog = new PaymentDialog(payments, ledgers, estates, clock, p -> reload());
        statementDialog = new StatementDialog(ledgers, clock, s -> reload());
        summary.setId("ledger-summary");
        summary.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        owner.setId("ledger-owner");
        owner.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        back.setId("ledger-back");
        FlexLayout head = new FlexLayout(back, summary);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(Alignment.BASELINE);
        head.addClassNames(LumoUtility.Gap.Column.LARGE);
        statementsTab = tabs.add("", statementsGrid());
        paymentsTab = tabs.add("", paymentsGrid());
        allocationsTab = tabs.add("", allocationsGrid());
        tabs.setId("ledger-tabs");
        tabs.setWidthFull();
        content = new VerticalLayout(toolbar(), Figures.row("9rem", owed, overdue, credit, balance), tabs);
        ((VerticalLayout) content).setPadding(false);
        add(head, owner, content);
    }

    private FlexLayout toolbar() {
        asOf.setId("ledger-as-of");
        asOf.setLabel(getTranslation("pay.ledger.asOf"));
        asOf.setWidth("10rem");
        asOf.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
            }
        });
        record.setText(getTranslation("pay.record"));
        record.setIcon(VaadinIcon.PLUS.create());
        record.setId("record-payment-button");
        record.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> paymentDialog.openNew(unit));
        record.setVisible(payments.mayRecord());
        issue.setText(getTranslation("pay.issueStatement"));
        issue.setId("issue-statement-button");
        issue.addClickListener(e -> statementDialog.openFor(account));
        issue.setVisible(ledgers.mayIssueStatements());
        FlexLayout bar = new FlexLayout(asOf, record, issue);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        return bar;
    }

    private Grid<LedgerLine> statementsGrid() {
        grid.setId("ledger-grid");
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::periodCell).setHeader(getTranslation("field.period"))
                .setAutoWidth(true).setFlexGrow(0);
        var no = grid.addColumn(LedgerLine::statementNo).setHeader(getTranslation("field.statementNo"))
                .setAutoWidth(true);
        var fee = grid.addColumn(l -> Formats.enumLabel("feeType", l.feeType()))
                .setHeader(getTranslation("field.feeType"));
        grid.addColumn(l -> Figures.money(l.amount())).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END);
        var due = grid.addColumn(l -> Formats.date(l.dueOn())).setHeader(getTranslation("field.dueOn"))
                .setAutoWidth(true);
        var collected = grid.addColumn(l -> Figures.money(l.collected()))
                .setHeader(getTranslation("field.collected")).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(l -> l.outstanding().signum() == 0
                        ? Badges.badge(getTranslation("ledger.paid"), "success")
                        : Badges.badge(Figures.money(l.outstanding()),
                                l.dueOn().isBefore(account.asOf()) ? "error" : "contrast"))
                .setHeader(getTranslation("field.outstanding")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, fee, due, collected));
        return grid;
    }

    private Component periodCell(LedgerLine l) {
        String corrects = account == null ? null : account.corrections().get(l.statementNo());
        if (corrects == null) {
            return new Span(l.period());
        }
        Span badge = Badges.badge(getTranslation("pay.ledger.correction"), "");
        badge.setTitle(getTranslation("pay.ledger.corrects", corrects));
        Span cell = new Span(new Span(l.period() + " "), badge);
        return cell;
    }

    private Grid<Payment> paymentsGrid() {
        paymentGrid.setId("ledger-payments-grid");
        paymentGrid.setAllRowsVisible(true);
        paymentGrid.addColumn(p -> Formats.date(p.paidOn())).setHeader(getTranslation("pay.paidOn"))
                .setAutoWidth(true).setFlexGrow(0);
        var no = paymentGrid.addColumn(Payment::paymentNo).setHeader(getTranslation("pay.paymentNo"))
                .setAutoWidth(true);
        paymentGrid.addComponentColumn(p -> {
            Span amount = new Span(Figures.money(p.amount()));
            if (p.reversed()) {
                amount.getStyle().set("text-decoration", "line-through");
                amount.addClassNames(LumoUtility.TextColor.SECONDARY);
            }
            return amount;
        }).setHeader(getTranslation("field.amount")).setTextAlign(ColumnTextAlign.END);
        var channel = paymentGrid.addColumn(p -> Formats.enumLabel("pay.channel", p.channel()))
                .setHeader(getTranslation("pay.channel"));
        var named = paymentGrid.addColumn(p -> p.statementNo() == null ? "" : p.statementNo())
                .setHeader(getTranslation("field.statementNo")).setAutoWidth(true);
        paymentGrid.addComponentColumn(this::paymentStatus).setHeader(getTranslation("field.status"))
                .setAutoWidth(true);
        var note = paymentGrid.addColumn(p -> p.note() == null ? "" : p.note())
                .setHeader(getTranslation("field.note")).setFlexGrow(1);
        Responsive.hideOnPhone(paymentGrid, List.of(no, channel, named, note));
        paymentGrid.addItemClickListener(e -> {
            if (e.getItem() != null) {
                details(e.getItem());
            }
        });
        return paymentGrid;
    }

    private Component paymentStatus(Payment p) {
        if (p.reversed()) {
            // short on the badge (fits a phone), the day in the tooltip and the details
            Span badge = Badges.badge(getTranslation("pay.reversedBadge"), "error");
            badge.setTitle(getTranslation("pay.reversedOn", Formats.date(p.voidedOn())));
            return badge;
        }
        java.math.BigDecimal unused = p.amount().subtract(account.allocatedOf(p.paymentNo()));
        if (unused.signum() > 0) {
            return Badges.badge(getTranslation("pay.ledger.unused", Figures.money(unused)), "");
        }
        return Badges.badge(getTranslation("pay.ledger.applied"), "success");
    }

    private Grid<AllocationLine> allocationsGrid() {
        allocationGrid.setId("ledger-allocations-grid");
        allocationGrid.setAllRowsVisible(true);
        allocationGrid.addColumn(a -> Formats.date(a.allocatedOn()))
                .setHeader(getTranslation("pay.ledger.allocatedOn")).setAutoWidth(true).setFlexGrow(0);
        allocationGrid.addColumn(AllocationLine::period).setHeader(getTranslation("field.period"))
                .setAutoWidth(true);
        var statement = allocationGrid.addColumn(AllocationLine::statementNo)
                .setHeader(getTranslation("field.statementNo")).setAutoWidth(true);
        var payment = allocationGrid.addColumn(AllocationLine::paymentNo)
                .setHeader(getTranslation("pay.paymentNo")).setAutoWidth(true);
        allocationGrid.addColumn(a -> Figures.money(a.amount())).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END);
        allocationGrid.addComponentColumn(a -> a.fromCredit()
                        ? Badges.badge(getTranslation("pay.ledger.fromCredit"), "")
                        : new Span())
                .setAutoWidth(true);
        Responsive.hideOnPhone(allocationGrid, List.of(statement, payment));
        return allocationGrid;
    }

    private void details(Payment p) {
        boolean may = payments.mayRecord();
        new PaymentDetailsDialog(p, account.allocatedOf(p.paymentNo()), may,
                () -> new ReverseDialog(payments, p, x -> reload()).open(),
                () -> paymentDialog.openCorrection(p)).open();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unit = event.getRouteParameters().get("unit").orElse("");
        var params = event.getLocation().getQueryParameters();
        LocalDate day = LocalDate.now(clock);
        String asOfParam = params.getSingleParameter("asOf").orElse(null);
        if (asOfParam != null) {
            try {
                day = LocalDate.parse(asOfParam);
            } catch (DateTimeParseException e) {
                // a mistyped address: stay on today
            }
        }
        String from = params.getSingleParameter("back").orElse("units");
        if (from.equals("arrears") || from.equals("payments")) {
            back.setHref(from);
            back.setText(getTranslation("pay.ledger.back." + from));
        }
        asOf.setValue(day);
        reload();
    }

    private void reload() {
        LocalDate day = asOf.getValue() == null ? LocalDate.now(clock) : asOf.getValue();
        try {
            account = ledgers.account(unit, day).orElse(null);
        } catch (AccessDeniedException e) {
            account = null;
        }
        if (account == null) {
            summary.setText(getTranslation("ledger.unknown", unit));
            owner.setText("");
            content.setVisible(false);
            return;
        }
        content.setVisible(true);
        summary.setText(getTranslation("ledger.summary", unit, Figures.money(account.outstanding()),
                Figures.money(account.credit())));
        owner.removeAll();
        owner.setText("");
        owner.add(new Span(account.buildingCode() + " · " + account.clusterCode() + " · "
                + (account.ownerName() == null ? getTranslation("pay.ledger.noOwner")
                        : account.ownerName())));
        if (account.ownerPhone() != null) {
            Anchor phone = PhoneLink.of(account.ownerPhone(), account.ownerPhone());
            phone.setId("ledger-owner-phone");
            owner.add(new Span(" · "), phone);
        }
        Figures.set(owed, Figures.money(account.outstanding()), null);
        Figures.set(overdue, Figures.money(account.arrears()),
                account.arrears().signum() > 0 ? LumoUtility.TextColor.ERROR : null);
        Figures.set(credit, Figures.money(account.credit()), null);
        Figures.set(balance, Figures.money(account.balance()),
                account.balance().signum() > 0 ? LumoUtility.TextColor.ERROR
                        : LumoUtility.TextColor.SUCCESS);
        // newest first on screen: the open months a butler calls about are at the top
        List<LedgerLine> newestFirst = new ArrayList<>(account.statements());
        Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        paymentGrid.setItems(account.payments());
        allocationGrid.setItems(account.allocations());
        statementsTab.setLabel(getTranslation("pay.ledger.tab.statements", account.statements().size()));
        paymentsTab.setLabel(getTranslation("pay.ledger.tab.payments", account.payments().size()));
        allocationsTab.setLabel(getTranslation("pay.ledger.tab.allocations",
                account.allocations().size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.title", unit);
    }
}

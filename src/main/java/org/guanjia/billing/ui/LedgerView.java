package org.guanjia.billing.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.Ledger;
import org.guanjia.billing.LedgerLine;

/**
 * A unit's account (F12): every statement issued by today with what has been collected on it
 * and what is still owed, and the unit's credit. Units outside the user's clusters show nothing.
 */
@Route("ledger/:unit")
@PermitAll
class LedgerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AllocationService allocations;
    private final Clock clock;
    private final Span summary = new Span();
    private final Grid<LedgerLine> grid = new Grid<>(LedgerLine.class, false);
    private String unit = "";

    LedgerView(AllocationService allocations, Clock clock) {
        this.allocations = allocations;
        this.clock = clock;
        setId("ledger-view");
        setSizeFull();
        summary.setId("ledger-summary");
        summary.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        Anchor back = new Anchor("units", getTranslation("ledger.back"));
        back.setId("ledger-back");
        FlexLayout head = new FlexLayout(back, summary);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(Alignment.BASELINE);
        head.addClassNames(LumoUtility.Gap.LARGE);
        add(head, grid());
    }

    private Grid<LedgerLine> grid() {
        LocalDate today = LocalDate.now(clock);
        grid.setId("ledger-grid");
        grid.setSizeFull();
        grid.addColumn(LedgerLine::period).setHeader(getTranslation("field.period")).setAutoWidth(true);
        var no = grid.addColumn(LedgerLine::statementNo).setHeader(getTranslation("field.statementNo"))
                .setAutoWidth(true);
        var fee = grid.addColumn(l -> Formats.enumLabel("feeType", l.feeType()))
                .setHeader(getTranslation("field.feeType"));
        grid.addColumn(l -> Formats.decimal(l.amount(), 2)).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END);
        var due = grid.addColumn(l -> Formats.date(l.dueOn())).setHeader(getTranslation("field.dueOn"))
                .setAutoWidth(true);
        var collected = grid.addColumn(l -> Formats.decimal(l.collected(), 2))
                .setHeader(getTranslation("field.collected")).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(l -> l.outstanding().signum() == 0
                        ? Badges.badge(getTranslation("ledger.paid"), "success")
                        : Badges.badge(Formats.decimal(l.outstanding(), 2),
                                l.dueOn().isBefore(today) ? "error" : "contrast"))
                .setHeader(getTranslation("field.outstanding")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, fee, due, collected));
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unit = event.getRouteParameters().get("unit").orElse("");
        Ledger ledger = allocations.ledger(unit).orElse(null);
        if (ledger == null) {
            summary.setText(getTranslation("ledger.unknown", unit));
            grid.setItems(List.of());
            return;
        }
        // newest first on screen: the open months a butler calls about are at the top
        List<LedgerLine> newestFirst = new java.util.ArrayList<>(ledger.statements());
        java.util.Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        summary.setText(getTranslation("ledger.summary", unit, Formats.decimal(ledger.outstanding(), 2),
                Formats.decimal(ledger.credit(), 2)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ledger.title", unit);
    }
}

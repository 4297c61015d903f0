package org.guanjia.billing.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.Sort;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentFilter;
import org.guanjia.billing.PaymentService;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/**
 * Payments (F12): a lazily loaded list of the payments of the user's clusters, filtered by unit,
 * cluster, the days paid, channel, and whether reversed ones show; a row opens the unit's
 * account. Finance, the service desk and administrators record payments from here.
 */
@Route("payments")
@Menu(title = "pay.nav", order = 35, icon = "vaadin:money")
@PermitAll
class PaymentsView extends VerticalLayout {

    private final PaymentService payments;
    private final Grid<Payment> grid = new Grid<>(Payment.class, false);
    private final ComboBox<String> cluster = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> channel = new Select<>();
    private final Checkbox reversed = new Checkbox();
    private final PaymentDialog dialog;
    private String text = "";

    PaymentsView(PaymentService payments, LedgerService ledgers, EstateService estates,
            Clock clock) {
        this.payments = payments;
        setId("payments-view");
        setSizeFull();
        dialog = new PaymentDialog(payments, ledgers, estates, clock, p -> refresh());
        add(toolbar(estates), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates) {
        cluster.setPlaceholder(getTranslation("field.cluster"));
        cluster.setItems(estates.clusters().stream().map(Cluster::code).toList());
        cluster.setClearButtonVisible(true);
        cluster.setId("cluster-filter");
        cluster.setWidth("9rem");
        from.setPlaceholder(getTranslation("pay.from"));
        from.setId("from-filter");
        from.setClearButtonVisible(true);
        from.setWidth("9.5rem");
        to.setPlaceholder(getTranslation("pay.to"));
        to.setId("to-filter");
        to.setClearButtonVisible(true);
        to.setWidth("9.5rem");
        channel.setId("channel-filter");
        channel.setEmptySelectionAllowed(true);
        channel.setItems(Payment.CHANNELS);
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("pay.allChannels")
                : Formats.enumLabel("pay.channel", c));
        channel.setWidth("9.5rem");
        reversed.setLabel(getTranslation("pay.includeReversed"));
        reversed.setId("reversed-filter");
        reversed.setValue(true);
        cluster.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        reversed.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(cluster, from, to, channel, reversed);
        toolbar.search().setPlaceholder(getTranslation("field.unit"));
        if (payments.mayRecord()) {
            toolbar.newButton("record-payment-button", () -> dialog.openNew(null))
                    .setText(getTranslation("pay.record"));
        }
        return toolbar;
    }

    private Grid<Payment> grid() {
        grid.setId("payments-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addColumn(p -> Formats.date(p.paidOn())).setHeader(getTranslation("pay.paidOn"))
                .setKey("paidOn").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        var no = grid.addColumn(Payment::paymentNo).setHeader(getTranslation("pay.paymentNo"))
                .setKey("paymentNo").setSortable(true).setAutoWidth(true);
        grid.addColumn(Payment::unitCode).setHeader(getTranslation("field.unit"))
                .setKey("unitCode").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Span amount = new Span(Figures.money(p.amount()));
            if (p.reversed()) {
                amount.getStyle().set("text-decoration", "line-through");
                amount.addClassNames(LumoUtility.TextColor.SECONDARY);
            }
            return amount;
        }).setHeader(getTranslation("field.amount")).setKey("amount").setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        var ch = grid.addColumn(p -> Formats.enumLabel("pay.channel", p.channel()))
                .setHeader(getTranslation("pay.channel")).setKey("channel").setSortable(true)
                .setAutoWidth(true);
        var named = grid.addColumn(p -> p.statementNo() == null ? "" : p.statementNo())
                .setHeader(getTranslation("field.statementNo")).setAutoWidth(true);
        var status = grid.addComponentColumn(p -> p.reversed()
                        ? Badges.badge(getTranslation("pay.reversedOn", Formats.date(p.voidedOn())), "error")
                        : new Span())
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        var by = grid.addColumn(Payment::recordedBy).setHeader(getTranslation("pay.recordedBy"))
                .setAutoWidth(true);
        var note = grid.addColumn(p -> p.note() == null ? "" : p.note())
                .setHeader(getTranslation("field.note")).setFlexGrow(1);
        // on a phone a reversed payment shows by its struck-through amount
        Responsive.hideOnPhone(grid, List.of(no, ch, named, status, by, note));
        grid.addItemClickListener(e -> {
            if (e.getItem() != null) {
                getUI().ifPresent(ui -> ui.navigate("ledger/" + e.getItem().unitCode(),
                        QueryParameters.of("back", "payments")));
            }
        });
        return grid;
    }

    private void refresh() {
        PaymentFilter filter = new PaymentFilter(text, cluster.getValue(), from.getValue(),
                to.getValue(), channel.getValue(), reversed.getValue());
        grid.setItems(query -> {
            List<Sort> sort = query.getSortOrders().stream()
                    .map(o -> new Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                    .toList();
            return payments.payments(filter, new Page(query.getOffset(), query.getLimit()), sort)
                    .stream();
        }, query -> payments.countPayments(filter));
    }
}

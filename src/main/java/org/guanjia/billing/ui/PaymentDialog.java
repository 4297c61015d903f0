package org.guanjia.billing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.billing.LedgerLine;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.UnitFilter;
import org.guanjia.estate.UnitRow;

/**
 * Records a payment, or corrects one (the old payment is reversed with a reason and this one
 * recorded instead, in one transaction). The statement list shows the unit's statements with
 * what each still owes; leaving it empty pays the oldest open statements first.
 */
class PaymentDialog extends Dialog {

    private final PaymentService payments;
    private final LedgerService ledgers;
    private final Clock clock;
    private final Consumer<Payment> onSaved;
    private final Binder<NewPayment> binder = new Binder<>(NewPayment.class);
    private final ComboBox<String> unit = new ComboBox<>();
    private final ComboBox<String> statement = new ComboBox<>();
    private final DatePicker paidOn = new DatePicker();
    private final BigDecimalField amount = new BigDecimalField();
    private final Select<String> channel = new Select<>();
    private final TextArea note = new TextArea();
    private final TextArea reason = new TextArea();
    private final Paragraph hint = new Paragraph();
    private final Map<String, LedgerLine> statements = new HashMap<>();
    private String correcting;

    PaymentDialog(PaymentService payments, LedgerService ledgers, EstateService estates,
            Clock clock, Consumer<Payment> onSaved) {
        this.payments = payments;
        this.ledgers = ledgers;
        this.clock = clock;
        this.onSaved = onSaved;
        setId("payment-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        FormLayout form = new FormLayout(unit, paidOn, amount, channel, statement, note, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(statement, 2);
        form.setColspan(note, 2);
        form.setColspan(reason, 2);
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(hint, form);
        fields(estates);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, save);
    }

    private void fields(EstateService estates) {
        unit.setLabel(getTranslation("field.unit"));
        unit.setId("payment-unit");
        unit.setItems(query -> estates.units(new UnitFilter(query.getFilter().orElse(""), null,
                        null, null, null), new Page(query.getOffset(), query.getLimit()), List.of())
                .stream().map(UnitRow::code));
        unit.addValueChangeListener(e -> loadStatements(e.getValue()));
        paidOn.setLabel(getTranslation("pay.paidOn"));
        paidOn.setId("payment-paid-on");
        amount.setLabel(getTranslation("field.amount"));
        amount.setId("payment-amount");
        channel.setLabel(getTranslation("pay.channel"));
        channel.setId("payment-channel");
        channel.setItems(Payment.RECORDABLE_CHANNELS);
        channel.setItemLabelGenerator(c -> Formats.enumLabel("pay.channel", c));
        statement.setLabel(getTranslation("field.statementNo"));
        statement.setId("payment-statement");
        statement.setPlaceholder(getTranslation("pay.anyStatement"));
        statement.setClearButtonVisible(true);
        statement.setItemLabelGenerator(this::statementLabel);
        note.setLabel(getTranslation("field.note"));
        note.setId("payment-note");
        note.setMaxLength(4000);
        reason.setLabel(getTranslation("pay.reason"));
        reason.setId("payment-reason");
        reason.setMaxLength(1000);
        String required = getTranslation("validation.required");
        binder.forField(unit).asRequired(required).bind("unitCode");
        binder.forField(paidOn).asRequired(required).bind("paidOn");
        binder.forField(amount).asRequired(required)
                .withValidator(a -> a.signum() > 0, getTranslation("validation.positive"))
                .withValidator(a -> a.stripTrailingZeros().scale() <= 2,
                        getTranslation("validation.decimals", 2))
                .bind("amount");
        binder.forField(channel).asRequired(required).bind("channel");
        binder.forField(statement).bind("statementNo");
        binder.forField(note).bind("note");
    }

    private String statementLabel(String no) {
        LedgerLine l = statements.get(no);
        if (l == null) {
            return no;
        }
        return getTranslation("pay.statementOption", l.period(), no,
                l.outstanding().signum() == 0 ? getTranslation("ledger.paid")
                        : Figures.money(l.outstanding()));
    }

    private void loadStatements(String unitCode) {
        statements.clear();
        List<String> items = new ArrayList<>();
        if (unitCode != null) {
            try {
                ledgers.account(unitCode, null).ifPresent(a -> a.statements().forEach(l -> {
                    statements.put(l.statementNo(), l);
                    items.add(l.statementNo());
                }));
            } catch (AccessDeniedException e) {
                // the service refuses the save as well; nothing to list
            }
        }
        Collections.reverse(items);
        String keep = statement.getValue();
        statement.setItems(items);
        if (keep != null && items.contains(keep)) {
            statement.setValue(keep);
        }
    }

    /** Opens for a new payment; {@code unitCode} fixes the unit (empty: the user picks it). */
    void openNew(String unitCode) {
        correcting = null;
        setHeaderTitle(getTranslation("pay.dialog.record"));
        hint.setVisible(false);
        reason.setVisible(false);
        unit.setReadOnly(unitCode != null);
        open(new NewPayment(unitCode, LocalDate.now(clock), null, null, null, null));
    }

    /** Opens on a payment to correct, with its values to change. */
    void openCorrection(Payment p) {
        correcting = p.paymentNo();
        setHeaderTitle(getTranslation("pay.dialog.correct", p.paymentNo()));
        hint.setText(getTranslation("pay.correctHint", p.paymentNo()));
        hint.setVisible(true);
        reason.setVisible(true);
        unit.setReadOnly(false);
        String ch = Payment.RECORDABLE_CHANNELS.contains(p.channel()) ? p.channel() : null;
        open(new NewPayment(p.unitCode(), p.paidOn(), p.amount(), ch, p.statementNo(), p.note()));
    }

    private void open(NewPayment values) {
        paidOn.setMax(LocalDate.now(clock));
        reason.clear();
        loadStatements(values.unitCode());
        binder.readRecord(values);
        for (HasValidation f : List.of(unit, paidOn, amount, channel, statement, note, reason)) {
            f.setInvalid(false);
        }
        open();
    }

    void save() {
        NewPayment value;
        try {
            value = binder.writeRecord();
        } catch (ValidationException e) {
            return; // the binder shows the messages on the fields
        }
        try {
            Payment saved = correcting == null ? payments.record(value)
                    : payments.correct(correcting, reason.getValue(), value);
            close();
            Notifications.saved();
            onSaved.accept(saved);
        } catch (org.guanjia.base.ValidationException e) {
            Figures.showOnFields(e, this::field,
                    Map.of("paymentNo", getTranslation("pay.paymentNo")));
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    private HasValidation field(String name) {
        if ("reason".equals(name)) {
            return reason;
        }
        return binder.getBinding(name).map(b -> b.getField() instanceof HasValidation v ? v : null)
                .orElse(null);
    }
}

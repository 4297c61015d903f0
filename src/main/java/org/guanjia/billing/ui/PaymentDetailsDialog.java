package org.guanjia.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import org.guanjia.base.ui.Formats;
import org.guanjia.billing.Payment;

/**
 * One payment of an account: its details, what it paid, and (for those who may) the buttons to
 * reverse or correct it. Opened from a row of the account's payment list, handy on a phone.
 */
class PaymentDetailsDialog extends Dialog {

    PaymentDetailsDialog(Payment p, BigDecimal applied, boolean mayChange, Runnable onReverse,
            Runnable onCorrect) {
        setId("payment-details-dialog");
        setWidth("min(28rem, 100vw)");
        setHeaderTitle(getTranslation("pay.ledger.paymentDetails", p.paymentNo()));
        add(line("pay.paidOn", Formats.date(p.paidOn())),
                line("field.amount", Figures.money(p.amount())),
                line("pay.channel", Formats.enumLabel("pay.channel", p.channel())),
                line("field.statementNo", p.statementNo() == null ? "—" : p.statementNo()),
                line("pay.ledger.applied", Figures.money(applied)),
                line("pay.recordedBy", p.recordedBy()));
        if (p.reversed()) {
            add(line("pay.reversed", Formats.date(p.voidedOn())));
        }
        if (p.note() != null) {
            add(line("field.note", p.note()));
        }
        Button close = new Button(getTranslation("pay.close"), e -> close());
        getFooter().add(close);
        if (mayChange && !p.reversed()) {
            Button reverse = new Button(getTranslation("pay.reverse"), e -> {
                close();
                onReverse.run();
            });
            reverse.setId("reverse-button");
            reverse.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button correct = new Button(getTranslation("pay.correct"), e -> {
                close();
                onCorrect.run();
            });
            correct.setId("correct-button");
            correct.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(reverse, correct);
        }
    }

    private Div line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        label.setMinWidth("8rem");
        Span v = new Span(value == null ? "" : value);
        Div line = new Div(label, v);
        line.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.Vertical.XSMALL);
        return line;
    }
}

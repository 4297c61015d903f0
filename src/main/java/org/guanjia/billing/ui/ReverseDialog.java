package org.guanjia.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentService;

/** Asks for the reason and reverses a payment (it stays on the account, marked). */
class ReverseDialog extends Dialog {

    private final TextArea reason = new TextArea();

    ReverseDialog(PaymentService payments, Payment p, Consumer<Payment> onReversed) {
        setId("reverse-dialog");
        setWidth("min(30rem, 100vw)");
        setHeaderTitle(getTranslation("pay.dialog.reverse", p.paymentNo()));
        Paragraph hint = new Paragraph(getTranslation("pay.reverseHint"));
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        reason.setLabel(getTranslation("pay.reason"));
        reason.setId("reverse-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        add(hint, reason);
        Button confirm = new Button(getTranslation("pay.reverse"), e -> {
            try {
                Payment done = payments.reverse(p.paymentNo(), reason.getValue());
                close();
                Notifications.saved();
                onReversed.accept(done);
            } catch (ValidationException ex) {
                Figures.showOnFields(ex, f -> "reason".equals(f) ? reason : null,
                        Map.of("paymentNo", getTranslation("pay.paymentNo")));
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        confirm.setId("reverse-confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }
}

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
import com.vaadin.flow.component.textfield.TextField;
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
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.billing.CorrectionStatement;
import org.guanjia.billing.LedgerLine;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.UnitAccount;

/**
 * Finance issues a statement for one unit by hand, dated today: typically a late correction
 * of an earlier month, naming the statement it corrects.
 */
class StatementDialog extends Dialog {

    private final LedgerService ledgers;
    private final Binder<CorrectionStatement> binder = new Binder<>(CorrectionStatement.class);
    private final Map<String, LedgerLine> statements = new HashMap<>();
    private final Consumer<LedgerLine> onIssued;
    private final Clock clock;
    private final ComboBox<String> corrects = new ComboBox<>();
    private final DatePicker due = new DatePicker();

    StatementDialog(LedgerService ledgers, Clock clock, Consumer<LedgerLine> onIssued) {
        this.ledgers = ledgers;
        this.clock = clock;
        this.onIssued = onIssued;
        setId("statement-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        TextField unit = new TextField(getTranslation("field.unit"));
        unit.setReadOnly(true);
        TextField period = new TextField(getTranslation("field.period"));
        period.setId("statement-period");
        period.setPlaceholder(getTranslation("pay.periodFormat"));
        Select<String> feeType = new Select<>();
        feeType.setLabel(getTranslation("field.feeType"));
        feeType.setId("statement-fee-type");
        feeType.setItems(ledgers.feeTypes());
        feeType.setItemLabelGenerator(t -> Formats.enumLabel("feeType", t));
        BigDecimalField amount = new BigDecimalField(getTranslation("field.amount"));
        amount.setId("statement-amount");
        due.setLabel(getTranslation("field.dueOn"));
        due.setId("statement-due-on");
        due.setHelperText(getTranslation("pay.dueDefault"));
        corrects.setLabel(getTranslation("pay.correctsStatementNo"));
        corrects.setId("statement-corrects");
        corrects.setClearButtonVisible(true);
        corrects.setItemLabelGenerator(no -> statements.containsKey(no)
                ? statements.get(no).period() + " · " + no : no);
        corrects.addValueChangeListener(e -> {
            LedgerLine l = e.getValue() == null ? null : statements.get(e.getValue());
            if (l != null && period.isEmpty()) {
                period.setValue(l.period());
            }
        });
        String required = getTranslation("validation.required");
        binder.forField(unit).bind("unitCode");
        binder.forField(period).asRequired(required).bind("period");
        binder.forField(feeType).asRequired(required).bind("feeType");
        binder.forField(amount).asRequired(required)
                .withValidator(a -> a.signum() > 0, getTranslation("validation.positive"))
                .withValidator(a -> a.stripTrailingZeros().scale() <= 2,
                        getTranslation("validation.decimals", 2))
                .bind("amount");
        binder.forField(due).bind("dueOn");
        binder.forField(corrects).bind("correctsStatementNo");
        Paragraph hint = new Paragraph(getTranslation("pay.statementHint"));
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        FormLayout form = new FormLayout(unit, corrects, period, feeType, amount, due);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("30rem", 2));
        add(hint, form);
        Button save = new Button(getTranslation("pay.issueStatement"), e -> save());
        save.setId("statement-save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    void openFor(UnitAccount account) {
        setHeaderTitle(getTranslation("pay.dialog.statement", account.unitCode()));
        statements.clear();
        List<String> items = new ArrayList<>();
        account.statements().forEach(l -> {
            statements.put(l.statementNo(), l);
            items.add(l.statementNo());
        });
        Collections.reverse(items);
        corrects.setItems(items);
        LocalDate today = LocalDate.now(clock);
        due.setMin(today);
        binder.readRecord(new CorrectionStatement(account.unitCode(), null, "property_fee", null,
                null, null));
        binder.getFields().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
        open();
    }

    void save() {
        CorrectionStatement value;
        try {
            value = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            LedgerLine issued = ledgers.issueStatement(value);
            close();
            Notifications.saved();
            onIssued.accept(issued);
        } catch (org.guanjia.base.ValidationException e) {
            Figures.showOnFields(e, name -> binder.getBinding(name)
                    .map(b -> b.getField() instanceof HasValidation v ? v : null).orElse(null),
                    Map.of("unitCode", getTranslation("field.unit")));
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

package org.guanjia.settlement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.settlement.SettlementDetail;
import org.guanjia.settlement.SettlementLine;
import org.guanjia.settlement.SettlementService;

/** One unit's settlement: its figures, the share of each category and the letter. */
class LineDialog extends Dialog {

    LineDialog(SettlementService service, SettlementLine line, String currency, Anchor letter) {
        setId("line-dialog");
        setHeaderTitle(line.unitCode() + (line.ownerName() == null ? "" : " · " + line.ownerName()));
        setWidth("min(44rem, 100vw)");
        FormLayout figures = new FormLayout();
        figures.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 2, FormLayout.ResponsiveStep.LabelsPosition.TOP),
                new FormLayout.ResponsiveStep("30rem", 3, FormLayout.ResponsiveStep.LabelsPosition.TOP));
        figures.addFormItem(new Span(Formats.decimal(line.areaSqm(), 2)), getTranslation("field.areaSqm"));
        figures.addFormItem(new Span(Formats.integer(line.deliveredDays()) + " / " + Formats.integer(line.vacantDays())),
                getTranslation("settle.dialog.days"));
        figures.addFormItem(new Span(Money.format(line.shareAmount(), currency)), getTranslation("settle.field.share"));
        figures.addFormItem(new Span(Money.format(line.prepaidAmount(), currency)), getTranslation("settle.field.prepaid"));
        figures.addFormItem(new Span(Money.format(line.balance().abs(), currency)),
                getTranslation(line.balance().signum() > 0 ? "settle.balance.topUp"
                        : line.balance().signum() < 0 ? "settle.balance.refund" : "settle.balance.even"));
        figures.addFormItem(new Span(Money.format(line.vacantShareAmount(), currency)),
                getTranslation("settle.field.vacantShare"));
        Grid<SettlementDetail> details = new Grid<>();
        details.setId("line-details");
        details.setAllRowsVisible(true);
        details.addColumn(d -> getTranslation("settle.category." + d.category()))
                .setHeader(getTranslation("settle.field.category")).setAutoWidth(true).setFlexGrow(1);
        var key = details.addColumn(d -> getTranslation("settle.key." + d.allocationKey()))
                .setHeader(getTranslation("settle.field.allocationKey")).setAutoWidth(true);
        Responsive.hideOnPhone(details, List.of(key));
        details.addColumn(d -> Formats.decimal(d.shareAmount(), 2)).setHeader(getTranslation("settle.field.share"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        details.setItems(service.details(line.settlementNo(), line.unitCode()));
        letter.setText(getTranslation("settle.dialog.letter"));
        letter.setId("line-letter");
        figures.addFormItem(new Span(getTranslation("settle.payer." + line.payer())), getTranslation("settle.field.payer"));
        VerticalLayout content = new VerticalLayout(figures, details, letter);
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("settle.dialog.close"), e -> close());
        close.setId("line-close");
        getFooter().add(close);
    }
}

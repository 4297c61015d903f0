package org.guanjia.collection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.collection.LawyerLetter;
import org.guanjia.collection.LawyerLetterService;
import org.guanjia.collection.LetterLine;

/**
 * Sends a lawyer's letter: shows the overdue statements and the late fee as they would be
 * printed today, a draft PDF to look at, and then the letter to download once sent.
 */
class LetterDialog extends Dialog {

    private final LawyerLetterService letters;
    private final Runnable onSent;
    private final VerticalLayout body = new VerticalLayout();
    private final Button send = new Button();
    private String unitCode;

    LetterDialog(LawyerLetterService letters, Runnable onSent) {
        this.letters = letters;
        this.onSent = onSent;
        setId("letter-dialog");
        setWidth("min(44rem, 100vw)");
        setMaxHeight("100vh");
        body.setPadding(false);
        add(body);
        send.setText(getTranslation("collect.letter.send"));
        send.setId("send-letter-button");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        send.addClickListener(e -> send());
        Button close = new Button(getTranslation("common.cancel"), e -> close());
        close.setId("letter-close-button");
        getFooter().add(close, send);
    }

    void open(String unit) {
        unitCode = unit;
        setHeaderTitle(getTranslation("collect.letter.dialogTitle", unit));
        body.removeAll();
        LawyerLetter draft;
        try {
            draft = letters.draft(unit);
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
            return;
        }
        if (draft.lines().isEmpty()) {
            body.add(new Span(getTranslation("collect.letter.nothingOverdue", unit)));
            send.setVisible(false);
        } else {
            // the totals first: on a phone the lines run long
            body.add(totals(draft), LetterDownloads.draft(letters, unit,
                    getTranslation("collect.letter.draftPdf"), getLocale()), linesGrid(draft.lines()));
            send.setVisible(true);
        }
        send.setEnabled(true);
        open();
    }

    private Grid<LetterLine> linesGrid(List<LetterLine> lines) {
        Grid<LetterLine> grid = new Grid<>(LetterLine.class, false);
        grid.setId("letter-lines-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(LetterLine::period).setHeader(getTranslation("field.period")).setAutoWidth(true);
        grid.addColumn(l -> Formats.decimal(l.outstanding(), 2)).setHeader(getTranslation("field.outstanding"))
                .setTextAlign(ColumnTextAlign.END);
        var days = grid.addColumn(LetterLine::daysOverdue)
                .setHeader(getTranslation("collect.letter.daysOverdue")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> Formats.decimal(l.lateFee(), 2)).setHeader(getTranslation("collect.letter.lateFee"))
                .setTextAlign(ColumnTextAlign.END);
        Responsive.hideOnPhone(grid, List.of(days));
        grid.setItems(lines);
        return grid;
    }

    private Span totals(LawyerLetter l) {
        Span s = new Span(getTranslation("collect.letter.totals", Formats.decimal(l.principal(), 2),
                Formats.decimal(l.lateFee(), 2), Formats.decimal(l.total(), 2)));
        s.setId("letter-totals");
        s.addClassNames(com.vaadin.flow.theme.lumo.LumoUtility.FontWeight.SEMIBOLD);
        return s;
    }

    private void send() {
        try {
            LawyerLetter sent = letters.send(unitCode);
            send.setVisible(false);
            body.removeAll();
            body.add(new Span(getTranslation("collect.letter.sent", sent.letterNo())),
                    LetterDownloads.letter(letters, sent.letterNo(),
                            getTranslation("collect.letter.download"), getLocale()));
            Notifications.saved();
            onSent.run();
        } catch (ValidationException ex) {
            var p = ex.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException ex) {
            Notifications.error(ex.messageKey(), ex.args());
        }
    }
}

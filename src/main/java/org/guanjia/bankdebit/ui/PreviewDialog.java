package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.bankdebit.DebitCandidate;
import org.guanjia.bankdebit.DebitListPreview;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;

/** The week's list before it is made: the units, their amounts and the total; then "create". */
class PreviewDialog extends Dialog {

    PreviewDialog(BankDebitService service, LocalDate listDate, Consumer<DebitBatch> onCreated) {
        DebitListPreview p = service.previewList(listDate);
        setId("preview-dialog");
        setWidth("min(48rem, 100vw)");
        setMaxHeight("100vh");
        setHeaderTitle(getTranslation("debit.preview.title", Formats.date(listDate)));
        Span summary = new Span(getTranslation("debit.preview.summary", p.units().size(),
                Formats.decimal(p.total(), 2), Formats.date(p.weekStart())));
        summary.setId("preview-summary");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        VerticalLayout content = new VerticalLayout(summary);
        content.setPadding(false);
        if (p.conflictingBatch() != null) {
            content.add(warning(getTranslation("debit.preview.conflict", p.conflictingBatch()), "preview-conflict"));
        }
        if (!p.waitingForBank().isEmpty()) {
            content.add(note(getTranslation("debit.preview.waiting", String.join(", ", p.waitingForBank()))));
        }
        if (p.units().isEmpty() && p.conflictingBatch() == null) {
            content.add(note(getTranslation("debit.preview.empty")));
        }
        content.add(grid(p.units()));
        TextField note = new TextField(getTranslation("field.note"));
        note.setId("list-note");
        note.setWidthFull();
        content.add(note);
        add(content);

        Button create = new Button(getTranslation("debit.preview.create"), e -> {
            try {
                DebitBatch b = service.createList(listDate, note.getValue());
                close();
                Notifications.saved();
                onCreated.accept(b);
            } catch (ValidationException ex) {
                ValidationException.Problem problem = ex.problems().get(0);
                Notifications.error(problem.messageKey(), problem.args().toArray());
            }
        });
        create.setId("create-list-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(p.canCreate());
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, create);
    }

    private Grid<DebitCandidate> grid(List<DebitCandidate> units) {
        Grid<DebitCandidate> grid = new Grid<>(DebitCandidate.class, false);
        grid.setId("preview-grid");
        grid.setHeight("18rem");
        grid.addColumn(DebitCandidate::unitCode).setHeader(getTranslation("field.unit"))
                .setAutoWidth(true);
        var owner = grid.addColumn(DebitCandidate::ownerName).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        var account = grid.addColumn(DebitCandidate::maskedAccountNo)
                .setHeader(getTranslation("debit.field.accountNo")).setAutoWidth(true);
        grid.addColumn(c -> Formats.decimal(c.amount(), 2)).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(owner, account));
        grid.setItems(units);
        return grid;
    }

    private static Paragraph warning(String text, String id) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Margin.NONE);
        return p;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        return p;
    }
}

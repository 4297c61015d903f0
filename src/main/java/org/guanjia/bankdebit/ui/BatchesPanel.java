package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;

/** The weekly debit lists: prepare this week's list, and open a list for its file and results. */
class BatchesPanel extends VerticalLayout {

    private final BankDebitService service;
    private final Clock clock;
    private final Grid<DebitBatch> grid = new Grid<>(DebitBatch.class, false);

    BatchesPanel(BankDebitService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        setId("batches-panel");
        setSizeFull();
        if (service.canWrite()) {
            add(toolbar());
        }
        add(grid());
        refresh();
    }

    private FlexLayout toolbar() {
        LocalDate today = LocalDate.now(clock);
        DatePicker listDate = new DatePicker(getTranslation("debit.field.listDate"), today);
        listDate.setId("list-date");
        listDate.setMax(today);
        Button prepare = new Button(getTranslation("debit.batch.prepare"), VaadinIcon.LIST.create(), e -> {
            try {
                new PreviewDialog(service, listDate.getValue(), this::created).open();
            } catch (ValidationException ex) {
                ValidationException.Problem p = ex.problems().get(0);
                Notifications.error(p.messageKey(), p.args().toArray());
            } catch (AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        prepare.setId("prepare-list-button");
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout bar = new FlexLayout(listDate, prepare);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        return bar;
    }

    private void created(DebitBatch b) {
        refresh();
        open(b);
    }

    private Grid<DebitBatch> grid() {
        grid.setId("batches-grid");
        grid.setSizeFull();
        grid.addColumn(DebitBatch::batchNo).setHeader(getTranslation("debit.field.batchNo"))
                .setAutoWidth(true).setFrozen(true);
        var created = grid.addColumn(b -> Formats.date(b.createdOn()))
                .setHeader(getTranslation("debit.field.createdOn")).setAutoWidth(true);
        var sent = grid.addColumn(b -> Formats.date(b.sentOn()))
                .setHeader(getTranslation("debit.field.sentOn")).setAutoWidth(true);
        grid.addComponentColumn(b -> Badges.badge(Formats.enumLabel("debit.status", b.status()),
                        statusTheme(b.status())))
                .setHeader(getTranslation("debit.status")).setAutoWidth(true);
        var units = grid.addColumn(b -> Formats.integer(b.items()))
                .setHeader(getTranslation("debit.field.units")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        var total = grid.addColumn(b -> Formats.decimal(b.total(), 2))
                .setHeader(getTranslation("debit.field.total")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        var results = grid.addColumn(b -> getTranslation("debit.results.short", b.succeeded(), b.failed(),
                b.pending())).setHeader(getTranslation("debit.field.results")).setAutoWidth(true);
        var debited = grid.addColumn(b -> Formats.decimal(b.debited(), 2))
                .setHeader(getTranslation("debit.field.debited")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        // on a phone: the list and its status; the figures are in the list's dialog
        Responsive.hideOnPhone(grid, List.of(created, sent, units, total, results, debited));
        grid.addItemClickListener(e -> open(e.getItem()));
        return grid;
    }

    static String statusTheme(String status) {
        return switch (status) {
            case DebitBatch.SETTLED -> "success";
            case DebitBatch.SENT -> "";
            case DebitBatch.CANCELLED -> "contrast";
            default -> "contrast primary";
        };
    }

    private void open(DebitBatch b) {
        new BatchDialog(service, b.batchNo(), this::refresh).open();
    }

    void refresh() {
        grid.setItems(q -> service.batches(new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countBatches());
    }
}

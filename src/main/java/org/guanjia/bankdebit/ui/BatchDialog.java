package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.bankdebit.DebitItem;
import org.guanjia.bankdebit.FileProblem;
import org.guanjia.bankdebit.ResultFileException;
import org.guanjia.bankdebit.ResultImport;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.base.ui.UploadTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debit list: its figures, the file for the bank (CSV/XLSX; downloading a draft sends it),
 * the upload of the bank's result file with a report of what it did or of every problem found,
 * and the items with their results.
 */
class BatchDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(BatchDialog.class);

    /** Problems listed in the report; the rest are counted. */
    static final int SHOWN_PROBLEMS = 200;
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final BankDebitService service;
    private final String batchNo;
    private final Runnable onChange;
    private final Span summary = new Span();
    private final Span status = new Span();
    private final FlexLayout actions = new FlexLayout();
    private final VerticalLayout importSection = new VerticalLayout();
    private final Div report = new Div();
    private final Grid<DebitItem> items = new Grid<>(DebitItem.class, false);
    private final List<Anchor> downloads = new ArrayList<>();
    private final List<Component> draftOnly = new ArrayList<>();

    BatchDialog(BankDebitService service, String batchNo, Runnable onChange) {
        this.service = service;
        this.batchNo = batchNo;
        this.onChange = onChange;
        setId("batch-dialog");
        setWidth("min(60rem, 100vw)");
        setMaxHeight("100vh");
        setHeaderTitle(getTranslation("debit.batch.title", batchNo));
        getHeader().add(status);
        summary.setId("batch-summary");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexLayout.Alignment.BASELINE);
        actions.addClassNames(LumoUtility.Gap.MEDIUM);
        report.setId("import-report");
        report.setWidthFull();
        importSection.setPadding(false);
        importSection.setSpacing(false);
        // built once: a download link replaced while the browser holds the old one would fail
        if (service.canWrite()) {
            Span hint = new Span(getTranslation("debit.batch.downloadHint"));
            hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            Button cancel = new Button(getTranslation("debit.batch.cancelDraft"), e -> cancelDraft());
            cancel.setId("cancel-draft-button");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            draftOnly.addAll(List.of(hint, cancel));
            downloads.add(download("download-csv", "debit.batch.downloadCsv", ".csv",
                    "text/csv;charset=UTF-8", service::exportCsv));
            downloads.add(download("download-xlsx", "debit.batch.downloadXlsx", ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    service::exportXlsx));
            actions.add(downloads.get(0), downloads.get(1), hint, cancel);
            importSection.add(new H3(getTranslation("debit.import.title")), hint(), upload(), report);
        }
        VerticalLayout content = new VerticalLayout(summary, actions, importSection, itemsGrid());
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("debit.close"), e -> close());
        close.setId("close-batch-button");
        getFooter().add(close);
        show();
    }

    /** Fills the dialog from the batch as stored now. */
    private void show() {
        DebitBatch b = service.batch(batchNo).orElse(null);
        if (b == null) {
            close();
            return;
        }
        status.removeAll();
        status.add(Badges.badge(Formats.enumLabel("debit.status", b.status()),
                BatchesPanel.statusTheme(b.status())));
        summary.setText(getTranslation("debit.batch.summary", Formats.date(b.createdOn()),
                b.sentOn() == null ? "—" : Formats.date(b.sentOn()), b.items(),
                Formats.decimal(b.total(), 2), getTranslation("debit.results", b.succeeded(), b.failed(),
                        b.pending())));
        downloads.forEach(a -> a.setVisible(!DebitBatch.CANCELLED.equals(b.status())));
        draftOnly.forEach(c -> c.setVisible(DebitBatch.DRAFT.equals(b.status())));
        importSection.setVisible(DebitBatch.SENT.equals(b.status()) || DebitBatch.SETTLED.equals(b.status()));
        items.setItems(service.items(batchNo));
        items.recalculateColumnWidths();
    }

    private Paragraph hint() {
        Paragraph p = new Paragraph(getTranslation("debit.import.hint"));
        p.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        return p;
    }

    private Anchor download(String id, String labelKey, String extension, String contentType,
            Function<String, byte[]> export) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            UI ui = event.getUI();
            try {
                byte[] bytes = export.apply(batchNo);
                // a draft became "sent": show it when the browser next talks to the server
                ui.access(this::changed);
                return new DownloadResponse(new ByteArrayInputStream(bytes), batchNo + extension,
                        contentType, bytes.length);
            } catch (ValidationException e) {
                ValidationException.Problem p = e.problems().get(0);
                ui.access(() -> Notifications.error(p.messageKey(), p.args().toArray()));
                return DownloadResponse.error(409, p.messageKey());
            }
        }), "");
        a.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation(labelKey)));
        a.setId(id);
        a.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Gap.XSMALL);
        return a;
    }

    private Upload upload() {
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> importFile(meta.fileName(), bytes)));
        upload.setId("result-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", ".xls", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel");
        upload.setI18n(i18n());
        upload.setWidthFull();
        // a server round trip after the upload, so the report shows without waiting for a click
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return upload;
    }

    /** Runs in the upload request with the session locked (InMemoryUploadHandler). */
    private void importFile(String fileName, byte[] bytes) {
        report.removeAll();
        try {
            ResultImport r = service.importResults(batchNo, fileName, bytes);
            Paragraph done = new Paragraph(r.sameFile()
                    ? getTranslation("debit.import.sameFile", r.fileName())
                    : getTranslation("debit.import.done", r.fileName(), r.succeeded(),
                            Formats.decimal(r.debited(), 2), r.failed(), r.unchanged(), r.stillPending()));
            done.setId("import-done");
            done.addClassNames(r.changedNothing() ? LumoUtility.TextColor.SECONDARY
                    : LumoUtility.TextColor.SUCCESS);
            report.add(done);
            changed();
        } catch (ResultFileException e) {
            report.add(problems(fileName, e.problems()));
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            report.add(error(getTranslation(p.messageKey(), p.args().toArray())));
        } catch (AccessDeniedException e) {
            report.add(error(getTranslation(e.messageKey(), e.args())));
        } catch (RuntimeException e) {
            log.error("Import of {} into {} failed", fileName, batchNo, e);
            report.add(error(getTranslation("debit.import.failed", fileName)));
        }
    }

    private Div problems(String fileName, List<FileProblem> problems) {
        Div box = new Div();
        box.setId("import-problems");
        box.add(error(getTranslation("debit.import.refused", fileName, problems.size())));
        UnorderedList list = new UnorderedList();
        list.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL);
        list.getStyle().set("max-height", "14rem").set("overflow", "auto");
        problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> list.add(new ListItem(line(p))));
        box.add(list);
        if (problems.size() > SHOWN_PROBLEMS) {
            box.add(new Paragraph(getTranslation("debit.import.more", problems.size() - SHOWN_PROBLEMS)));
        }
        return box;
    }

    /** {@code file:row: column: message}. */
    private String line(FileProblem p) {
        return getTranslation("debit.import.problem", p.file(), String.valueOf(p.row()), p.column(),
                getTranslation(p.messageKey(), p.args().toArray()));
    }

    private static Paragraph error(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Margin.NONE);
        return p;
    }

    private void cancelDraft() {
        try {
            service.cancelDraft(batchNo);
            Notifications.saved();
            changed();
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        }
    }

    private void changed() {
        show();
        onChange.run();
    }

    private Grid<DebitItem> itemsGrid() {
        items.setId("items-grid");
        items.setHeight("20rem");
        items.addColumn(DebitItem::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true)
                .setFrozen(true);
        var owner = items.addColumn(DebitItem::ownerName).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);
        var account = items.addColumn(DebitItem::maskedAccountNo)
                .setHeader(getTranslation("debit.field.accountNo")).setAutoWidth(true);
        items.addColumn(i -> Formats.decimal(i.amount(), 2)).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        items.addComponentColumn(i -> Badges.badge(Formats.enumLabel("debit.result", i.result()),
                        switch (i.result()) {
                            case DebitItem.SUCCESS -> "success";
                            case DebitItem.FAILED -> "error";
                            default -> "contrast";
                        }))
                .setHeader(getTranslation("debit.result")).setAutoWidth(true);
        items.addColumn(DebitItem::failureReason).setHeader(getTranslation("debit.field.failureReason"))
                .setAutoWidth(true);
        var date = items.addColumn(i -> Formats.date(i.resultOn()))
                .setHeader(getTranslation("debit.field.resultOn")).setAutoWidth(true);
        var payment = items.addColumn(DebitItem::paymentNo).setHeader(getTranslation("debit.field.paymentNo"))
                .setAutoWidth(true);
        Responsive.hideOnPhone(items, List.of(owner, account, date, payment));
        return items;
    }

    private UploadI18N i18n() {
        return UploadTexts.of(this, "debit.upload.add", "debit.upload.drop", "debit.upload.tooMany",
                "debit.upload.wrongType", "debit.upload.processing");
    }
}

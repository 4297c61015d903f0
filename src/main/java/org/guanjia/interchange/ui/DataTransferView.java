package org.guanjia.interchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.base.ui.UploadTexts;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.interchange.ExportFormat;
import org.guanjia.interchange.ExportService;
import org.guanjia.interchange.ExportTarget;
import org.guanjia.interchange.FileCounts;
import org.guanjia.interchange.ImportProblem;
import org.guanjia.interchange.ImportReport;
import org.guanjia.interchange.ImportService;
import org.guanjia.interchange.ImportSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Import and export in the interchange format (IMPORT.md) for ADMIN and FINANCE. Uploaded files
 * are first checked (a dry run: counts per file, or the problems with a CSV report); the import
 * itself checks everything again and writes all or nothing. Checking and importing run on their
 * own thread with a progress bar, the page polling for it (the app has no server push).
 */
@Route("admin/data")
@PageTitle("Guanjia")
@Menu(title = "xfer.nav", order = 88, icon = "vaadin:exchange")
@RolesAllowed({"ADMIN", "FINANCE"})
class DataTransferView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DataTransferView.class);
    private static final String ALL = "";

    private final ImportService importService;
    private final ExportService exportService;
    private final Clock clock;
    private final List<ImportSource.Upload> uploads = new ArrayList<>();
    private final Upload upload;
    private final Button check = new Button();
    private final Button run = new Button();
    private final Button clear = new Button();
    private boolean running;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final VerticalLayout result = new VerticalLayout();
    private ImportReport lastReport;

    DataTransferView(ImportService importService, ExportService exportService,
            EstateService estates, Clock clock) {
        this.clock = clock;
        this.importService = importService;
        this.exportService = exportService;
        setId("data-view");
        setMaxWidth("60rem");
        addClassNames(LumoUtility.Margin.Horizontal.AUTO);

        upload = new Upload(UploadHandler.toTempFile((meta, file) -> {
            uploads.add(new ImportSource.Upload(meta.fileName(), file.toPath()));
            lastReport = null;
            result.removeAll();
            buttons();
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(20);
        upload.setAcceptedFileTypes(".zip", ".csv", ".xlsx");
        upload.setWidthFull();
        upload.setI18n(uploadI18n());
        upload.addFileRemovedListener(e -> {
            uploads.removeIf(u -> u.fileName().equals(e.getFileName()));
            result.removeAll();
            lastReport = null;
            buttons();
        });

        check.setText(getTranslation("xfer.check"));
        check.setIcon(VaadinIcon.SEARCH.create());
        check.setId("import-check");
        check.addClickListener(e -> start(true));
        run.setText(getTranslation("xfer.import"));
        run.setIcon(VaadinIcon.UPLOAD.create());
        run.setId("import-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start(false));
        clear.setText(getTranslation("xfer.clear"));
        clear.setIcon(VaadinIcon.CLOSE_SMALL.create());
        clear.addClickListener(e -> clear());
        clear.setId("import-clear");
        FlexLayout actions = new FlexLayout(check, run, clear);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL);
        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
        progressText.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        result.setId("import-result");
        result.setPadding(false);
        buttons();

        add(new H3(getTranslation("xfer.importTitle")), hint("xfer.importHint"), upload, actions,
                progress, progressText, result, new H3(getTranslation("xfer.exportTitle")),
                hint("xfer.exportHint"), exportBar(estates));
    }

    private Paragraph hint(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL,
                LumoUtility.Margin.NONE);
        return p;
    }

    private void buttons() {
        boolean files = !uploads.isEmpty();
        // while a check or import runs, its files must stay as they are
        check.setEnabled(files && !running);
        run.setEnabled(files && !running && lastReport != null && lastReport.ok());
        clear.setEnabled(!running);
        upload.setEnabled(!running);
    }

    private void clear() {
        discardUploads();
        result.removeAll();
        lastReport = null;
        buttons();
    }

    private void discardUploads() {
        uploads.forEach(u -> deleteQuietly(u.content()));
        uploads.clear();
        upload.clearFileList();
    }

    private void start(boolean dryRun) {
        UI ui = UI.getCurrent();
        List<ImportSource.Upload> files = List.copyOf(uploads);
        running = true;
        buttons();
        result.removeAll();
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation(dryRun ? "xfer.checking" : "xfer.importing"));
        ui.setPollInterval(500);
        Runnable job = new DelegatingSecurityContextRunnable(() -> {
            try (ImportSource source = ImportSource.ofUploads(files)) {
                ImportReport report = importService.run(source, dryRun,
                        (fraction, key, args) -> ui.access(() -> {
                            progress.setValue(Math.max(0, Math.min(1, fraction)));
                            progressText.setText(getTranslation(key, args));
                        }));
                ui.access(() -> finished(ui, report));
            } catch (AccessDeniedException e) {
                ui.access(() -> {
                    stop(ui);
                    Notifications.error(e.messageKey(), e.args());
                });
            } catch (RuntimeException e) {
                log.error("Import of {} failed", files, e);
                ui.access(() -> {
                    stop(ui);
                    Notifications.error("xfer.failed");
                });
            }
        });
        Thread thread = new Thread(job, "import");
        thread.setDaemon(true);
        thread.start();
    }

    private void stop(UI ui) {
        running = false;
        ui.setPollInterval(-1);
        progress.setVisible(false);
        progressText.setText("");
        buttons();
    }

    private void finished(UI ui, ImportReport report) {
        lastReport = report;
        stop(ui);
        result.removeAll();
        Paragraph summary = new Paragraph();
        summary.setId("import-summary");
        if (!report.ok()) {
            summary.setText(getTranslation("xfer.problems", report.problemCount()));
            summary.addClassNames(LumoUtility.TextColor.ERROR);
            result.add(summary, problemsGrid(report), problemsDownload(report));
        } else {
            summary.setText(getTranslation(report.dryRun() ? "xfer.checked" : "xfer.imported",
                    report.rows(), report.took().toMillis() / 1000.0));
            summary.addClassNames(report.dryRun() ? LumoUtility.TextColor.SECONDARY
                    : LumoUtility.TextColor.SUCCESS);
            if (!report.dryRun()) {
                // the import is done: the uploads are spent, a new check starts from new files
                discardUploads();
            }
            result.add(summary, countsGrid(report));
        }
        buttons();
    }

    private Grid<FileCounts> countsGrid(ImportReport report) {
        Grid<FileCounts> grid = new Grid<>();
        grid.setId("import-counts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(FileCounts::file).setHeader(getTranslation("xfer.file")).setAutoWidth(true)
                .setFlexGrow(1);
        var rows = number(grid, FileCounts::rows, "xfer.rows");
        number(grid, FileCounts::created, "xfer.new");
        number(grid, FileCounts::changed, "xfer.changed");
        number(grid, FileCounts::unchanged, "xfer.unchanged");
        Responsive.hideOnPhone(grid, List.of(rows));
        grid.setItems(report.files());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid.Column<FileCounts> number(Grid<FileCounts> grid,
            java.util.function.ToLongFunction<FileCounts> value, String headerKey) {
        return grid.addColumn(c -> Formats.integer(value.applyAsLong(c)))
                .setHeader(getTranslation(headerKey)).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    private Grid<ImportProblem> problemsGrid(ImportReport report) {
        Grid<ImportProblem> grid = new Grid<>();
        grid.setId("import-problems");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> p.file() + (p.row() > 0 ? ":" + p.row() : ""))
                .setHeader(getTranslation("xfer.where")).setAutoWidth(true).setFlexGrow(0);
        var column = grid.addColumn(ImportProblem::column).setHeader(getTranslation("xfer.column"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> getTranslation(p.messageKey(), p.args()))
                .setHeader(getTranslation("xfer.message")).setFlexGrow(1);
        Responsive.hideOnPhone(grid, List.of(column));
        grid.setItems(report.problems());
        grid.setHeight("20rem");
        return grid;
    }

    private Component problemsDownload(ImportReport report) {
        byte[] csv = report.problemsCsv(this::getTranslation);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csv), "import-problems.csv", "text/csv", csv.length)), "");
        a.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("xfer.problemsCsv")));
        a.setId("import-problems-csv");
        a.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.XSMALL);
        return a;
    }

    private Component exportBar(EstateService estates) {
        Select<String> scope = new Select<>();
        scope.setId("export-scope");
        scope.setLabel(getTranslation("xfer.scope"));
        List<String> codes = new ArrayList<>();
        codes.add(ALL);
        List<Estate> all = estates.estates();
        all.forEach(e -> codes.add(e.code()));
        scope.setItems(codes);
        scope.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("xfer.allEstates")
                : all.stream().filter(e -> e.code().equals(code)).findFirst()
                        .map(e -> e.code() + " " + e.name()).orElse(code));
        scope.setValue(ALL);
        Select<ExportFormat> format = new Select<>();
        format.setId("export-format");
        format.setLabel(getTranslation("xfer.format"));
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("xfer.format." + f.extension()));
        format.setValue(ExportFormat.CSV);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            String estate = scope.getValue() == null ? ALL : scope.getValue();
            ExportFormat f = format.getValue() == null ? ExportFormat.CSV : format.getValue();
            // written to a temporary file first: a failure is reported, not a broken download
            Path zip = Files.createTempFile("guanjia-export-", ".zip");
            try {
                try (ExportTarget target = ExportTarget.zip(Files.newOutputStream(zip), f)) {
                    exportService.export(target, estate.isEmpty() ? Optional.empty()
                            : Optional.of(estate), ExportService.ExportProgress.NONE);
                }
                String name = "guanjia-" + (estate.isEmpty() ? "all" : estate) + "-"
                        + java.time.LocalDate.now(clock) + "." + f.extension()
                        + ".zip";
                return new DownloadResponse(new DeleteOnClose(zip), name, "application/zip",
                        Files.size(zip));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(zip);
                log.error("Export failed", e);
                return DownloadResponse.error(500, "export failed");
            }
        }), "");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("xfer.exportZip")));
        download.setId("export-download");
        download.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.XSMALL);
        FlexLayout bar = new FlexLayout(scope, format, download);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        return bar;
    }

    private UploadI18N uploadI18n() {
        return UploadTexts.of(this, "xfer.addFiles", "xfer.dropFiles", "xfer.tooMany",
                "xfer.wrongType", "xfer.receiving");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    /** The export's temporary ZIP, deleted once the download has been sent. */
    private static final class DeleteOnClose extends java.io.FilterInputStream {
        private final Path file;

        DeleteOnClose(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            super.close();
            deleteQuietly(file);
        }
    }
}

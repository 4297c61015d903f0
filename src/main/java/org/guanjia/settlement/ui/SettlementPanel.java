package org.guanjia.settlement.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Estate;
import org.guanjia.settlement.Settlement;
import org.guanjia.settlement.SettlementLine;
import org.guanjia.settlement.SettlementService;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The settlement of the year: its status, "compute" (a draft, in the background with a progress
 * bar), "make final", the lines per unit with totals, and the letters (one per unit, or all in
 * one PDF).
 */
class SettlementPanel extends VerticalLayout {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final SettlementService service;
    private final boolean writer;
    private final Clock clock;
    private final TaskExecutor executor;
    private final Span status = new Span();
    private final Span summary = new Span();
    private final Button compute = new Button();
    private final Button makeFinal = new Button();
    private final Anchor allLetters = new Anchor();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Grid<SettlementLine> grid = new Grid<>();
    private FooterRow totals;
    private Grid.Column<SettlementLine> unitColumn;
    private Grid.Column<SettlementLine> shareColumn;
    private Grid.Column<SettlementLine> prepaidColumn;
    private Grid.Column<SettlementLine> balanceColumn;
    private Grid.Column<SettlementLine> vacantShareColumn;
    private Grid.Column<SettlementLine> areaColumn;
    private Estate estate;
    private int year;
    private Settlement settlement;
    private Runnable onChange = () -> { };
    /** The running computation, for tests to wait on. */
    CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    SettlementPanel(SettlementService service, boolean writer, Clock clock, TaskExecutor executor) {
        this.service = service;
        this.writer = writer;
        this.clock = clock;
        this.executor = executor;
        setPadding(false);
        setSizeFull();
        status.setId("settlement-status");
        summary.setId("settlement-summary");
        summary.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        compute.setText(getTranslation("settle.action.compute"));
        compute.setId("compute-button");
        compute.setIcon(VaadinIcon.CALC.create());
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.addClickListener(e -> startCompute());
        makeFinal.setText(getTranslation("settle.action.final"));
        makeFinal.setId("final-button");
        makeFinal.setIcon(VaadinIcon.LOCK.create());
        makeFinal.addClickListener(e -> confirmFinal());
        allLetters.setText(getTranslation("settle.action.allLetters"));
        allLetters.setId("all-letters-link");
        progress.setId("settle-progress");
        progress.setVisible(false);
        progress.setWidth("12rem");
        FlexLayout bar = new FlexLayout(status, compute, makeFinal, allLetters, progress);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        add(bar, summary, grid());
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    private Grid<SettlementLine> grid() {
        grid.setId("lines-grid");
        grid.setSizeFull();
        grid.setMinHeight("20rem");
        unitColumn = grid.addColumn(SettlementLine::unitCode).setHeader(getTranslation("field.unit"))
                .setAutoWidth(true).setFrozen(true).setSortable(true);
        // next to the unit, so it stays in view when the wide grid scrolls
        var letter = grid.addComponentColumn(l -> {
                    Anchor link = letterLink(l);
                    // a click on the link downloads; it should not also open the row's dialog
                    link.getElement().addEventListener("click", e -> { }).stopPropagation();
                    return link;
                }).setHeader(getTranslation("settle.field.letter"))
                .setKey("letter").setAutoWidth(true).setFlexGrow(0);
        areaColumn = grid.addColumn(l -> Formats.decimal(l.areaSqm(), 2)).setHeader(getTranslation("field.areaSqm"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        shareColumn = grid.addColumn(l -> Formats.decimal(l.shareAmount(), 2))
                .setHeader(getTranslation("settle.field.share")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        prepaidColumn = grid.addColumn(l -> Formats.decimal(l.prepaidAmount(), 2))
                .setHeader(getTranslation("settle.field.prepaid")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        balanceColumn = grid.addComponentColumn(l -> Badges.badge(Formats.decimal(l.balance(), 2),
                        l.balance().signum() > 0 ? "error" : l.balance().signum() < 0 ? "success" : "contrast"))
                .setHeader(getTranslation("settle.field.balance")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setComparator(SettlementLine::balance);
        var vacantDays = grid.addColumn(SettlementLine::vacantDays).setHeader(getTranslation("settle.field.vacantDays"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true);
        vacantShareColumn = grid.addColumn(l -> Formats.decimal(l.vacantShareAmount(), 2))
                .setHeader(getTranslation("settle.field.vacantShare")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        var payer = grid.addColumn(l -> getTranslation("settle.payer." + l.payer()))
                .setHeader(getTranslation("settle.field.payer")).setAutoWidth(true);
        var owner = grid.addColumn(SettlementLine::ownerName).setHeader(getTranslation("field.owner"))
                .setAutoWidth(true);

        totals = grid.appendFooterRow();
        // on a phone: unit, share, balance; a tap opens the breakdown with the letter
        Responsive.hideOnPhone(grid, List.of(areaColumn, prepaidColumn, vacantDays, vacantShareColumn, payer,
                owner, letter));
        grid.addItemClickListener(e -> new LineDialog(service, e.getItem(), currency(),
                letterLink(e.getItem())).open());
        return grid;
    }

    private String currency() {
        return settlement == null ? estate.currency() : settlement.currency();
    }

    private Anchor letterLink(SettlementLine line) {
        Locale locale = UI.getCurrent().getLocale();
        String no = line.settlementNo();
        Anchor a = new Anchor(pdf(no + "-" + line.unitCode() + ".pdf",
                () -> service.letter(no, line.unitCode(), locale)), AttachmentType.DOWNLOAD, "PDF");
        a.addClassName("letter-link");
        a.setAriaLabel(getTranslation("settle.field.letter") + " " + line.unitCode());
        return a;
    }

    private static DownloadHandler pdf(String fileName, Supplier<byte[]> content) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length);
        });
    }

    void show(Estate estate, int year) {
        this.estate = estate;
        this.year = year;
        Optional<Settlement> s = service.settlement(estate.code(), year);
        settlement = s.orElse(null);
        List<SettlementLine> lines = s.map(x -> service.lines(x.settlementNo())).orElse(List.of());
        grid.setItems(lines);
        status.removeAll();
        status.setText("");
        if (settlement == null) {
            status.add(Badges.badge(getTranslation("settle.status.none"), "contrast"));
        } else {
            status.add(Badges.badge(getTranslation("settle.status." + settlement.status()) + " · "
                    + settlement.settlementNo(), settlement.isFinal() ? "success" : ""));
        }
        boolean open = settlement == null || !settlement.isFinal();
        compute.setVisible(writer && open);
        makeFinal.setVisible(writer && open);
        makeFinal.setEnabled(settlement != null && LocalDate.now(clock).isAfter(LocalDate.of(year, 12, 31)));
        allLetters.setVisible(settlement != null && !lines.isEmpty());
        if (settlement != null) {
            Locale locale = UI.getCurrent().getLocale();
            String no = settlement.settlementNo();
            allLetters.setHref(pdf(no + ".pdf", () -> service.allLetters(no, locale)), AttachmentType.DOWNLOAD);
        }
        showTotals(lines);
        grid.recalculateColumnWidths();
    }

    private void showTotals(List<SettlementLine> lines) {
        BigDecimal share = sum(lines, SettlementLine::shareAmount);
        BigDecimal prepaid = sum(lines, SettlementLine::prepaidAmount);
        BigDecimal balance = sum(lines, SettlementLine::balance);
        BigDecimal vacant = sum(lines, SettlementLine::vacantShareAmount);
        totals.getCell(unitColumn).setText(getTranslation("settle.totalUnits", Formats.integer(lines.size())));
        totals.getCell(areaColumn).setText(Formats.decimal(sum(lines, SettlementLine::areaSqm), 2));
        totals.getCell(shareColumn).setText(Formats.decimal(share, 2));
        totals.getCell(prepaidColumn).setText(Formats.decimal(prepaid, 2));
        totals.getCell(balanceColumn).setText(Formats.decimal(balance, 2));
        totals.getCell(vacantShareColumn).setText(Formats.decimal(vacant, 2));
        String currency = currency();
        long topUps = lines.stream().filter(l -> l.balance().signum() > 0).count();
        long refunds = lines.stream().filter(l -> l.balance().signum() < 0).count();
        summary.setText(settlement == null ? getTranslation("settle.summary.none")
                : getTranslation("settle.summary", Money.format(share, currency), Money.format(prepaid, currency),
                        Formats.integer(topUps), Money.format(sum(lines.stream().filter(l -> l.balance().signum() > 0)
                                .toList(), SettlementLine::balance), currency),
                        Formats.integer(refunds), Money.format(sum(lines.stream().filter(l -> l.balance().signum() < 0)
                                .toList(), SettlementLine::balance).negate(), currency),
                        Money.format(vacant, currency)));
    }

    private static BigDecimal sum(List<SettlementLine> lines, java.util.function.Function<SettlementLine, BigDecimal> f) {
        return lines.stream().map(f).reduce(ZERO, BigDecimal::add);
    }

    /** Computes in the background; the UI polls for the progress (no server push needed). */
    private void startCompute() {
        UI ui = UI.getCurrent();
        SecurityContext security = SecurityContextHolder.getContext();
        String estateCode = estate.code();
        int y = year;
        compute.setEnabled(false);
        makeFinal.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        ui.setPollInterval(300);
        running = CompletableFuture.runAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                service.compute(estateCode, y, p -> ui.access(() -> progress.setValue(p)));
                ui.access(() -> finished(null));
            } catch (RuntimeException ex) {
                ui.access(() -> finished(ex));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor);
    }

    private void finished(RuntimeException error) {
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        compute.setEnabled(true);
        if (error == null) {
            Notifications.saved();
        } else {
            showError(error);
        }
        onChange.run();
    }

    private void confirmFinal() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("final-confirm");
        confirm.setHeader(getTranslation("settle.final.title", String.valueOf(year)));
        confirm.setText(getTranslation("settle.final.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("settle.action.final"));
        confirm.addConfirmListener(e -> {
            try {
                service.makeFinal(estate.code(), year);
                Notifications.saved();
            } catch (RuntimeException ex) {
                showError(ex);
            }
            onChange.run();
        });
        confirm.open();
    }

    private static void showError(RuntimeException ex) {
        if (ex instanceof ValidationException v) {
            ValidationException.Problem p = v.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } else if (ex instanceof AccessDeniedException a) {
            Notifications.error(a.messageKey(), a.args());
        } else {
            throw ex;
        }
    }
}

package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.guanjia.analytics.KpiParameterException;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.DashboardExports;
import org.guanjia.dashboard.DashboardService;
import org.guanjia.dashboard.FilterChoice;
import org.guanjia.dashboard.Filters;
import org.guanjia.dashboard.PanelData;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Renders any dashboard file: the filters at the top (kept in the URL query string so a view
 * can be bookmarked), the active filter values, then the panels in a 12-column grid (one
 * column on a phone). A click on a figure opens its records; on a building or cluster of a
 * cross-filter panel it may instead filter the whole dashboard.
 */
@Route("dashboards/:id")
@PermitAll
@StyleSheet("context://dashboard.css")
class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DashboardService service;
    private final DashboardExports exports;
    private Dashboard dashboard;
    private Filters filters;
    private final List<PanelCard> cards = new ArrayList<>();
    /**
     * One moving bar for the whole dashboard while its figures are computed; the cards only say
     * so. Ten animated bars kept a browser's core busy repainting them (headless Chromium on the
     * server's two cores: a whole core, which the queries then lacked; on a phone, its battery).
     */
    private final ProgressBar computing = new ProgressBar();
    /** The number of the latest refresh: only its result is shown. */
    private int generation;
    private boolean reportOnAttach;

    DashboardView(DashboardService service, DashboardExports exports) {
        this.service = service;
        this.exports = exports;
        setId("dashboard-view");
        setPadding(true);
        setSpacing(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            dashboard = service.open(id);
        } catch (AccessDeniedException e) {
            event.forwardTo(DashboardsView.class);
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters()
                .getParameters();
        filters = Filters.fromParams(dashboard, params, service.today());
        render();
        if (params.containsKey("report")) {
            // the quarterly report: make the PDF once, then drop the flag from the URL
            UI.getCurrent().getPage().getHistory().replaceState(null, event.getLocation()
                    .getPath() + "?" + QueryParameters.simple(filters.toParams()).getQueryString());
            if (isAttached()) {
                downloadPdf();
            } else {
                reportOnAttach = true;
            }
        }
    }

    @Override
    public String getPageTitle() {
        return dashboard == null ? getTranslation("dash.nav") : dashboard.title(getLocale());
    }

    Dashboard dashboard() {
        return dashboard;
    }

    Filters filters() {
        return filters;
    }

    List<PanelCard> cards() {
        return cards;
    }

    /** Whether the figures are being computed (the progress bar shows). */
    boolean isComputing() {
        return computing.isVisible();
    }

    private void render() {
        removeAll();
        cards.clear();
        H2 title = new H2(dashboard.title(getLocale()));
        title.addClassNames("dash-title");
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        Button pdf = new Button(getTranslation("dash.export.pdf"), VaadinIcon.FILE_TEXT_O.create(),
                e -> downloadPdf());
        pdf.setId("pdf-button");
        pdf.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout head = new HorizontalLayout(title, pdf);
        if (dashboard.id().equals("overview")) {
            Button quarterly = new Button(getTranslation("dash.quarterly"),
                    VaadinIcon.CALENDAR_BRIEFCASE.create(), e -> new QuarterlyDialog(service,
                            dashboard).open());
            quarterly.setId("quarterly-button");
            quarterly.addThemeVariants(ButtonVariant.LUMO_SMALL);
            head.add(quarterly);
        }
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.getStyle().set("flex-wrap", "wrap");
        title.getStyle().set("flex", "1 1 12rem");
        computing.setIndeterminate(true);
        computing.setId("dash-progress");
        computing.addClassName("dash-progress");
        Div grid = new Div();
        grid.addClassName("dash-grid");
        grid.setId("dash-grid");
        for (Panel p : dashboard.panels()) {
            PanelCard card = new PanelCard(this, p);
            cards.add(card);
            grid.add(card);
        }
        // the figures first: their computation runs in the background while the filters'
        // choices (the lists of estates, clusters, buildings and butlers) are read below
        refresh();
        add(head, filterBar(), activeFilters(), computing, grid);
    }

    /**
     * Queries every panel again for the current filters, in the background: at once the
     * dashboard shows a progress bar and the cards say they are computing, and the figures come
     * when the queries are done, pushed to the page (AppShell's {@code @Push}; at 500,000 units
     * about two seconds for the overview in the web process), so the page and its filters can
     * be used meanwhile. A result that arrives after
     * the filters changed again is dropped.
     */
    void refresh() {
        cards.forEach(PanelCard::showLoading);
        computing.setVisible(true);
        UI ui = UI.getCurrent();
        int run = ++generation;
        Dashboard d = dashboard;
        Filters f = filters;
        Runnable job = new DelegatingSecurityContextRunnable(() -> {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            List<PanelData> all = null;
            RuntimeException failed = null;
            try {
                all = service.panels(d, f);
            } catch (RuntimeException e) {
                failed = e;
            }
            long figures = (System.nanoTime() - start) / 1_000_000;
            long cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            List<PanelData> result = all;
            RuntimeException error = failed;
            try {
                ui.access(() -> show(run, d, result, error, figures, cpu));
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                // the user left the page meanwhile: nothing to show
            }
        });
        COMPUTE.execute(job);
    }

    /** Shows the result of refresh number {@code run} unless a later refresh started since. */
    private void show(int run, Dashboard d, List<PanelData> result, RuntimeException error, long figures,
            long cpu) {
        if (run != generation) {
            return;
        }
        computing.setVisible(false);
        if (error != null) {
            LOG.warn("Dashboard {} failed: {}", d.id(), error.toString());
            // a filter's own message, or a plain one: never a database error's text (SQL)
            String message = error instanceof KpiParameterException ? error.getMessage()
                    : error instanceof AccessDeniedException a ? getTranslation(a.messageKey(), a.args())
                    : getTranslation("dash.failed");
            cards.forEach(c -> c.showError(message));
            return;
        }
        long shown = System.nanoTime();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(result.get(i));
        }
        LOG.info("Dashboard {} computed {} panels (figures {} ms, of which on the CPU in this"
                + " thread {} ms; charts {} ms)", d.id(), cards.size(), figures, cpu,
                (System.nanoTime() - shown) / 1_000_000);
    }

    /**
     * The dashboards' background queries (daemon threads: they never hold the JVM up). Four at
     * once at most; more wait their turn (the database has a few cores to give anyway).
     */
    private static final java.util.concurrent.ExecutorService COMPUTE =
            java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "dashboard-compute");
                t.setDaemon(true);
                return t;
            });

    /** The computing thread's own CPU time, for the log line (a slow moment: waiting or working). */
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
            DashboardView.class);

    DashboardExports exports() {
        return exports;
    }

    private Div filterBar() {
        Div bar = new Div();
        bar.addClassName("dash-filters");
        bar.setId("dash-filters");
        if (dashboard.filters().containsKey("period")) {
            ComboBox<String> grain = new ComboBox<>(getTranslation("dash.filter.grain"),
                    dashboard.grains());
            grain.setItemLabelGenerator(g -> getTranslation("dash.grain." + g));
            grain.setValue(filters.grain());
            grain.setId("filter-grain");
            grain.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    apply("grain", e.getValue());
                }
            });
            List<String> months = new ArrayList<>();
            YearMonth last = YearMonth.from(service.today());
            for (int i = 0; i < 48; i++) {
                months.add(last.minusMonths(i).toString());
            }
            ComboBox<String> from = month("dash.filter.from", months, filters.from(), "from");
            ComboBox<String> to = month("dash.filter.to", months, filters.to(), "to");
            bar.add(grain, from, to);
        }
        for (String name : List.of("estate", "cluster", "building", "butler", "category")) {
            if (dashboard.filters().containsKey(name)) {
                bar.add(choice(name));
            }
        }
        return bar;
    }

    private ComboBox<String> month(String label, List<String> months, YearMonth value,
            String param) {
        ComboBox<String> box = new ComboBox<>(getTranslation(label), months);
        box.setValue(value.toString());
        box.setId("filter-" + param);
        box.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(param, e.getValue());
            }
        });
        return box;
    }

    private ComboBox<FilterChoice> choice(String name) {
        List<FilterChoice> items = service.choices(name);
        ComboBox<FilterChoice> box = new ComboBox<>(getTranslation("dash.filter." + name), items);
        box.setItemLabelGenerator(FilterChoice::label);
        box.setClearButtonVisible(true);
        box.setPlaceholder(getTranslation("dash.filter.all"));
        box.setId("filter-" + name);
        String current = filters.get(name);
        items.stream().filter(c -> c.code().equals(current)).findFirst().ifPresent(box::setValue);
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(name, e.getValue() == null ? null : e.getValue().code());
            }
        });
        return box;
    }

    private Div activeFilters() {
        Div line = new Div();
        line.addClassName("dash-active");
        line.setId("active-filters");
        for (String[] f : exports.filterLines(dashboard, filters, getLocale())) {
            Span chip = new Span(f[0] + ": " + f[1]);
            chip.addClassName("dash-chip");
            line.add(chip);
        }
        return line;
    }

    /** Changes one filter: a new URL (bookmarkable) and a new query of every panel. */
    void apply(String name, String value) {
        Filters next = filters.with(name, value, dashboard);
        UI.getCurrent().navigate(DashboardView.class, new RouteParameters("id", dashboard.id()),
                QueryParameters.simple(next.toParams()));
    }

    /** Opens the records behind a clicked item ({@code drill}: URL parameters of the click). */
    void drill(Panel panel, String drill) {
        if (panel.drill() == null) {
            return;
        }
        Map<String, String> q = new HashMap<>(filters.toParams());
        q.remove("grain");
        for (String pair : drill.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (q.containsKey("period")) {
            YearMonth[] range = org.guanjia.dashboard.RecordFilter.months(q.remove("period"));
            q.put("from", range[0].toString());
            q.put("to", range[1].toString());
        }
        String status = RecordsView.statusFor(panel);
        if (status != null) {
            q.put("status", status);
        }
        q.put("dashboard", dashboard.id());
        q.put("back", QueryParameters.simple(filters.toParams()).getQueryString());
        UI.getCurrent().navigate(RecordsView.class, new RouteParameters("kind",
                panel.drill().code()), QueryParameters.simple(q));
    }

    private void downloadPdf() {
        Map<String, byte[]> images = new HashMap<>();
        List<PanelCard> charts = cards.stream().filter(PanelCard::hasChart).toList();
        if (charts.isEmpty()) {
            sendPdf(images);
            return;
        }
        AtomicInteger waiting = new AtomicInteger(charts.size());
        for (PanelCard c : charts) {
            c.chart().image("png", url -> {
                if (url != null && url.startsWith("data:image/png;base64,")) {
                    images.put(c.panel().id(), Base64.getDecoder().decode(
                            url.substring(url.indexOf(',') + 1)));
                }
                if (waiting.decrementAndGet() == 0) {
                    sendPdf(images);
                }
            });
        }
    }

    private void sendPdf(Map<String, byte[]> images) {
        byte[] pdf = exports.pdf(dashboard, filters, getLocale(), images);
        Downloads.send(this, pdf, "application/pdf", dashboard.id() + "-" + filters.from()
                + "-" + filters.to() + ".pdf");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (reportOnAttach) {
            reportOnAttach = false;
            downloadPdf();
        }
    }

    PanelData data(Panel p) {
        return service.panel(dashboard, p, filters);
    }
}

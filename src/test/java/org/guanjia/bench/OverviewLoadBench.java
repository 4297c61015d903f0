package org.guanjia.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.e2e.Browsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser timing of issue 6 "Speed": the app runs on an existing benchmark database (made by
 * {@code bench-data}), headless Chromium signs in and opens the management overview, and the
 * time from navigation until every panel shows its figures (tiles) or its ECharts chart has
 * rendered is measured: one warm-up load, then the median of {@code bench.loads} (5) loads.
 *
 * <p>Not part of the build: the name ends in "Bench" (not a Surefire pattern), it carries the
 * excluded "benchmark" tag and runs only with {@code -Dbench.db}. Run it with the profile
 * that lifts the exclusion: {@code mvn -B -o -Pbench test -Dtest=OverviewLoadBench
 * -Dbench.db=/tmp/bench500k.duckdb} (optional {@code -Dbench.loads=5 -Dbench.user=bench-manager
 * -Dbench.dashboard=overview -Dbench.width=1280 -Dbench.height=1000}: 390 x 844 for a phone).
 * The database must not be open in another process.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench.db", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guanjia.db-path=${bench.db}", "guanjia.demo=false", "guanjia.admin-password=",
        "guanjia.agenda.cron=-", "guanjia.backup.cron=-", "guanjia.mail.cron=-"})
class OverviewLoadBench {

    @LocalServerPort
    int port;

    @Autowired
    DashboardCatalog catalog;

    @Test
    void the_overview_renders_every_panel() throws Exception {
        String id = System.getProperty("bench.dashboard", "overview");
        measure(port, id, catalog.find(id).orElseThrow().panels().stream().map(Dashboard.Panel::id).toList());
    }

    /**
     * Signs in on the server at the port, opens the dashboard {@code bench.loads} + 1 times and
     * prints the times until its filters and until every panel are drawn; screenshots to
     * target/screenshots. Shared with {@link OverviewServerBench} (a server already running).
     */
    static void measure(int port, String id, List<String> panelIds) throws Exception {
        int loads = Integer.getInteger("bench.loads", 5);
        String user = System.getProperty("bench.user", "bench-manager");
        // every panel shows a tile, a chart with an ECharts instance, or its "no data" line
        StringBuilder ids = new StringBuilder();
        for (String p : panelIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('\'').append(p).append('\'');
        }
        String rendered = "() => [" + ids + "].every(id => {"
                + " const panel = document.getElementById('panel-' + id); if (!panel) return false;"
                + " if (document.getElementById('tile-' + id)) return true;"
                + " const chart = document.getElementById('chart-' + id);"
                + " if (chart) { const c = window.echarts && echarts.getInstanceByDom(chart);"
                + "   return !!c && !!c.getOption() && chart.querySelector('canvas, svg') !== null; }"
                // no data: the "empty" line (the progress bar's line is not it)
                + " return panel.querySelector('.dash-tile-sub') !== null"
                + "   && panel.querySelector('.dash-loading') === null; })";
        List<Long> times = new ArrayList<>();
        List<Long> shells = new ArrayList<>();
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(Browsers.options());
            try {
                Page page = Browsers.signIn(browser, port, user, BenchDataService.PASSWORD,
                        Integer.getInteger("bench.width", 1280), Integer.getInteger("bench.height", 1000),
                        "zh-CN");
                page.setDefaultTimeout(120_000);
                for (int i = 0; i <= loads; i++) {
                    page.navigate("about:blank");
                    long start = System.nanoTime();
                    page.navigate("http://localhost:" + port + "/dashboards/" + id);
                    // the page with its filters, the panels still computing (progress bars)
                    page.locator("#dash-filters").waitFor();
                    long shell = (System.nanoTime() - start) / 1_000_000;
                    if (i == 0) {
                        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("bench-" + id
                                + "-computing-" + Integer.getInteger("bench.width", 1280) + ".png")));
                    }
                    page.waitForFunction(rendered, null, new Page.WaitForFunctionOptions().setPollingInterval(20));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf("load %d: page with filters %d ms, every panel %d ms%s%n", i, shell, ms,
                            i == 0 ? " (warm-up)" : "");
                    if (i > 0) {
                        times.add(ms);
                        shells.add(shell);
                    }
                }
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(shots.resolve("bench-" + id + "-" + Integer.getInteger("bench.width", 1280)
                                + ".png")));
                // and each panel on its own (the page scrolls inside the layout)
                for (String p : panelIds) {
                    page.locator("#panel-" + p).screenshot(new Locator.ScreenshotOptions()
                            .setPath(shots.resolve("bench-" + id + "-" + p + "-"
                                    + Integer.getInteger("bench.width", 1280) + ".png")));
                }
            } finally {
                Browsers.close(browser, null);
            }
        }
        Collections.sort(times);
        Collections.sort(shells);
        System.out.printf("%s in the browser, until the page and its filters are there: median %d ms, max %d ms%n",
                id, shells.get(shells.size() / 2), shells.get(shells.size() - 1));
        System.out.printf("%s in the browser, until every panel has rendered: median %d ms, max %d ms"
                + " (%d loads; %s)%n", id, times.get(times.size() / 2), times.get(times.size() - 1),
                times.size(), Files.readString(Path.of("/proc/loadavg")).strip());
    }
}

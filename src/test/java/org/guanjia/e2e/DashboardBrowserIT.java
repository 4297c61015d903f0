package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.billing.CorrectionStatement;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.PaymentService;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The management overview in headless Chromium: a click on a building's bar lands on that
 * building's outstanding statements of the period, and a chart downloads as a PNG.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DashboardBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    LedgerService ledgers;
    @Autowired
    PaymentService payments;

    Playwright playwright;
    Browser browser;
    String p;

    @BeforeAll
    void given_an_estate_where_one_building_pays_and_the_other_does_not() {
        p = "X" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 1, 1));
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("finance0", Role.FINANCE, null);
        for (int m = 3; m <= 5; m++) {
            YearMonth month = YearMonth.of(2025, m);
            for (String c : List.of("C1", "C2")) {
                for (String room : List.of("0101", "0102")) {
                    String unit = p + c + "-B1-" + room;
                    clock.set(month.atDay(1));
                    String no = ledgers.issueStatement(new CorrectionStatement(unit,
                            month.toString(), "property_fee", new BigDecimal("100.00"),
                            month.atEndOfMonth(), null)).statementNo();
                    if (c.equals("C1")) {
                        clock.set(month.atDay(10));
                        payments.record(new NewPayment(unit, month.atDay(10),
                                new BigDecimal("100.00"), "transfer", no, null));
                    }
                }
            }
        }
        TestUsers.signOut();
        clock.set(LocalDate.of(2025, 6, 15));
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void stopBrowser() {
        Browsers.close(browser, playwright);
    }

    @Test
    void a_bar_click_opens_the_buildings_statements_and_a_chart_downloads_as_png()
            throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 1400).setLocale("en-US").setAcceptDownloads(true));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        // the page's own resources all load: no redirect to the login page, no 404 (a 304 is a
        // cached file). The production bundle's theme link without a theme name (AppShell) is
        // not emitted by the development bundle these tests run with: checked by hand
        List<String> failed = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("/VAADIN/") && r.status() >= 300 && r.status() != 304) {
                failed.add(r.status() + " " + r.url());
            }
        });
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill("admin");
        page.locator("vaadin-login-form input[name=password]").fill("test-admin-password");
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#home-view, #today-view").first().waitFor();
        String query = "grain=month&from=2025-03&to=2025-05&estate=" + p + "E";
        page.navigate("http://localhost:" + port + "/dashboards/overview?" + query);
        page.locator("#chart-collection-by-building").waitFor();
        page.waitForFunction("() => { const el = document.querySelector("
                + "'#chart-collection-by-building'); return window.echarts && el"
                + " && echarts.getInstanceByDom(el); }");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(
                "dashboard-overview-it.png")));
        org.assertj.core.api.Assertions.assertThat(failed).as("resources that did not load")
                .isEmpty();

        // the second bar (building C2-B1, collection rate 0): click the bar's foot
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("() => { const el = document"
                + ".querySelector('#chart-collection-by-building'); const c ="
                + " echarts.getInstanceByDom(el); return c.convertToPixel({seriesIndex: 0},"
                + " [1, 0]); }");
        var box = page.locator("#chart-collection-by-building").boundingBox();
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue() - 1);
        page.locator("#click-records").click();

        page.locator("#records-grid").waitFor();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/records/statements\\?.*"));
        assertThat(page.locator("#records-filters")).containsText(p + "C2-B1");
        assertThat(page.locator("#records-count")).containsText("2");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(
                "dashboard-records-it.png")));

        page.locator("#breadcrumb-dashboard").click();
        page.locator("#chart-collection-trend").waitFor();
        page.locator("#export-collection-trend").click();
        Download download = page.waitForDownload(() -> page.locator(
                "vaadin-context-menu-item:has-text('PNG')").click());
        Path png = SCREENSHOTS.resolve("collection-trend.png");
        Files.createDirectories(SCREENSHOTS);
        download.saveAs(png);
        byte[] head = Files.readAllBytes(png);
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .isEqualTo("overview-collection-trend.png");
        org.assertj.core.api.Assertions.assertThat(head.length).isGreaterThan(1000);
        org.assertj.core.api.Assertions.assertThat(new String(head, 1, 3)).isEqualTo("PNG");
        context.close();
    }
}

package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The running app on a random port, driven by Debian's Chromium, headless. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitsBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;

    Playwright playwright;
    Browser browser;
    String p;

    @BeforeAll
    void startBrowser() {
        p = "W" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void stopBrowser() {
        Browsers.close(browser, playwright);
    }

    private Page signedIn(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-US"));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill("admin");
        page.locator("vaadin-login-form input[name=password]").fill("test-admin-password");
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#home-view, #today-view").first().waitFor();
        return page;
    }

    @Test
    void sign_in_open_units_filter_and_see_rows() {
        Page page = signedIn(1280, 900);
        page.navigate("http://localhost:" + port + "/units");
        page.locator("#units-grid").waitFor();
        page.locator("#search-field input").fill(p + "C2");
        assertThat(page.locator("vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setVisible(true).setHasText(p + "C2-B1-0101")))
                .hasCount(1);
        assertThat(page.locator("vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setVisible(true).setHasText(p + "C1-B1-0101")))
                .hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("units-desktop.png")));
        page.context().close();
    }

    @Test
    void the_units_view_works_on_a_phone() {
        Page page = signedIn(390, 844);
        page.navigate("http://localhost:" + port + "/units");
        page.locator("#units-grid").waitFor();
        page.locator("#search-field input").fill(p + "C1-B1-0102");
        assertThat(page.locator("vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setVisible(true).setHasText(p + "C1-B1-0101")))
                .hasCount(0);
        assertThat(page.locator("vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setVisible(true).setHasText(p + "C1-B1-0102")))
                .hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("units-phone.png")));
        for (String view : List.of("", "owners", "buildings", "clusters", "estates", "staff",
                "assignments", "admin/users", "admin/audit")) {
            page.navigate("http://localhost:" + port + "/" + view);
            page.waitForLoadState();
            page.locator("#page-title").waitFor();
            page.waitForTimeout(500);
            String name = view.isEmpty() ? "home" : view.replace('/', '-');
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-phone.png")));
        }
        page.context().close();
    }
}

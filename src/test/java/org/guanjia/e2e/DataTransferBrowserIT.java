package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import page in headless Chromium: a ZIP with a bad row is refused with the row named, the
 * corrected ZIP is checked and imported, the export downloads a ZIP of the 15 files; the page
 * at desktop and phone width (screenshots in target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataTransferBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    final String p = "W" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void stopBrowser() {
        Browsers.close(browser, playwright);
    }

    private Page signedIn(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-US").setAcceptDownloads(true));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill("admin");
        page.locator("vaadin-login-form input[name=password]").fill("test-admin-password");
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#page-title").waitFor();
        page.navigate("http://localhost:" + port + "/admin/data");
        page.locator("#import-upload").waitFor();
        return page;
    }

    private Path zip(String name, Map<String, String> files) throws Exception {
        Path zip = Files.createTempDirectory("it-import").resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private Map<String, String> company(String area) {
        return Map.of(
                "estates.csv", "estate_code,name,city\n" + p + "E,Harbour View " + p + ",Shenzhen\n",
                "clusters.csv", "cluster_code,estate_code,name\n" + p + "C1," + p + "E,North\n",
                "buildings.csv", "building_code,cluster_code,name,floors\n" + p + "B1," + p
                        + "C1,Block 1,18\n",
                "units.csv", "unit_code,building_code,floor,room,area_sqm,delivered_on\n" + p
                        + "-0101," + p + "B1,1,0101,88.50,2024-01-01\n" + p + "-0102," + p
                        + "B1,1,0102," + area + ",2024-01-01\n");
    }

    @Test
    void a_bad_row_is_named_the_corrected_files_import_and_the_export_downloads() throws Exception {
        Page page = signedIn(1280, 900);
        page.locator("#import-upload input[type=file]")
                .setInputFiles(zip("company.zip", company("\"1,088.00\"")));
        page.locator("#import-check").click();
        Locator problems = page.locator("#import-problems");
        assertThat(problems).containsText("units.csv:3");
        assertThat(problems).containsText("area_sqm");
        assertThat(problems).containsText("1,088.00");
        assertThat(page.locator("#import-summary")).containsText("1 problem found");
        assertThat(page.locator("#import-run")).isDisabled();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("import-problems-it.png")));

        page.locator("#import-clear").click();
        page.locator("#import-upload input[type=file]")
                .setInputFiles(zip("company.zip", company("1088.00")));
        page.locator("#import-check").click();
        assertThat(page.locator("#import-summary")).containsText("5 rows checked");
        assertThat(page.locator("#import-counts")).containsText("units.csv");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("import-checked-it.png")));
        page.locator("#import-run").click();
        assertThat(page.locator("#import-summary")).containsText("5 rows imported");

        Download download = page.waitForDownload(() -> page.locator("#export-download").click());
        Path exported = Files.createTempFile("export", ".zip");
        download.saveAs(exported);
        try (ZipFile z = new ZipFile(exported.toFile())) {
            org.assertj.core.api.Assertions.assertThat(z.size()).isEqualTo(15);
            String units = new String(z.getInputStream(z.getEntry("units.csv")).readAllBytes(),
                    StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(units).contains(p + "-0102," + p
                    + "B1,1,0102,1088.00,2024-01-01");
        }
        page.context().close();
    }

    @Test
    void the_page_fits_a_phone() throws Exception {
        Page page = signedIn(390, 844);
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("import-phone-it.png")));
        page.locator("#import-upload input[type=file]")
                .setInputFiles(zip("phone.zip", Map.of("estates.csv",
                        "estate_code,name\n" + p + "P,Phone estate\n")));
        page.locator("#import-check").click();
        assertThat(page.locator("#import-counts")).containsText("estates.csv");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("import-checked-phone-it.png")));
        page.context().close();
    }
}

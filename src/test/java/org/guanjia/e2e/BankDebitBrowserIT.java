package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.TestUsers;
import org.guanjia.bankdebit.BankDebitFixture;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.bankdebit.DebitBatch;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.user.User;
import org.guanjia.user.UserService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bank-debit view in headless Chromium on the hand-made estate of {@link BankDebitFixture}:
 * a refused result file with its problems, then the butler's call list on a phone. Screenshots
 * go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankDebitBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String BUTLER_PASSWORD = "butler-password-1";

    @LocalServerPort
    int port;
    @Autowired
    BankDebitService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    UserService users;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    Playwright playwright;
    Browser browser;
    BankDebitFixture f;
    String batchNo;
    String butler;

    @BeforeAll
    void given_a_sent_list_and_a_butler_account() {
        f = BankDebitFixture.create("B" + UUID.randomUUID().toString().substring(0, 5) + "-", dsl,
                estates, staff, service, allocations);
        butler = "it-butler-" + f.prefix().substring(1, 5).toLowerCase();
        TestUsers.signIn("it-admin", Role.ADMIN, null);
        try {
            users.saveUser(new User(butler, "Butler One", Role.BUTLER, f.butler(1), null, true, false, null),
                    BUTLER_PASSWORD, true);
            DebitBatch b = service.createList(LocalDate.now(clock), "IT");
            service.exportCsv(b.batchNo());
            batchNo = b.batchNo();
        } finally {
            TestUsers.signOut();
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void stopBrowser() {
        Browsers.close(browser, playwright);
    }

    private Page signedIn(String user, String password, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-US"));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#page-title").waitFor();
        return page;
    }

    private static Locator cell(Page page, String grid, String text) {
        return page.locator("#" + grid + " vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true).setHasText(text));
    }

    @Test
    @Order(1)
    void a_bad_result_file_is_refused_with_file_row_and_column_then_a_good_one_is_imported() throws Exception {
        Page page = signedIn("admin", "test-admin-password", 1280, 900);
        page.navigate("http://localhost:" + port + "/bank-debit?tab=lists");
        page.locator("#batches-grid").waitFor();
        cell(page, "batches-grid", batchNo).first().click();
        page.locator("#result-upload").waitFor();
        String today = LocalDate.now(clock).toString();
        Path bad = Files.createTempFile("bad-result", ".csv");
        Files.writeString(bad, "unit_code,result,amount,debit_date,failure_reason\n"
                + "NO-SUCH,success,1.00," + today + ",\n"
                + f.unit(1) + ",success,1.00," + today + ",\n", StandardCharsets.UTF_8);
        page.locator("#result-upload input[type=file]").setInputFiles(bad);

        Locator problems = page.locator("#import-problems");
        assertThat(problems).containsText(":2: unit_code: Unit NO-SUCH is not in list " + batchNo);
        assertThat(problems).containsText(":3: amount: 1.00 differs from the 170.00 asked for");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bank-debit-import-errors-it.png")));

        Path good = Files.createTempFile("result", ".csv");
        Files.writeString(good, "unit_code,result,amount,debit_date,failure_reason\n"
                + f.unit(1) + ",failed,," + today + ",余额不足\n", StandardCharsets.UTF_8);
        page.locator("#result-upload input[type=file]").setInputFiles(good);
        assertThat(page.locator("#import-done")).containsText("1 failed");
        assertThat(cell(page, "items-grid", "余额不足")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bank-debit-import-done-it.png")));
        page.context().close();
    }

    @Test
    @Order(2)
    void on_a_phone_the_butler_taps_the_failed_unit_and_logs_the_call() {
        TestUsers.signIn("it-finance", Role.FINANCE, null);
        try {
            if (service.failedDebitsToCall(null).isEmpty()) {
                service.importResults(batchNo, "phone.csv", ("unit_code,result,amount,debit_date,failure_reason\n"
                        + f.unit(1) + ",failed,," + LocalDate.now(clock) + ",余额不足\n").getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            TestUsers.signOut();
        }
        Page page = signedIn(butler, BUTLER_PASSWORD, 390, 844);
        page.navigate("http://localhost:" + port + "/bank-debit");
        page.locator("#failed-grid").waitFor();
        assertThat(cell(page, "failed-grid", "13800000001")).hasCount(1);
        page.waitForTimeout(800);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bank-debit-failed-phone-it.png")));

        cell(page, "failed-grid", f.unit(1)).first().click();
        assertThat(page.locator("#call-note textarea")).hasValue(
                "Bank debit failed (余额不足); told the owner to deposit money");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bank-debit-call-dialog-phone-it.png")));
        page.locator("#log-call-button").click();

        assertThat(page.locator("#failed-count")).hasText("No failed debit is waiting for a call");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bank-debit-after-call-phone-it.png")));
        page.context().close();
    }
}

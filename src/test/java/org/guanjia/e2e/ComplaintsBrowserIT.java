package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintFilter;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.staff.StaffService;
import org.guanjia.user.User;
import org.guanjia.user.UserService;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A butler on a phone (390 px) files a complaint found by the owner's name, records the first
 * response, classifies it, resolves it and records the owner's sign-off and return visit; the
 * app's clock moves on between the steps. Screenshots of each step go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComplaintsBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "butler-password-1";
    static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 7, 14, 20, 5);

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    UserService users;
    @Autowired
    ComplaintService complaints;

    Playwright playwright;
    Browser browser;
    String p;
    String unit;
    String butler;
    String owner;

    @BeforeAll
    void givenAButlerAndAnOwner() {
        p = "K" + UUID.randomUUID().toString().substring(0, 5) + "-";
        unit = p + "C1-B1-0101";
        butler = "butler-" + p.toLowerCase().replace("-", "");
        owner = "陈" + p.substring(1, 5);
        clock.set(LocalDate.of(2025, 1, 1));
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        users.saveUser(new User(butler, "Butler " + p, Role.BUTLER, p + "S1", "en", true, false, null),
                PASSWORD, true);
        estates.saveOwner(new Owner(p + "O1", unit, owner, "13912345678", false, false, null, false,
                LocalDate.of(2024, 1, 1)), true);
        TestUsers.signOut();
        clock.set(RECEIVED);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void stopBrowser() {
        Browsers.close(browser, playwright);
    }

    private Page signedIn(int width, int height) {
        return Browsers.signIn(browser, port, butler, PASSWORD, width, height, "en-US");
    }

    private void shoot(Page page, String name) {
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }

    private static Locator visible(Page page, String selector) {
        return page.locator(selector).filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Saves the step form that is open (only one form is attached at a time). */
    private static void save(Page page) {
        Locator save = visible(page, "#save-button");
        try {
            save.click(new Locator.ClickOptions().setTimeout(5000));
        } catch (com.microsoft.playwright.TimeoutError covered) {
            // on a phone the dev-mode notice can lie over a tall dialog's footer
            save.dispatchEvent("click");
        }
    }

    private static void pick(Page page, String selectId, String text) {
        page.locator("#" + selectId).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    private Complaint stored() {
        TestUsers.signIn("check", Role.MANAGER, null);
        try {
            return complaints.list(new ComplaintFilter(null, null, null, false, unit),
                    org.guanjia.base.Page.first(5)).get(0);
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    @Order(1)
    void a_butler_files_responds_resolves_and_signs_off_a_complaint_on_a_phone() {
        Page page = signedIn(390, 844);
        page.navigate("http://localhost:" + port + "/complaints");
        page.locator("#complaints-grid").waitFor();
        shoot(page, "complaints-list-phone.png");

        visible(page, "#new-complaint-button").click();
        page.locator("#complaint-unit input").fill(owner);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(unit)).first().click();
        pick(page, "complaint-category", "Noise");
        page.locator("#complaint-description textarea").fill("Drilling after 22:00 next door");
        shoot(page, "complaint-intake-phone.png");
        save(page);

        assertThat(page.locator("#respond-button")).isVisible();
        assertThat(page.locator("#complaint-pdf")).isVisible();
        shoot(page, "complaint-received-phone.png");
        Complaint c = stored();
        org.assertj.core.api.Assertions.assertThat(c.receivedAt()).isEqualTo(RECEIVED);
        org.assertj.core.api.Assertions.assertThat(c.ownerName()).isEqualTo(owner);

        clock.set(RECEIVED.plusMinutes(12));
        page.locator("#respond-button").click();
        page.locator("#response-method").waitFor();
        shoot(page, "complaint-respond-phone.png");
        save(page);
        assertThat(page.locator("#classify-button")).isVisible();
        org.assertj.core.api.Assertions.assertThat(stored().firstResponseAt()).isEqualTo(RECEIVED.plusMinutes(12));

        page.locator("#classify-button").click();
        page.locator("#complaint-department input").fill("Security");
        page.locator("#complaint-department input").press("Enter");
        page.locator("#complaint-responsible input").fill("Guard Li");
        page.locator("#complaint-plan textarea").fill("Ask the neighbour to stop; security checks at 22:30");
        shoot(page, "complaint-classify-phone.png");
        save(page);
        assertThat(page.locator("#resolve-button")).isVisible();

        clock.set(RECEIVED.plusHours(2));
        page.locator("#resolve-button").click();
        page.locator("#complaint-reply textarea").fill("The neighbour stopped at 22:40; we will check again tomorrow");
        shoot(page, "complaint-resolve-phone.png");
        save(page);
        assertThat(page.locator("#sign-off-button")).isVisible();

        clock.set(RECEIVED.plusDays(1));
        page.locator("#sign-off-button").click();
        page.locator("#complaint-satisfaction input").fill("5");
        shoot(page, "complaint-sign-off-phone.png");
        save(page);
        assertThat(page.locator("#reopen-button")).isVisible();
        shoot(page, "complaint-closed-phone.png");

        Complaint closed = stored();
        org.assertj.core.api.Assertions.assertThat(closed.status()).isEqualTo("closed");
        org.assertj.core.api.Assertions.assertThat(closed.department()).isEqualTo("Security");
        org.assertj.core.api.Assertions.assertThat(closed.resolvedAt()).isEqualTo(RECEIVED.plusHours(2));
        org.assertj.core.api.Assertions.assertThat(closed.ownerSigned()).isTrue();
        org.assertj.core.api.Assertions.assertThat(closed.satisfaction()).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(closed.returnVisitAt()).isEqualTo(RECEIVED.plusDays(1));
        page.context().close();
    }

    @Test
    @Order(2)
    void the_list_shows_the_closed_complaint_on_a_desktop() {
        Page page = signedIn(1280, 900);
        page.navigate("http://localhost:" + port + "/complaints");
        page.locator("#complaints-grid").waitFor();
        page.locator("#search-field input").fill(unit);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setVisible(true).setHasText("Closed"))).hasCount(1);
        shoot(page, "complaints-list-desktop.png");
        page.context().close();
    }
}

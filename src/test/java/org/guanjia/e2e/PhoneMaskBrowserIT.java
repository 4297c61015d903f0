package org.guanjia.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.staff.StaffService;
import org.guanjia.user.User;
import org.guanjia.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The owners list as a manager (phones masked) and as the service desk (in full), desktop and phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneMaskBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "mask-check-1";

    @LocalServerPort int port;
    @Autowired EstateService estates;
    @Autowired StaffService staff;
    @Autowired UserService users;

    Playwright playwright;
    Browser browser;
    String p;

    @BeforeAll
    void setUp() {
        p = "K" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            estates.saveOwner(new Owner(p + "O1", p + "C1-B1-0101", "Wang Fang", "13812345678", true, false,
                    "Shenzhen, Road 1", false, LocalDate.of(2024, 1, 1)), true);
            users.saveUser(new User(p + "mgr", "Manager", Role.MANAGER, null, "en", true, false, null), PASSWORD, true);
            users.saveUser(new User(p + "desk", "Desk", Role.SERVICE_DESK, null, "en", true, false, null), PASSWORD,
                    true);
        } finally {
            TestUsers.signOut();
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(Browsers.options());
    }

    @AfterAll
    void tearDown() {
        Browsers.close(browser, playwright);
    }

    private void owners(String user, int width, int height, String expected, String shot) {
        owners(user, width, height, expected, shot, null);
    }

    /** With {@code dialogShot}, also opens the owner's form and checks the phone field shows the mask. */
    private void owners(String user, int width, int height, String expected, String shot, String dialogShot) {
        Page page = Browsers.signIn(browser, port, user, PASSWORD, width, height, "en-US");
        page.navigate("http://localhost:" + port + "/owners");
        page.locator("#page-title").waitFor();
        page.locator("#search-field input").fill("Wang");
        page.waitForTimeout(800);
        if (expected != null) {
            assertThat(page.locator("vaadin-grid-cell-content").filter(
                    new Locator.FilterOptions().setVisible(true).setHasText(expected))).hasCount(1);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(shot)));
        if (dialogShot != null) {
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Wang Fang"))
                    .first().click();
            page.locator("#phone-field input").waitFor();
            assertThat(page.locator("#phone-field input")).hasValue("138****5678");
            page.waitForTimeout(500);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(dialogShot)));
        }
        page.context().close();
    }

    @Test
    void a_manager_sees_masked_phones_and_the_service_desk_full_ones() {
        owners(p + "mgr", 1280, 900, "138****5678", "owners-manager-desktop.png", "owner-form-manager-desktop.png");
        owners(p + "desk", 1280, 900, "13812345678", "owners-desk-desktop.png");
        owners(p + "mgr", 390, 844, null, "owners-manager-phone.png", "owner-form-manager-phone.png");
    }
}

package org.guanjia.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Launch options for Debian's Chromium, headless, without network chatter; signing in and
 * closing, shared by the browser tests.
 */
public final class Browsers {

    private Browsers() {
    }

    public static BrowserType.LaunchOptions options() {
        String exe = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(exe))) {
            throw new IllegalStateException("Chromium not found at " + exe
                    + " (run ./run-tests.sh, which installs it, or set CHROMIUM)");
        }
        return new BrowserType.LaunchOptions().setExecutablePath(Path.of(exe)).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"));
    }

    /**
     * A new browser context of the size and locale, signed in through the login form; waits for
     * the start page (Overview, or Today for a butler).
     */
    public static Page signIn(Browser browser, int port, String user, String password, int width,
            int height, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale(locale));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.locator("#home-view, #today-view").first().waitFor();
        return page;
    }

    public static void close(Browser browser, Playwright playwright) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}

package org.guanjia.e2e;

import com.microsoft.playwright.BrowserType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Launch options for Debian's Chromium, headless, without network chatter. */
final class Browsers {

    private Browsers() {
    }

    static BrowserType.LaunchOptions options() {
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
}

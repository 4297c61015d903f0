package org.guanjia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.server.VaadinServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.apache.catalina.Context;
import org.guanjia.TestClock;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.base.Role;
import org.guanjia.base.security.LoginThrottle;
import org.guanjia.user.UserService;
import org.guanjia.user.internal.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a running server outside demo mode (the test profile, like production): an idle session
 * ends, there is no default password (the first admin's comes from configuration, demo accounts
 * cannot sign in, the login page lists none), and passwords are stored as BCrypt hashes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "test.context=session")
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class SessionAndProductionModeTest {

    static final String KPI = "/api/v1/kpi/workload?grain=month&from=2025-01&to=2025-01";

    @LocalServerPort int port;
    @Autowired ServletWebServerApplicationContext web;
    @Autowired UserService users;
    @Autowired UserRepository userRepo;
    @Autowired PasswordEncoder encoder;
    @Autowired GuanjiaProperties properties;
    @Autowired AuditService audit;
    @Autowired CurrentUser currentUser;
    @Autowired LoginThrottle throttle;
    @Autowired Clock clock;
    @Autowired DSLContext dsl;

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_session_ends_after_an_hour_without_a_click_even_with_the_tab_open() throws Exception {
        Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).as("minutes").isEqualTo(60);
        // Vaadin's heartbeat keeps a session alive while a tab is open unless idle sessions are closed
        assertThat(get("/login", null, null)).isEqualTo(200);
        VaadinServlet servlet = web.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast).findFirst().orElseThrow();
        assertThat(servlet.getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    @Test
    void the_first_admin_needs_a_configured_password_of_ten_characters_outside_demo_mode() {
        dsl.execute("update app_users set enabled = false where username = 'admin'");
        try {
            assertThatThrownBy(() -> withAdminPassword("").ensureAdmin())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("GUANJIA_ADMIN_PASSWORD");
            assertThatThrownBy(() -> withAdminPassword("short").ensureAdmin())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least");
        } finally {
            dsl.execute("update app_users set enabled = true where username = 'admin'");
        }
    }

    private UserService withAdminPassword(String password) {
        GuanjiaProperties p = new GuanjiaProperties(properties.dbPath(), false, password, properties.demoSeed(),
                properties.demoScale(), properties.poolSize(), properties.timezone());
        return new UserService(userRepo, encoder, p, audit, currentUser, throttle, clock);
    }

    @Test
    void the_admin_signs_in_with_the_configured_password_only_and_it_is_stored_as_a_bcrypt_hash() throws Exception {
        assertThat(get(KPI, "admin", "test-admin-password")).isEqualTo(200);
        assertThat(get(KPI, "admin", "demo")).isEqualTo(401);
        assertThat(get(KPI, "admin", "admin")).isEqualTo(401);
        String hash = dsl.fetchValue("select password_hash from app_users where username = 'admin'").toString();
        assertThat(hash).startsWith("$2").doesNotContain("test-admin-password");
    }

    @Test
    void demo_accounts_do_not_sign_in_and_are_not_listed_outside_demo_mode() throws Exception {
        CurrentUser.asSystem(() -> {
            users.ensureDemoAccounts(List.of(new UserService.DemoUser("demo-prod-check", "Demo", Role.ADMIN, null)));
            return null;
        });
        assertThat(get(KPI, "demo-prod-check", "demo")).isEqualTo(401);
        assertThat(users.list()).isEmpty();
    }
}

package org.guanjia.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.user.User;
import org.guanjia.user.UserService;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The locked door on a running server (issue 10 point 4): secure headers on every page, and
 * repeated wrong passwords lock the account name for a while, for the API's Basic sign-in as for
 * the form, without touching other accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LockedDoorTest {

    static final String PASSWORD = "correct-horse-1";
    static final String KPI = "/api/v1/kpi/workload?grain=month&from=2025-01&to=2025-01";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String manager() {
        String name = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            users.saveUser(new User(name, "Manager", Role.MANAGER, null, "en", true, false, null),
                    PASSWORD, true);
        } finally {
            TestUsers.signOut();
        }
        return name;
    }

    @Test
    void pages_carry_a_content_security_policy_and_the_other_secure_headers() throws Exception {
        HttpResponse<String> login = get("/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'",
                        "object-src 'none'", "form-action 'self'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void five_wrong_passwords_lock_the_name_for_fifteen_minutes() throws Exception {
        clock.set(LocalDateTime.of(2025, 5, 6, 9, 0));
        String victim = manager();
        String other = manager();
        assertThat(get(KPI, victim, PASSWORD).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(get(KPI, victim, "guess-" + i).statusCode()).isEqualTo(401);
        }
        // now even the right password is refused, but only for this name
        assertThat(get(KPI, victim, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get(KPI, other, PASSWORD).statusCode()).isEqualTo(200);

        clock.set(LocalDateTime.of(2025, 5, 6, 9, 14));
        assertThat(get(KPI, victim, PASSWORD).statusCode()).isEqualTo(401);
        clock.set(LocalDateTime.of(2025, 5, 6, 9, 16));
        assertThat(get(KPI, victim, PASSWORD).statusCode()).isEqualTo(200);
        // a success clears the count: four more wrong passwords do not lock again
        for (int i = 0; i < 4; i++) {
            assertThat(get(KPI, victim, "again-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(get(KPI, victim, PASSWORD).statusCode()).isEqualTo(200);
    }
}

package org.guanjia.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.guanjia.cli.Cli;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API on a running server over a small demo database that the command line made and
 * read first: identical figures from the CLI and the API, the error statuses (400 per kind of
 * bad parameter, 401, 403) and a butler's scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KpiApiTest {

    static final String COLLECTION = "collection?by=cluster&grain=quarter&from=2025-01&to=2025-12"
            + "&as-of=2026-06-30";
    static final String[] COLLECTION_ARGS = {"kpi", "collection", "--by", "cluster", "--grain",
        "quarter", "--from", "2025-01", "--to", "2025-12", "--as-of", "2026-06-30"};
    static final String AGING = "aging?by=building&as-of=2026-06-30&format=json";
    static final String[] AGING_ARGS = {"kpi", "aging", "--by", "building", "--as-of",
        "2026-06-30", "--format", "json"};

    static final Map<String, String> CLI = new HashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Before the server starts (one process per database file): demo data, then the CLI. */
    @DynamicPropertySource
    static void demoDatabaseReadByTheCli(DynamicPropertyRegistry registry) throws IOException {
        Path db = Files.createTempDirectory("kpi-api").resolve("kpi.duckdb");
        cli(db, "demo", "--scale", "0.02", "--seed", "11");
        CLI.put("collection", cli(db, COLLECTION_ARGS));
        CLI.put("aging", cli(db, AGING_ARGS));
        registry.add("guanjia.db-path", db::toString);
        registry.add("guanjia.demo", () -> "true"); // the demo accounts sign in
    }

    private static String cli(Path db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("guanjia.db-path", db.toString()));
        assertThat(code).as(err::toString).isZero();
        return out.toString();
    }

    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/kpi/" + path)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_health_endpoint_answers_without_signing_in_and_nothing_else_of_the_actuator_is_open()
            throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details", "diskSpace");
        HttpResponse<String> env = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/env")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(env.statusCode()).isNotEqualTo(200);
    }

    @Test
    void the_cli_and_the_api_return_identical_figures() throws Exception {
        HttpResponse<String> csv = get(COLLECTION, "demo-manager", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo(CLI.get("collection"));
        assertThat(csv.body()).startsWith("scope,scope_code,period,billed,collected_in_period,")
                .contains("\ncluster,");
        assertThat(csv.body().lines().count()).isGreaterThan(4);

        HttpResponse<String> json = get(AGING, "demo-finance", null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo(CLI.get("aging")).contains("\"bucket_1_30\"");
    }

    @Test
    void the_accept_header_chooses_json_and_format_wins_over_it() throws Exception {
        HttpResponse<String> json = get("repairs?from=2025-01&to=2025-02", "demo-manager",
                "application/json");
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body().strip()).startsWith("[");
        HttpResponse<String> csv = get("repairs?from=2025-01&to=2025-02&format=csv",
                "demo-manager", "application/json");
        assertThat(csv.body()).startsWith("scope,scope_code,period,completed,");
    }

    @Test
    void each_kind_of_bad_parameter_is_a_400_naming_it() throws Exception {
        Map<String, String> cases = Map.of(
                "nope?from=2025-01&to=2025-02", "dataset",
                "collection?by=floor&from=2025-01&to=2025-02", "by",
                "collection?grain=week&from=2025-01&to=2025-02", "grain",
                "collection?from=2025-1&to=2025-02", "from",
                "collection?from=2025-01", "to",
                "collection?from=2025-03&to=2025-02", "to",
                "collection?from=2025-01&to=2025-02&as-of=2025-02-30", "as-of",
                "collection?from=2025-01&to=2025-02&estate=NOPE", "estate",
                "collection?from=2025-01&to=2025-02&format=xml", "format");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey(), "demo-manager", null);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(r.body()).as(c.getKey()).startsWith("{\"status\":400,\"message\":\""
                    + c.getValue() + ":");
        }
    }

    @Test
    void without_or_with_wrong_credentials_it_is_a_401() throws Exception {
        HttpResponse<String> none = get(COLLECTION, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).startsWith("{\"status\":401,\"message\":");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue(
                "Basic realm=\"guanjia\"");
        HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/kpi/" + COLLECTION)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("demo-manager:wrong".getBytes(
                        StandardCharsets.UTF_8))).GET().build();
        assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_checked_password_is_remembered_but_a_wrong_changed_or_disabled_one_is_not() throws Exception {
        // demo-supervisor signs in nowhere else in this class
        long logins = logins("demo-supervisor");
        for (int i = 0; i < 3; i++) {
            assertThat(get(COLLECTION, "demo-supervisor", null).statusCode()).isEqualTo(200);
        }
        // one full check (recorded as a sign-in), then remembered: no sign-in per request
        assertThat(logins("demo-supervisor")).isEqualTo(logins + 1);
        assertThat(getAs(COLLECTION, "demo-supervisor", "wrong").statusCode()).isEqualTo(401);

        String oldHash = jdbc.queryForObject(
                "select password_hash from app_users where username = 'demo-supervisor'", String.class);
        jdbc.update("update app_users set password_hash = ? where username = 'demo-supervisor'",
                passwords.encode("changed"));
        assertThat(getAs(COLLECTION, "demo-supervisor", "demo").statusCode()).isEqualTo(401);
        assertThat(getAs(COLLECTION, "demo-supervisor", "changed").statusCode()).isEqualTo(200);

        jdbc.update("update app_users set password_hash = ?, enabled = false"
                + " where username = 'demo-supervisor'", oldHash);
        assertThat(getAs(COLLECTION, "demo-supervisor", "demo").statusCode()).isEqualTo(401);
        jdbc.update("update app_users set enabled = true where username = 'demo-supervisor'");
        assertThat(getAs(COLLECTION, "demo-supervisor", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void requests_sent_side_by_side_with_the_same_password_share_one_check() throws Exception {
        // demo-admin signs in nowhere else in this class
        long logins = logins("demo-admin");
        assertThat(sideBySide("demo-admin:demo", 6)).containsOnly(200).hasSize(6);
        // one full check, recorded as one sign-in (each would have hashed and written its own)
        assertThat(logins("demo-admin")).isEqualTo(logins + 1);
        // a wrong password sent side by side: every request refused
        assertThat(sideBySide("demo-admin:nope", 3)).containsOnly(401).hasSize(3);
    }

    /** The statuses of {@code n} requests for COLLECTION sent at once with the credentials. */
    private List<Integer> sideBySide(String credentials, int n) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/kpi/" + COLLECTION)).header("Authorization", "Basic " + Base64
                            .getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> r : sent) {
            statuses.add(r.get(60, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }

    private long logins(String user) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'login'"
                + " and username = ?", Long.class, user);
    }

    private HttpResponse<String> getAs(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/kpi/" + path)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_service_desk_and_a_butler_asking_for_estates_get_a_403() throws Exception {
        HttpResponse<String> desk = get(COLLECTION, "demo-desk", null);
        assertThat(desk.statusCode()).isEqualTo(403);
        assertThat(desk.body()).startsWith("{\"status\":403,\"message\":");
        assertThat(get("collection?by=estate&from=2025-01&to=2025-01", "demo-butler1", null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void a_butler_gets_only_their_clusters() throws Exception {
        HttpResponse<String> all = get("collection?by=cluster&from=2025-01&to=2025-01",
                "demo-manager", null);
        HttpResponse<String> mine = get("collection?by=cluster&from=2025-01&to=2025-01",
                "demo-butler1", null);
        assertThat(mine.statusCode()).isEqualTo(200);
        long allRows = all.body().lines().count() - 1;
        long myRows = mine.body().lines().count() - 1;
        assertThat(myRows).isGreaterThanOrEqualTo(1).isLessThan(allRows);
        // each of the butler's rows is the manager's row of the same cluster
        mine.body().lines().skip(1).forEach(line -> assertThat(all.body()).contains(line));
        HttpResponse<String> self = get("collection?by=butler&from=2025-01&to=2025-01",
                "demo-butler1", null);
        assertThat(self.body().lines().skip(1).map(l -> l.split(",")[1]).distinct().count())
                .isEqualTo(1);
    }
}

package org.guanjia.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guanjia.analytics.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10 point 5 for the HTTP API: {@code /api/v1/kpi/{dataset}} fed {@link HostileCorpus#RAW}
 * in the path and in every query parameter answers a JSON 400 naming the parameter (or 200 where
 * the value happens to be acceptable, e.g. an empty optional parameter), never a 500 and never a
 * page. Bodies of 400 answers do not echo markup unescaped into HTML (they are JSON).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KpiApiHostileTest {

    static final List<String> PARAMS = List.of("by", "grain", "from", "to", "as-of", "estate", "format");
    static final Map<String, Integer> STATUSES = new java.util.TreeMap<>();

    /**
     * The raw corpus with the 100 kB value cut to 5 kB: Tomcat refuses a request line over 8 kB
     * itself, before the application ({@link #a_request_line_over_the_server_limit_is_a_400_not_a_500}).
     */
    static final List<HostileCorpus.Value<String>> RAW = HostileCorpus.RAW.stream()
            .map(v -> v.value().length() > 6_000 ? new HostileCorpus.Value<>("5kB", "长".repeat(100) + "x".repeat(4_000))
                    : v).toList();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/kpi/"
                + pathAndQuery)).timeout(java.time.Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:test-admin-password".getBytes(StandardCharsets.UTF_8))).GET().build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> valid(String dataset) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("from", "2025-01");
        q.put("to", "2025-02");
        return q;
    }

    @TestFactory
    Stream<DynamicTest> every_parameter_and_the_path_fed_the_corpus_is_a_json_400_naming_it() {
        List<DynamicTest> tests = new ArrayList<>();
        // every parameter on two datasets, and "from" on every dataset: one parser reads them all
        for (Dataset d : Dataset.values()) {
            boolean all = d == Dataset.values()[0] || d == Dataset.values()[Dataset.values().length - 1];
            for (String param : all ? PARAMS : List.of("from")) {
                for (HostileCorpus.Value<String> v : RAW) {
                    tests.add(DynamicTest.dynamicTest(d.code() + " " + param + "=" + v.name(), () -> {
                        Map<String, String> q = valid(d.code());
                        q.put(param, v.value());
                        StringBuilder url = new StringBuilder(d.code()).append('?');
                        q.forEach((k, val) -> url.append(k).append('=').append(enc(val)).append('&'));
                        check(get(url.toString()), param, v);
                    }));
                }
            }
        }
        // an empty dataset is another URL (/api/v1/kpi/), not a value of the path's parameter
        for (HostileCorpus.Value<String> v : RAW.stream().filter(v -> !v.value().isEmpty()).toList()) {
            tests.add(DynamicTest.dynamicTest("path=" + v.name(), () ->
                    checkPath(get(enc(v.value()) + "?from=2025-01&to=2025-02"), v)));
        }
        return tests.stream();
    }

    void check(HttpResponse<String> r, String param, HostileCorpus.Value<String> v) {
        synchronized (STATUSES) {
            STATUSES.merge(r.statusCode() + (r.statusCode() == 200 ? "" : " " + param), 1, Integer::sum);
        }
        assertThat(r.statusCode()).as("%s=%s: %s", param, v.name(), r.body()).isIn(200, 400, 404);
        if (r.statusCode() != 200) {
            assertThat(r.headers().firstValue("Content-Type")).as(param + "=" + v.name())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(r.body()).as(param + "=" + v.name())
                    .startsWith("{\"status\":" + r.statusCode() + ",\"message\":\"" + param + ":");
        }
    }

    /**
     * The path: Tomcat itself refuses an encoded '/', '\\' or NUL with its own 400 page before the
     * application; everything that reaches the application is a JSON 400/404 naming the dataset.
     */
    void checkPath(HttpResponse<String> r, HostileCorpus.Value<String> v) {
        boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        synchronized (STATUSES) {
            STATUSES.merge(r.statusCode() + " path" + (json ? "" : " (server page)"), 1, Integer::sum);
        }
        assertThat(r.statusCode()).as("path=%s: %s", v.name(), r.body()).isIn(400, 404);
        if (json) {
            assertThat(r.body()).startsWith("{\"status\":" + r.statusCode() + ",\"message\":\"dataset:");
        } else {
            assertThat(v.value()).as("only what Tomcat refuses gets its page").containsAnyOf("/", "\\", "\u0000");
        }
    }

    @org.junit.jupiter.api.Test
    void a_request_line_over_the_server_limit_is_a_400_not_a_500() throws Exception {
        String target = "/api/v1/kpi/collection?from=" + enc(HostileCorpus.HUNDRED_KB) + "&to=2025-02";
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            String auth = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
            try {
                out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may close while the long line is still being written; its answer is read below
            }
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }

    @AfterAll
    static void report() {
        org.slf4j.LoggerFactory.getLogger(KpiApiHostileTest.class).info("hostile API answers: {}", STATUSES);
    }
}

package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.interchange.ExportFormat;
import org.guanjia.interchange.ExportService;
import org.guanjia.interchange.ExportTarget;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every KPI dataset (workload aside) equals, cell by cell, a second implementation of KPI.md
 * written from its text alone, without the SQL of sql/: src/test/python/kpi_reference.py
 * (Python's standard library; money in cents, ratios and percentiles as exact fractions). Both
 * read the demo company (the demo-mode context, scale 0.05): the reference from its export, the
 * service from the database. Every scope and grain as of a day in the middle of a month (with a
 * period after it in the range), by month as of a day 17 months earlier, and the aging
 * snapshots; the complaints with their closed periods stored (ComplaintPeriods). The reference
 * is told the product's reading where KPI.md is silent: the butler of a day after D is the
 * butler on D (REF_BUTLER_CAP_AT_D, sql/README.md). It knows only the default service levels
 * (30 minutes, 48 hours), which the demo has for every category.
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class KpiReferenceTest extends KaribuTest {

    @Autowired
    ExportService export;
    @Autowired
    KpiService kpis;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext dsl;
    @Autowired
    ComplaintPeriodJob closer;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void every_dataset_equals_an_independent_implementation_of_kpi_md() throws Exception {
        assertThat(dsl.fetchCount(dsl.selectFrom("complaint_service_levels")
                .where("response_minutes <> 30 or resolution_hours <> 48")))
                .as("categories with other service levels than the reference's").isZero();
        TestUsers.signIn("admin", Role.ADMIN, null);
        Path files = dir.resolve("export");
        try (ExportTarget target = ExportTarget.of(files, ExportFormat.CSV)) {
            export.export(target, Optional.empty(), ExportService.ExportProgress.NONE);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate d1 = today.withDayOfMonth(15).minusMonths(1);
        LocalDate d2 = d1.minusMonths(17);
        String from = YearMonth.from(d1).minusMonths(23).toString();
        String to = YearMonth.from(d1).plusMonths(1).toString();
        Map<String, KpiQuery> queries = new LinkedHashMap<>();
        for (Dataset d : Dataset.values()) {
            if (d == Dataset.WORKLOAD) {
                continue; // KPI.md names its counts only loosely; SqlViewsTest has its cases
            }
            for (String by : d.scopes()) {
                for (String grain : List.of("month", "quarter", "year")) {
                    queries.put(d.code() + "_" + by + "_" + grain, KpiQuery.parse(d.code(), by,
                            grain, from, to, d1.toString(), null));
                }
                queries.put(d.code() + "_" + by + "_past", KpiQuery.parse(d.code(), by, "month",
                        from, to, d2.toString(), null));
            }
        }
        for (String by : Dataset.AGING.scopes()) {
            for (LocalDate day : List.of(d1, d2, today.withDayOfMonth(1).minusDays(1))) {
                queries.put("aging_" + by + "_" + day, KpiQuery.parse("aging", by, null, null,
                        null, day.toString(), null));
            }
        }
        Path batch = dir.resolve("queries.txt");
        List<String> lines = new ArrayList<>();
        queries.forEach((name, q) -> lines.add(name + " " + q.dataset().code() + " --by " + q.by()
                + (q.grain() == null ? "" : " --grain " + q.grain() + " --from " + q.from()
                        + " --to " + q.to())
                + " --as-of " + q.asOf()));
        Files.write(batch, lines);
        Path out = Files.createDirectories(dir.resolve("reference"));
        runReference(files, batch, out);

        // the complaints of the closed periods are read from the store as the server does (the
        // as-of days are before today: every period the store holds by d1 or d2 is read)
        assertThat(closer.fill(today).periods()).as("closed complaint periods stored")
                .isPositive();
        TestUsers.signIn("manager", Role.MANAGER, null);
        long cells = 0;
        List<String> differences = new ArrayList<>();
        for (var e : queries.entrySet()) {
            Map<String, Map<String, String>> product = rows(new StringReader(
                    KpiFormat.csv(kpis.dataset(e.getValue()))));
            Map<String, Map<String, String>> reference;
            try (Reader r = Files.newBufferedReader(out.resolve(e.getKey() + ".csv"),
                    StandardCharsets.UTF_8)) {
                reference = rows(r);
            }
            assertThat(product.keySet()).as(e.getKey() + ": the rows")
                    .containsExactlyInAnyOrderElementsOf(reference.keySet());
            for (var row : reference.entrySet()) {
                for (var cell : row.getValue().entrySet()) {
                    cells++;
                    String mine = product.get(row.getKey()).get(cell.getKey());
                    if (!cell.getValue().equals(mine) && differences.size() < 20) {
                        differences.add(e.getKey() + " " + row.getKey() + " " + cell.getKey()
                                + ": product " + mine + ", reference " + cell.getValue());
                    }
                }
            }
        }
        assertThat(differences).as("cells that differ of " + cells).isEmpty();
        assertThat(cells).isGreaterThan(20_000);
    }

    private static void runReference(Path files, Path batch, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", "src/test/python/kpi_reference.py",
                "--batch", batch.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("python.log").toFile());
        pb.environment().put("REF_EXPORT", files.toString());
        pb.environment().put("REF_BUTLER_CAP_AT_D", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (./run-tests.sh installs it)",
                    e);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly(); // not left running after the test
            throw new AssertionError("the reference did not finish in 10 minutes: " + readLog(out));
        }
        assertThat(p.exitValue()).as(() -> readLog(out)).isZero();
    }

    private static String readLog(Path out) {
        try {
            return Files.readString(out.resolve("python.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * The rows by their keys (scope, code, period, and category or, for a snapshot, the day),
     * each a map of its other columns; the reference's aging has the period before the figures.
     */
    private static Map<String, Map<String, String>> rows(Reader in) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            for (CSVRecord r : csv) {
                String key = r.get("scope") + " " + r.get("scope_code") + " " + r.get("period")
                        + (header.contains("category") ? " " + r.get("category") : "")
                        + (header.contains("as_of") && r.get("period").isEmpty()
                                ? " " + r.get("as_of") : "");
                Map<String, String> cells = new LinkedHashMap<>();
                for (String column : header) {
                    if (!List.of("scope", "scope_code", "period", "category").contains(column)) {
                        cells.put(column, r.get(column));
                    }
                }
                assertThat(rows.put(key, cells)).as("row " + key + " once").isNull();
            }
        }
        return rows;
    }
}

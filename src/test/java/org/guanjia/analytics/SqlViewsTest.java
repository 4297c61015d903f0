package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL tests of sql/tests: each folder {@code <family>/<case>} holds {@code given.sql} (rows
 * inserted after the shared {@code sql/tests/base.sql}; or {@code given-from.txt}, the name of
 * another case whose rows it reuses), {@code query.sql} (one select on a KPI macro, ordered) and
 * {@code expected.csv} (header and rows; an empty field is NULL). Every case
 * runs on a fresh copy of a DuckDB file migrated by Flyway with the views applied — no Spring.
 */
class SqlViewsTest {

    private static final Path TESTS = Path.of("sql", "tests");

    @TempDir
    static Path dir;

    private static Path template;

    /** A KPI macro's call in a case's query: name and arguments. */
    private static final Pattern KPI_CALL = Pattern.compile("from (kpi_\\w+)\\(([^)]*)\\)");

    /** Rows compared with a scopes parameter over all cases: that test must not pass empty. */
    private static int rows;

    /** Cases the scopes test ran for (all of them in a full run). */
    private static int scopedCases;

    @BeforeAll
    static void migrateTemplate() throws SQLException {
        template = dir.resolve("template.duckdb");
        String url = "jdbc:duckdb:" + template;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            KpiViews.apply(c);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.getFileName().toString().equals("query.sql"))
                    .map(p -> TESTS.relativize(p.getParent()).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void case_returns_the_expected_rows(String name) throws Exception {
        Path folder = TESTS.resolve(name);
        try (Connection c = given(name, "")) {
            List<List<String>> actual = query(c, Files.readString(folder.resolve("query.sql")));
            List<List<String>> expected = expected(folder.resolve("expected.csv"));
            assertThat(render(actual)).as(name).isEqualTo(render(expected));
        }
    }

    /**
     * The scopes parameter of a KPI macro (what the application passes: only the kinds a query
     * asks for are computed) gives exactly the rows of those kinds of the full result, for every
     * macro call of every case, each kind alone and two together.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void macro_computes_only_the_scopes_asked_for(String name) throws Exception {
        scopedCases++;
        List<String[]> calls = new ArrayList<>();
        Matcher m = KPI_CALL.matcher(Files.readString(TESTS.resolve(name).resolve("query.sql")));
        while (m.find()) {
            calls.add(new String[] {m.group(1), m.group(2)});
        }
        if (calls.isEmpty()) {
            return; // the agenda's cases
        }
        try (Connection c = given(name, "_scopes")) {
            for (String[] call : calls) {
                String macro = call[0];
                String args = call[1];
                for (String kinds : List.of("'estate'", "'cluster'", "'building'", "'butler'",
                        "'cluster', 'butler'")) {
                    String full = "select * from " + macro + "(" + args + ") where scope in ("
                            + kinds + ") order by all";
                    String scoped = "select * from " + macro + "(" + args + ", scopes := ["
                            + kinds + "]) order by all";
                    List<List<String>> expected = query(c, full);
                    assertThat(render(query(c, scoped))).as(name + " " + macro + " " + kinds)
                            .isEqualTo(render(expected));
                    rows += expected.size() - 1;
                }
            }
        }
    }

    @AfterAll
    static void scopedRowsWereCompared() throws IOException {
        if (scopedCases == cases().count()) {
            assertThat(rows).as("rows compared with a scopes parameter").isGreaterThan(500);
        }
    }

    /**
     * A fresh database for the case with base.sql and its given.sql (or that of the case its
     * given-from.txt names), summaries rebuilt.
     */
    private static Connection given(String name, String suffix) throws Exception {
        Path db = dir.resolve(name.replace('/', '_') + suffix + ".duckdb");
        Files.copy(template, db);
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        execute(c, Files.readString(TESTS.resolve("base.sql")));
        Path given = TESTS.resolve(name).resolve("given.sql");
        Path from = TESTS.resolve(name).resolve("given-from.txt");
        if (!Files.exists(given) && Files.exists(from)) {
            given = TESTS.resolve(Files.readString(from).strip()).resolve("given.sql");
            assertThat(given).as(from + " names a case with rows").exists();
        }
        if (Files.exists(given)) {
            execute(c, Files.readString(given));
        }
        // the summaries (V020-V025) and the records' buildings (V026), filled from the given rows
        // as the application does
        KpiSummaries.rebuild(c);
        return c;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql.split(";\\s*(\\n|$)")) {
                if (!s.replaceAll("(?m)--.*$", "").isBlank()) {
                    st.execute(s);
                }
            }
        }
    }

    private static List<List<String>> query(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql.strip().replaceAll(";$", ""))) {
            ResultSetMetaData m = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                header.add(m.getColumnLabel(i));
            }
            rows.add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    row.add(KpiFormat.cell(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> expected(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(in)) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /** One line per row, so a failure shows the whole table side by side. */
    private static String render(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            b.append(String.join(",", r)).append('\n');
        }
        return b.toString();
    }
}

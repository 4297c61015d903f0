package org.guanjia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad kpi parameter exits 2 naming the option, before any database is opened. */
class KpiCommandTest {

    @TempDir
    Path dir;

    @Test
    void each_bad_parameter_exits_2_naming_it_and_opens_no_database() {
        Path db = dir.resolve("never.duckdb");
        String[][] cases = {
            {"DATASET", "kpi", "nope", "--from", "2025-01", "--to", "2025-02"},
            {"--by", "kpi", "collection", "--by", "floor", "--from", "2025-01", "--to", "2025-02"},
            {"--grain", "kpi", "collection", "--grain", "week", "--from", "2025-01", "--to",
                "2025-02"},
            {"--from", "kpi", "collection", "--from", "2025/01", "--to", "2025-02"},
            {"--to", "kpi", "collection", "--from", "2025-01"},
            {"--as-of", "kpi", "aging", "--as-of", "yesterday"},
            {"--format", "kpi", "aging", "--format", "xml"},
        };
        for (String[] c : cases) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                    Map.of("guanjia.db-path", db.toString()));
            assertThat(code).as(c[0]).isEqualTo(Cli.USAGE);
            assertThat(err.toString()).as(c[0]).startsWith(c[0] + ":");
            assertThat(out.toString()).isEmpty();
        }
        assertThat(db).doesNotExist();
    }
}

package org.guanjia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path db, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("guanjia.db-path", db.toString()));
    }

    private Path files(String unitsArea) throws IOException {
        Path f = Files.createDirectories(dir.resolve("files-" + unitsArea.replace('.', '_')));
        Files.writeString(f.resolve("estates.csv"), "estate_code,name\nE1,Garden\n", StandardCharsets.UTF_8);
        Files.writeString(f.resolve("clusters.csv"), "cluster_code,estate_code,name\nC1,E1,North\n",
                StandardCharsets.UTF_8);
        Files.writeString(f.resolve("buildings.csv"), "building_code,cluster_code,name\nB1,C1,Block 1\n",
                StandardCharsets.UTF_8);
        Files.writeString(f.resolve("units.csv"), "unit_code,building_code,area_sqm\nU1,B1," + unitsArea + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void import_prints_counts_dry_run_writes_nothing_and_problems_exit_1() throws IOException {
        Path db = dir.resolve("import.duckdb");
        Path good = files("80.00");

        assertThat(run(db, "import", good.toString(), "--dry-run")).as(err::toString).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("units.csv", "Checked 4 rows from 4 files", "dry run, nothing written")
                .doesNotContain("INFO");
        assertThat(out.toString().lines().filter(l -> l.startsWith("units.csv")).findFirst().orElseThrow()
                .split("\\s+")).containsExactly("units.csv", "1", "1", "0", "0");

        // the dry run wrote nothing: the real import still finds everything new
        assertThat(run(db, "import", good.toString())).as(err::toString).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("Imported 4 rows from 4 files");
        assertThat(out.toString().lines().filter(l -> l.startsWith("units.csv")).findFirst().orElseThrow()
                .split("\\s+")).containsExactly("units.csv", "1", "1", "0", "0");

        assertThat(run(db, "import", files("80.123").toString())).isEqualTo(Cli.DATA_ERRORS);
        assertThat(out.toString()).contains("units.csv:2: area_sqm: an amount has at most 2 decimals: 80.123",
                "Refused: 1 problems, nothing written.");
    }

    @Test
    void usage_errors_exit_2_without_opening_the_database() {
        Path db = dir.resolve("never.duckdb");
        assertThat(run(db, "import")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("PATH");
        assertThat(run(db, "import", dir.resolve("missing").toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("No such file or folder");
        assertThat(run(db, "import", dir.toString(), "--dryrun")).isEqualTo(Cli.USAGE);
        assertThat(db).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }
}

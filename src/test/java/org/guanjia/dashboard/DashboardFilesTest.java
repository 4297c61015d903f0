package org.guanjia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file in dashboards/ loads; each kind of bad reference is refused with file and line. */
class DashboardFilesTest {

    @Test
    void every_shipped_dashboard_file_loads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("dashboards"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("overview.yaml",
                "collection.yaml", "service.yaml", "vacancy.yaml", "workload.yaml");
        for (Path f : files) {
            Dashboard d = DashboardLoader.load(f.getFileName().toString(),
                    Files.readString(f, StandardCharsets.UTF_8));
            assertThat(d.title()).containsKeys("en", "zh_CN", "zh_TW");
            assertThat(d.panels()).isNotEmpty();
        }
    }

    @Test
    void the_catalog_loads_the_packaged_files_in_order() {
        DashboardCatalog catalog = new DashboardCatalog("classpath*:dashboards/*.yaml");
        assertThat(catalog.all()).extracting(Dashboard::id).startsWith("overview", "collection");
    }

    @Test
    void unknown_dataset_is_refused_with_file_and_line() {
        assertBad("unknown-dataset.yaml", 8, "unknown dataset 'colection'");
    }

    @Test
    void unknown_column_is_refused_with_file_and_line() {
        assertBad("unknown-column.yaml", 9, "unknown column 'collection_rat'");
    }

    @Test
    void unknown_filter_is_refused_with_file_and_line() {
        assertBad("unknown-filter.yaml", 11, "unknown filter 'building'");
    }

    @Test
    void unknown_drill_target_is_refused_with_file_and_line() {
        assertBad("unknown-drill.yaml", 11, "unknown drill target 'statement'");
    }

    @Test
    void unknown_scope_is_refused_with_file_and_line() {
        assertBad("unknown-scope.yaml", 11, "unknown scope 'floor'");
    }

    @Test
    void unknown_chart_type_is_refused_with_file_and_line() {
        assertBad("unknown-chart.yaml", 10, "unknown chart type 'radar'");
    }

    @Test
    void a_title_without_every_language_is_refused() {
        assertBad("missing-title.yaml", 1, "missing zh_TW");
    }

    @Test
    void the_start_up_check_names_the_file_and_line() {
        assertThatThrownBy(() -> new DashboardCatalog("classpath*:bad-dashboards/unknown-column.yaml"))
                .isInstanceOf(DashboardFileException.class)
                .hasMessageStartingWith("unknown-column.yaml:9: unknown column");
    }

    private static void assertBad(String file, int line, String problem) {
        assertThatThrownBy(() -> DashboardLoader.load(file, read(file)))
                .isInstanceOfSatisfying(DashboardFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageContaining(problem);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/bad-dashboards", file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

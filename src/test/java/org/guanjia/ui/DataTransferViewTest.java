package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.ESTATES;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.interchange.ExportFormat;
import org.guanjia.interchange.ExportService;
import org.guanjia.interchange.ExportTarget;
import org.guanjia.interchange.ImportProgress;
import org.guanjia.interchange.ImportService;
import org.guanjia.interchange.ImportSource;
import org.guanjia.interchange.FileCounts;
import org.guanjia.interchange.ImportProblem;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import page (issue 4, point 5): uploaded files are checked first (a dry run with counts
 * per file, or the problems and their CSV), and only a clean check lets the import run.
 */
class DataTransferViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    ImportService importService;
    @Autowired
    ExportService exportService;

    private final String p = "DT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(String id) {
        Grid<T> grid = _get(Grid.class, s -> s.withId(id));
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    /** Waits for the check or import thread, as the page's polling would. */
    private static void awaitJob() throws InterruptedException {
        for (int i = 0; i < 600 && UI.getCurrent().getPollInterval() > 0; i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip();
        }
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
    }

    private void upload(String name, String content) {
        UploadKt._upload(_get(Upload.class, s -> s.withId("import-upload")), name, "text/csv",
                utf8(content));
    }

    private Button button(String id) {
        return _get(Button.class, s -> s.withId(id));
    }

    @Test
    void a_check_with_a_dangling_reference_lists_the_problem_offers_its_csv_and_writes_nothing()
            throws Exception {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("admin/data");
        assertThat(button("import-check").isEnabled()).isFalse();
        upload("estates.csv", "estate_code,name\n" + p + "E,Estate " + p + "\n");
        upload("clusters.csv", "cluster_code,estate_code,name\n" + p + "C," + p + "X,Cluster\n");
        assertThat(button("import-run").isEnabled()).isFalse();

        _click(button("import-check"));
        awaitJob();

        assertThat(_get(Paragraph.class, s -> s.withId("import-summary")).getText())
                .isEqualTo("1 problem found: nothing was written. Correct the files and check again.");
        List<ImportProblem> problems = rows("import-problems");
        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.file()).isEqualTo("clusters.csv");
            assertThat(pr.row()).isEqualTo(2);
            assertThat(pr.column()).isEqualTo("estate_code");
        });
        assertThat(_find(Anchor.class, s -> s.withId("import-problems-csv"))).hasSize(1);
        assertThat(button("import-run").isEnabled()).isFalse();
        assertThat(dsl.fetchCount(ESTATES, ESTATES.ESTATE_CODE.eq(p + "E"))).isZero();
    }

    @Test
    void a_clean_check_shows_the_counts_and_the_import_writes_them_and_is_audited()
            throws Exception {
        login("admin1", Role.ADMIN, null);
        UI.getCurrent().navigate("admin/data");
        upload("estates.csv", "estate_code,name,city\n" + p + "E,Estate " + p + ",Shenzhen\n");
        upload("clusters.csv", "name,cluster_code,estate_code\nA," + p + "C1," + p
                + "E\nB," + p + "C2," + p + "E\n");

        _click(button("import-check"));
        awaitJob();
        assertThat(this.<FileCounts>rows("import-counts")).extracting(FileCounts::file, FileCounts::created)
                .contains(org.assertj.core.groups.Tuple.tuple("estates.csv", 1L),
                        org.assertj.core.groups.Tuple.tuple("clusters.csv", 2L));
        assertThat(dsl.fetchCount(ESTATES, ESTATES.ESTATE_CODE.eq(p + "E"))).isZero();
        assertThat(button("import-run").isEnabled()).isTrue();

        _click(button("import-run"));
        awaitJob();
        assertThat(_get(Paragraph.class, s -> s.withId("import-summary")).getText())
                .startsWith("3 rows imported in");
        assertThat(dsl.fetchCount(CLUSTERS, CLUSTERS.ESTATE_CODE.eq(p + "E"))).isEqualTo(2);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("import")
                .and(AUDIT_LOG.USERNAME.eq("admin1")))).isPositive();
        // the spent uploads are cleared: a new import starts from new files
        assertThat(button("import-check").isEnabled()).isFalse();
    }

    @Test
    void a_butler_has_no_import_page_and_the_services_refuse_a_butler_too() throws Exception {
        login("butler1", Role.BUTLER, "NOBODY");
        // the view's access annotations refuse it: Karibu shows its access-denied error view,
        // or fails the navigation with it, depending on what the UI showed before
        try {
            UI.getCurrent().navigate("admin/data");
        } catch (AssertionError e) {
            assertThat(e).hasMessageContaining("Access is denied by annotations on the view");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(c -> c.getClass().getSimpleName().equals("DataTransferView"));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("estates", ".csv");
        java.nio.file.Files.writeString(file, "estate_code,name\n" + p + "E,X\n");
        try (ImportSource source = ImportSource.of(file)) {
            assertThatThrownBy(() -> importService.run(source, true, ImportProgress.NONE))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThatThrownBy(() -> exportService.export(ExportTarget.zip(
                java.io.OutputStream.nullOutputStream(), ExportFormat.CSV), java.util.Optional.empty(),
                ExportService.ExportProgress.NONE)).isInstanceOf(AccessDeniedException.class);
    }
}

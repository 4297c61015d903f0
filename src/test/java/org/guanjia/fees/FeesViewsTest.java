package org.guanjia.fees;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.STATEMENTS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.guanjia.user.UserService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The fee views without a browser: schedules, the run preview, a butler's review, the release. */
@Import(TestClock.Config.class)
class FeesViewsTest extends KaribuTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    UserService users;
    @Autowired
    FeeScheduleService schedules;
    @Autowired
    StatementRunService runs;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext dsl;

    String p;

    @BeforeEach
    void estate_with_a_property_fee_in_the_run_window() {
        p = "V" + UUID.randomUUID().toString().substring(0, 6) + "-";
        clock.set(LocalDate.of(2025, 3, 28));
        MasterDataFixtures.create(p, estates, staff);
        FeesFixtures.butlerAccount(p, users);
        FeesFixtures.propertyFee(p, schedules, "2.50", LocalDate.of(2024, 1, 1));
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private static <T> List<T> rows(Grid<T> grid) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    private String generatedRun() {
        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);
        String runNo = runs.generate(YearMonth.of(2025, 4), p + "E", false).runNo();
        TestUsers.signOut();
        return runNo;
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_preview_shows_the_totals_per_cluster_and_generate_opens_the_run() {
        login("desk1", Role.SERVICE_DESK, null);
        UI.getCurrent().navigate("statement-runs");
        _click(_get(Button.class, s -> s.withId("new-run-button")));
        assertThat(_get(ComboBox.class, s -> s.withId("period-field")).getValue())
                .isEqualTo(YearMonth.of(2025, 4));
        _setValue(_get(ComboBox.class, s -> s.withId("estate-field")), p + "E");
        _click(_get(Button.class, s -> s.withId("preview-button")));

        List<RunTotal> totals = rows(grid("totals-grid"));
        assertThat(totals).containsExactly(
                new RunTotal(p + "C1", "property_fee", 2, new BigDecimal("442.50")),
                new RunTotal(p + "C2", "property_fee", 2, new BigDecimal("442.50")));
        assertThat(_get(Span.class, s -> s.withId("preview-summary")).getText())
                .isEqualTo("4 statements for 4 units, total 885.00 (0 already billed, left out)");
        assertThat(GridKt._size(grid("preview-grid"))).isEqualTo(4);

        _click(_get(Button.class, s -> s.withId("generate-button")));

        assertThat(_get(Span.class, s -> s.withId("run-summary")).getText())
                .contains("2025-04", p + "E", "4 lines, total 885.00");
        assertThat(_get(Button.class, s -> s.withId("release-button")).isEnabled()).isFalse();
    }

    @Test
    void a_butler_sees_only_the_lines_of_their_clusters_and_marks_them_reviewed() {
        String runNo = generatedRun();
        login(p + "butler", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("statement-runs/" + runNo);

        assertThat(_find(Div.class, s -> s.withId("cluster-" + p + "C1"))).hasSize(1);
        assertThat(_find(Div.class, s -> s.withId("cluster-" + p + "C2"))).isEmpty();
        List<RunLine> lines = rows(grid("run-lines-grid"));
        assertThat(lines).hasSize(2).extracting(RunLine::clusterCode).containsOnly(p + "C1");
        assertThat(_find(FlexLayout.class, s -> s.withId("release-panel"))).isEmpty();

        _click(_get(Button.class, s -> s.withId("review-" + p + "C1")));

        assertThat(_get(Span.class, s -> s.withId("review-state-" + p + "C1")).getText())
                .startsWith("Reviewed by " + p + "butler");
        assertThat(_find(Button.class, s -> s.withId("review-" + p + "C2"))).isEmpty();
    }

    @Test
    void the_release_runs_with_a_progress_bar_and_issues_the_statements() throws Exception {
        String runNo = generatedRun();
        TestUsers.signIn(p + "super", Role.SUPERVISOR, null);
        runs.review(runNo, p + "C1", null);
        runs.review(runNo, p + "C2", null);
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("statement-runs/" + runNo);
        assertThat(_get(Span.class, s -> s.withId("release-state")).getText())
                .isEqualTo("Every cluster is reviewed: the statements can be released.");

        _click(_get(Button.class, s -> s.withId("release-button")));
        _click(_get(Button.class, s -> s.withId("release-confirm-button")));
        assertThat(_get(com.vaadin.flow.component.progressbar.ProgressBar.class,
                s -> s.withId("release-progress")).isVisible()).isTrue();
        for (int i = 0; i < 300 && UI.getCurrent().getPollInterval() > 0; i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip();
        }

        assertThat(dsl.fetchCount(STATEMENTS, STATEMENTS.RUN_NO.eq(runNo))).isEqualTo(4);
        assertThat(_get(Span.class, s -> s.withId("run-summary")).getText())
                .contains("4 statements issued, total 885.00");
        assertThat(_find(FlexLayout.class, s -> s.withId("release-panel"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void finance_changes_a_rate_from_a_date_in_the_schedules_view() {
        login("finance1", Role.FINANCE, null);
        UI.getCurrent().navigate("");
        assertThat(_get(SideNav.class, s -> s.withId("side-nav")).getItems()).extracting(SideNavItem::getPath)
                .contains("fee-schedules", "statement-runs");
        UI.getCurrent().navigate("fee-schedules");
        _setValue(_get(ComboBox.class, s -> s.withId("estate-filter")), p + "E");
        Grid<FeeSchedule> grid = grid("fee-schedules-grid");
        assertThat(rows(grid)).extracting(FeeSchedule::code).containsExactly(p + "PF");

        GridKt._clickItem(grid, 0);
        _click(_get(Button.class, s -> s.withId("change-rate-button")));
        _setValue(_get(DatePicker.class, s -> s.withId("change-from-field")), LocalDate.of(2025, 5, 1));
        _setValue(_get(BigDecimalField.class, s -> s.withId("change-rate-field")), new BigDecimal("2.80"));
        _click(_get(Button.class, s -> s.withId("change-save-button")));

        Grid<FeeSchedule> after = grid("fee-schedules-grid");
        assertThat(rows(after)).extracting(FeeSchedule::code, FeeSchedule::validTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p + "PF", LocalDate.of(2025, 4, 30)),
                        org.assertj.core.groups.Tuple.tuple(p + "PF-20250501", null));
    }

    @Test
    void a_butler_has_no_schedules_in_the_menu() {
        login(p + "butler", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("");
        assertThat(_get(SideNav.class, s -> s.withId("side-nav")).getItems()).extracting(SideNavItem::getPath)
                .contains("statement-runs").doesNotContain("fee-schedules");
    }
}

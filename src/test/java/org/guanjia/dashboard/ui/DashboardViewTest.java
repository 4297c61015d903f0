package org.guanjia.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.analytics.KpiFormat;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.pdf.PdfText;
import org.guanjia.billing.CorrectionStatement;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.PaymentService;
import org.guanjia.complaint.Classification;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.complaint.Resolution;
import org.guanjia.complaint.SignOff;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardExports;
import org.guanjia.dashboard.DashboardService;
import org.guanjia.dashboard.Filters;
import org.guanjia.dashboard.PanelData;
import org.guanjia.dashboard.RecordFilter;
import org.guanjia.dashboard.RecordsService;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The collection dashboard on a hand-made estate: building C1-B1 pays every month, C2-B1 pays
 * half of March and nothing after. Filters re-query, a click opens the right records, exports
 * carry the same figures as KpiService, and a butler sees only their cluster.
 */
@Import(TestClock.Config.class)
// a context of its own: its estate must not show up in tests that count every cluster
@TestPropertySource(properties = "guanjia.test-context=dashboards")
class DashboardViewTest extends KaribuTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    LedgerService ledgers;
    @Autowired
    PaymentService payments;
    @Autowired
    KpiService kpi;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DashboardExports exports;
    @Autowired
    RecordsService records;
    @Autowired
    ComplaintService complaints;

    String p;

    @BeforeEach
    void givenAnEstateWithStatements() {
        p = "D" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 1, 1));
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("finance0", Role.FINANCE, null);
        for (int m = 3; m <= 5; m++) {
            YearMonth month = YearMonth.of(2025, m);
            for (String unit : units()) {
                clock.set(month.atDay(1));
                String no = ledgers.issueStatement(new CorrectionStatement(unit, month.toString(),
                        "property_fee", new BigDecimal("100.00"), month.atEndOfMonth(), null))
                        .statementNo();
                boolean pays = unit.contains("C1-") || (m == 3 && unit.endsWith("0101"));
                if (pays) {
                    clock.set(month.atDay(10));
                    payments.record(new NewPayment(unit, month.atDay(10), new BigDecimal("100.00"),
                            "transfer", no, null));
                }
            }
        }
        // a complaint of April, answered in time, resolved and scored 4 by its owner, and one of
        // May answered late: the overview's complaint, category and satisfaction panels have
        // figures to compare, not only empty ones
        TestUsers.signIn("admin0", Role.ADMIN, null);
        clock.set(LocalDate.of(2025, 5, 20));
        String april = complaints.intake(new NewComplaint(p + "C1-B1-0101",
                LocalDateTime.of(2025, 4, 7, 9, 0), "phone", "noise", "Loud music")).no();
        complaints.respond(april,
                new FirstResponse(LocalDateTime.of(2025, 4, 7, 9, 20), "phone", null));
        complaints.classify(april,
                new Classification(true, "Security", null, "Talk to the neighbour"));
        complaints.resolve(april,
                new Resolution(LocalDateTime.of(2025, 4, 8, 10, 0), "Settled", null));
        complaints.signOff(april,
                new SignOff(true, LocalDateTime.of(2025, 4, 9, 10, 0), 4, null, null));
        String may = complaints.intake(new NewComplaint(p + "C2-B1-0102",
                LocalDateTime.of(2025, 5, 12, 14, 0), "visit", "parking", "Garage blocked")).no();
        complaints.respond(may,
                new FirstResponse(LocalDateTime.of(2025, 5, 12, 15, 10), "on_site", null));
        TestUsers.signOut();
        clock.set(TODAY);
    }

    /** The filters of the URL ?grain=…&from=…&to=…&estate={p}E on the dashboard. */
    private Filters estateFilters(Dashboard d, String grain, String from, String to) {
        return Filters.fromParams(d, Map.of("grain", List.of(grain), "from", List.of(from), "to", List.of(to),
                "estate", List.of(p + "E")), TODAY);
    }

    private List<String> units() {
        List<String> u = new ArrayList<>();
        for (String c : new String[] {"C1", "C2"}) {
            for (String room : new String[] {"0101", "0102"}) {
                u.add(p + c + "-B1-" + room);
            }
        }
        return u;
    }

    private DashboardView open(String query) {
        UI.getCurrent().navigate("dashboards/collection",
                com.vaadin.flow.router.QueryParameters.fromString(query));
        awaitFigures();
        return _get(DashboardView.class);
    }

    /**
     * The figures are computed in the background (DashboardView.refresh) and shown by a UI
     * access task (pushed to a browser: DashboardBrowserIT waits for them, and times out without
     * AppShell's @Push), which Karibu runs at a client round trip: round trips until the view
     * stops computing.
     */
    static void awaitFigures() {
        for (int i = 0; i < 1200 && computing(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            MockVaadin.clientRoundtrip();
        }
        assertThat(computing()).as("still computing the figures").isFalse();
    }

    /** Whether the dashboard shown is computing its figures (read without a round trip). */
    private static boolean computing() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                .filter(DashboardView.class::isInstance).map(DashboardView.class::cast)
                .anyMatch(DashboardView::isComputing);
    }

    private PanelCard card(DashboardView view, String id) {
        return view.cards().stream().filter(c -> c.panel().id().equals(id)).findFirst()
                .orElseThrow();
    }

    private String range() {
        return "grain=month&from=2025-03&to=2025-05&estate=" + p + "E";
    }

    @Test
    void a_filter_change_re_queries_the_panels_and_keeps_the_filters_in_the_url() {
        login("manager1", Role.MANAGER, null);
        DashboardView view = open(range());
        assertThat(card(view, "rate-by-building").data().scopes())
                .containsExactly(p + "C1-B1", p + "C2-B1");
        // May: 2 of 4 statements paid
        assertThat(_get(Span.class, s -> s.withId("tile-value-billed")).getText())
                .isEqualTo("400.00");
        assertThat(card(view, "rate-trend").data().value("collection_rate", "2025-05", null))
                .isEqualByComparingTo("0.5");

        view.apply("building", p + "C2-B1");
        awaitFigures();

        DashboardView after = _get(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getParameters().get("building")).containsExactly(p + "C2-B1");
        assertThat(after.filters().building()).isEqualTo(p + "C2-B1");
        assertThat(card(after, "rate-by-building").data().scopes()).containsExactly(p + "C2-B1");
        assertThat(card(after, "rate-trend").data().value("collection_rate", "2025-03", null))
                .isEqualByComparingTo("0.5");
        assertThat(card(after, "rate-trend").data().value("collection_rate", "2025-05", null))
                .isEqualByComparingTo("0");
        assertThat(_get(Span.class, s -> s.withId("tile-value-billed")).getText())
                .isEqualTo("200.00");
        assertThat(_get(com.vaadin.flow.component.html.Div.class,
                s -> s.withId("active-filters")).getElement().getTextRecursively())
                .contains(p + "C2-B1").contains("2025-03");
    }

    @Test
    void the_page_comes_at_once_with_a_progress_bar_and_a_placeholder_in_every_panel_until_the_figures_arrive() {
        login("manager1", Role.MANAGER, null);
        UI.getCurrent().navigate("dashboards/collection",
                com.vaadin.flow.router.QueryParameters.fromString(range()));
        // the figures arrive by a UI access task, which runs only at the next round trip; Karibu's
        // lookups (_get, _find) make one first, so the page as it comes is read without them
        // (with them the figures could be there already: the check raced the computation)
        DashboardView view = (DashboardView) UI.getCurrent().getInternals()
                .getActiveRouterTargetsChain().get(0);
        assertThat(view.isComputing()).isTrue();
        for (PanelCard c : view.cards()) {
            assertThat(c.data()).as(c.panel().id()).isNull();
            assertThat(descendants(c).filter(x -> x.getId().orElse("").equals("loading-"
                    + c.panel().id())).filter(com.vaadin.flow.component.Component::isVisible)
                    .map(x -> x.getElement().getTextRecursively()))
                    .as(c.panel().id()).containsExactly("Computing…");
        }
        // one moving bar for the dashboard, none in the cards (ten kept a browser core busy)
        assertThat(descendants(view).filter(com.vaadin.flow.component.progressbar.ProgressBar.class::isInstance)
                .map(com.vaadin.flow.component.progressbar.ProgressBar.class::cast)
                .filter(com.vaadin.flow.component.Component::isVisible))
                .singleElement().matches(b -> b.isIndeterminate()
                        && "dash-progress".equals(b.getId().orElse(null)));

        awaitFigures();

        assertThat(view.cards()).allSatisfy(c -> assertThat(c.data()).as(c.panel().id()).isNotNull());
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withClasses("dash-loading")))
                .isEmpty();
        // (Karibu finds visible components only)
        assertThat(_find(com.vaadin.flow.component.progressbar.ProgressBar.class)).isEmpty();
        assertThat(_get(Span.class, s -> s.withId("tile-value-billed")).getText()).isEqualTo("400.00");
        // short values keep the large type (only a value of more than 10 characters is smaller)
        assertThat(_get(Span.class, s -> s.withId("tile-value-billed"))
                .hasClassName("dash-tile-value-long")).isFalse();
    }

    @Test
    void a_click_on_a_building_bar_opens_its_outstanding_statements_of_that_period() {
        login("manager1", Role.MANAGER, null);
        DashboardView view = open(range());
        card(view, "rate-by-building").clicked("period=2025-05&building=" + p + "C2-B1");
        _click(_get(Button.class, s -> s.withId("click-records")));

        RecordsView records = _get(RecordsView.class);
        RecordFilter f = records.filter();
        assertThat(f.kind()).isEqualTo(Dashboard.DrillTarget.STATEMENTS);
        assertThat(f.building()).isEqualTo(p + "C2-B1");
        assertThat(f.from()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(f.to()).isEqualTo(YearMonth.of(2025, 5));
        Grid<List<Object>> grid = records.grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            List<Object> row = GridKt._get(grid, i);
            assertThat((String) row.get(1)).startsWith(p + "C2-B1-");
            assertThat(row.get(3)).isEqualTo("2025-05");
            assertThat((BigDecimal) row.get(7)).isEqualByComparingTo("100");
        }
    }

    @Test
    void the_other_choice_of_a_building_click_filters_the_whole_dashboard() {
        login("manager1", Role.MANAGER, null);
        DashboardView view = open(range());
        card(view, "rate-by-building").clicked("period=2025-05&building=" + p + "C1-B1");
        _click(_get(Button.class, s -> s.withId("click-filter")));
        awaitFigures();
        DashboardView after = _get(DashboardView.class);
        assertThat(after.filters().building()).isEqualTo(p + "C1-B1");
        assertThat(card(after, "rate-trend").data().value("collection_rate", "2025-05", null))
                .isEqualByComparingTo("1");
    }

    @Test
    void a_panels_csv_export_holds_the_filter_values_and_exactly_the_kpi_service_rows() {
        login("manager1", Role.MANAGER, null);
        Dashboard d = dashboards.open("collection");
        Filters f = estateFilters(d, "month", "2025-03", "2025-05");
        String csv = new String(exports.csv(d, d.panel("rate-trend"), f, Locale.ENGLISH),
                StandardCharsets.UTF_8);
        String expected = KpiFormat.csv(kpi.dataset(KpiQuery.parse("collection", "estate",
                "month", "2025-03", "2025-05", null, p + "E")));
        assertThat(csv).contains("Estate," + p + "E").contains("2025-03 – 2025-05 (month)");
        assertThat(csv.substring(csv.indexOf("\n\n") + 2)).isEqualTo(expected);
        assertThat(expected).contains("0.5000");
        assertThat(exports.xlsx(d, d.panel("rate-trend"), f, Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void the_page_computes_a_chart_by_scope_for_the_last_period_only_with_the_full_querys_figures() {
        login("manager1", Role.MANAGER, null);
        Dashboard d = dashboards.open("collection");
        Filters f = estateFilters(d, "month", "2025-03", "2025-05");
        Dashboard.Panel byBuilding = d.panel("rate-by-building");
        assertThat(byBuilding.dimension()).isEqualTo(Dashboard.Dimension.SCOPE);
        PanelData page = dashboards.panels(d, f).stream().filter(x -> x.panel() == byBuilding)
                .findFirst().orElseThrow();
        // the export's panel: every period of the range
        PanelData full = dashboards.panel(d, byBuilding, f);
        assertThat(full.periods()).containsExactly("2025-03", "2025-04", "2025-05");
        assertThat(page.periods()).containsExactly("2025-05");
        assertThat(page.scopes()).containsExactly(p + "C1-B1", p + "C2-B1").isEqualTo(full.scopes());
        for (String scope : page.scopes()) {
            assertThat(page.value("collection_rate", "2025-05", scope)).as(scope)
                    .isEqualByComparingTo(full.value("collection_rate", "2025-05", scope));
        }
        assertThat(page.value("collection_rate", "2025-05", p + "C1-B1")).isEqualByComparingTo("1");
        assertThat(page.value("collection_rate", "2025-05", p + "C2-B1")).isEqualByComparingTo("0");
    }

    @Test
    void every_overview_panel_on_the_page_has_the_export_querys_figures_for_the_periods_it_shows() {
        login("manager1", Role.MANAGER, null);
        Dashboard d = dashboards.open("overview");
        Filters f = estateFilters(d, "month", "2025-03", "2025-05");
        for (PanelData page : dashboards.panels(d, f)) {
            Dashboard.Panel panel = page.panel();
            PanelData full = dashboards.panel(d, panel, f);
            boolean tile = panel.chart() == Dashboard.Chart.TILE;
            List<String> shown = tile ? List.of(full.previousPeriod(), full.lastPeriod())
                    : panel.dimension() == Dashboard.Dimension.SCOPE ? List.of(full.lastPeriod())
                    : full.periods();
            assertThat(page.periods()).as(panel.id()).containsAll(shown);
            assertThat(page.lastPeriod()).as(panel.id()).isEqualTo(full.lastPeriod());
            if (tile) {
                assertThat(page.previousPeriod()).as(panel.id()).isEqualTo(full.previousPeriod());
            }
            assertThat(page.scopes()).as(panel.id()).isEqualTo(full.scopes());
            if (panel.dimension() == Dashboard.Dimension.CATEGORY) {
                assertThat(page.categoryTotals()).as(panel.id()).isEqualTo(full.categoryTotals());
            }
            for (String measure : panel.measures()) {
                for (String period : shown) {
                    for (String scope : full.scopes()) {
                        assertThat(page.value(measure, period, scope))
                                .as(panel.id() + " " + measure + " " + period + " " + scope)
                                .isEqualTo(full.value(measure, period, scope));
                    }
                }
            }
        }
        // a tile alone with its dataset is computed for its two periods only (at 500,000 units
        // the overview's complaints: two months instead of thirteen); with a trend of the same
        // dataset and scope kind, it reads the trend's rows
        assertThat(pageOf(d, f, "complaints").periods()).containsExactly("2025-04", "2025-05");
        assertThat(pageOf(d, f, "collection-rate").periods())
                .containsExactly("2025-03", "2025-04", "2025-05");
        assertThat(pageOf(d, f, "collection-rate").value("collection_rate", "2025-05", p + "E"))
                .isEqualByComparingTo("0.5");
        assertThat(pageOf(d, f, "collection-rate").value("collection_rate", "2025-03", p + "E"))
                .isEqualByComparingTo("0.75");
        // the setup's two complaints: the tiles and charts above compared these, not zeros
        assertThat(pageOf(d, f, "complaints").value("complaints", "2025-05", p + "E"))
                .isEqualByComparingTo("1");
        assertThat(pageOf(d, f, "satisfied").value("satisfied_rate", "2025-04", p + "E"))
                .isEqualByComparingTo("1");
        assertThat(pageOf(d, f, "satisfaction-trend")
                .value("satisfaction_score", "2025-04", p + "E")).isEqualByComparingTo("4");
        assertThat(pageOf(d, f, "complaint-categories").categoryTotals()).isNotEmpty();
    }

    /** The component and everything inside it, without a Karibu lookup (no round trip). */
    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                c.getChildren().flatMap(DashboardViewTest::descendants));
    }

    private PanelData pageOf(Dashboard d, Filters f, String panel) {
        return dashboards.panels(d, f).stream().filter(x -> x.panel().id().equals(panel))
                .findFirst().orElseThrow();
    }

    @Test
    void the_dashboard_pdf_has_the_titles_the_filter_values_and_the_figures() {
        login("manager1", Role.MANAGER, null);
        Dashboard d = dashboards.open("collection");
        Filters f = estateFilters(d, "quarter", "2025-04", "2025-06");
        String text = PdfText.of(exports.pdf(d, f, Locale.ENGLISH, Map.of()));
        assertThat(text).contains("Collection", "Collection rate by building", p + "E",
                "2025-04 – 2025-06 (quarter)", "2025-Q2");
        // Q2: 4 of 8 statements paid (April, May of C1) → 50.0%; arrears are 500.00
        assertThat(text).contains("50.0%", "500.00");
    }

    @Test
    void a_tile_of_a_rate_per_estate_shows_five_estates_and_counts_the_others() {
        for (int i = 0; i < 6; i++) {
            MasterDataFixtures.create(p + "X" + i + "-", estates, staff);
        }
        login("manager1", Role.MANAGER, null);
        Dashboard d = dashboards.open("overview");
        Filters f = Filters.fromParams(d, Map.of("grain", List.of("month"), "from",
                List.of("2025-03"), "to", List.of("2025-05")), TODAY);
        int estatesShown = dashboards.panel(d, d.panel("satisfied"), f).scopes().size();
        assertThat(estatesShown).isGreaterThanOrEqualTo(7);
        UI.getCurrent().navigate("dashboards/overview",
                com.vaadin.flow.router.QueryParameters.fromString(
                        "grain=month&from=2025-03&to=2025-05"));
        awaitFigures();
        com.vaadin.flow.component.html.Div tile = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("tile-satisfied"));
        // five estate lines, the "more" line and the period
        assertThat(tile.getChildren().count()).isEqualTo(PanelCard.TILE_LINES + 2);
        assertThat(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("tile-more-satisfied")).getElement().getTextRecursively())
                .contains(String.valueOf(estatesShown - PanelCard.TILE_LINES));
    }

    @Test
    void a_butler_sees_only_their_cluster_and_a_service_desk_user_is_refused() {
        login("butler1", Role.BUTLER, p + "S1");
        Dashboard d = dashboards.open("collection");
        Filters f = Filters.fromParams(d, Map.of("from", List.of("2025-03"), "to",
                List.of("2025-05")), TODAY);
        assertThat(dashboards.panel(d, d.panel("rate-by-building"), f).scopes())
                .allMatch(s -> s.startsWith(p + "C1-"));
        assertThat(dashboards.panel(d, d.panel("rate-trend"), f).by()).isEqualTo("cluster");
        RecordFilter other = new RecordFilter(Dashboard.DrillTarget.STATEMENTS,
                YearMonth.of(2025, 3), YearMonth.of(2025, 5), null, null, p + "C2-B1", null, null,
                null);
        assertThat(records.count(other)).isZero();
        login("desk1", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> dashboards.open("collection"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> records.count(other)).isInstanceOf(AccessDeniedException.class);
    }

}

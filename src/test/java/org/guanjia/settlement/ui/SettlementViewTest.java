package org.guanjia.settlement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.settlement.BudgetLine;
import org.guanjia.settlement.CostEntry;
import org.guanjia.settlement.SettlementLine;
import org.guanjia.settlement.SettlementService;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The settlement view with a small estate: budget, costs, compute with progress, lines, letters. */
@Import(TestClock.Config.class)
class SettlementViewTest extends KaribuTest {

    static final LocalDate DELIVERED = LocalDate.of(2023, 6, 1);

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    SettlementService service;
    @Autowired
    TestClock clock;

    String p;

    @BeforeEach
    void given_an_estate_with_a_budget() {
        clock.set(LocalDate.of(2025, 2, 10));
        p = "V" + UUID.randomUUID().toString().substring(0, 6) + "-";
        TestUsers.signIn("admin1", Role.ADMIN, null);
        estates.saveEstate(new Estate("0" + p + "E", "0 Garden " + p, null, null, null), true);
        for (String c : new String[] {"C1", "C2"}) {
            estates.saveCluster(new Cluster(p + c, "0" + p + "E", "Cluster " + c), true);
            estates.saveBuilding(new Building(p + c + "-B", p + c, "Building", 10), true);
            for (String room : new String[] {"1", "2"}) {
                estates.saveUnit(new Unit(p + c + "-" + room, p + c + "-B", 1, room, new BigDecimal("80.00"),
                        "residential", DELIVERED), true, new UnitStatus(null, DELIVERED,
                        room.equals("2") && c.equals("C2") ? "vacant" : "occupied", null));
            }
        }
        staff.saveStaff(new Staff(p + "S1", "Butler", "butler", null, "13800000001", null, true), true);
        staff.saveAssignment(new Assignment(p + "S1", p + "C1", DELIVERED, null), true);
        TestUsers.signIn("finance1", Role.FINANCE, null);
        service.saveBudgetLine(new BudgetLine("0" + p + "E", 2024, "cleaning", "area", new BigDecimal("3840.00"), null));
        TestUsers.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<SettlementLine> lines() {
        return _get(Grid.class, s -> s.withId("lines-grid"));
    }

    private List<SettlementLine> rows(Grid<SettlementLine> g) {
        List<SettlementLine> list = new ArrayList<>();
        for (int i = 0; i < GridKt._size(g); i++) {
            list.add(GridKt._get(g, i));
        }
        return list;
    }

    /** Opens the view on this test's estate (others from earlier tests share the database). */
    @SuppressWarnings("unchecked")
    private void open() {
        UI.getCurrent().navigate("settlement");
        Select<Estate> estate = _get(Select.class, s -> s.withId("settle-estate"));
        _setValue(estate, estate.getListDataView().getItems().filter(e -> e.code().equals("0" + p + "E"))
                .findFirst().orElseThrow());
    }

    private void tab(int index) {
        _get(TabSheet.class).setSelectedIndex(index);
    }

    private void computeAndWait() {
        _click(_get(Button.class, s -> s.withId("compute-button")));
        SettlementView view = _get(SettlementView.class);
        view.settlement.running.join();
        MockVaadin.clientRoundtrip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void finance_books_a_cost_computes_with_progress_and_gets_lines_with_letters() {
        login("finance1", Role.FINANCE, null);
        open();
        tab(1);
        assertThat(_get(Span.class, s -> s.withId("settle-rate")).getText()).contains("1.0000");

        _click(_get(Button.class, s -> s.withId("add-cost-button")));
        _setValue(_get(Select.class, s -> s.withId("category-field")), "cleaning");
        _setValue(_get(DatePicker.class, s -> s.withId("bookedOn-field")), LocalDate.of(2024, 12, 31));
        _setValue(_get(BigDecimalField.class, s -> s.withId("amount-field")), new BigDecimal("4000.00"));
        _setValue(_get(TextField.class, s -> s.withId("reference-field")), "INV-77");
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("costs-grid")))).isEqualTo(1);
        tab(0);

        computeAndWait();

        List<SettlementLine> lines = rows(lines());
        assertThat(lines).hasSize(4).extracting(SettlementLine::shareAmount)
                .allMatch(x -> x.compareTo(new BigDecimal("1000.00")) == 0);
        assertThat(_get(Span.class, s -> s.withId("settlement-status")).getElement().getTextRecursively())
                .contains("Draft");
        assertThat(_get(Span.class, s -> s.withId("settlement-summary")).getText()).contains("CN¥4,000.00");
        for (int i = 0; i < 4; i++) {
            Anchor letter = (Anchor) GridKt._getCellComponent(lines(), i, "letter");
            assertThat(letter.getHref()).as("letter of row " + i).isNotBlank();
            assertThat(letter.getElement().hasAttribute("download")).isTrue();
        }
        assertThat(_get(Anchor.class, s -> s.withId("all-letters-link")).isVisible()).isTrue();
        // _find sees only visible components: the progress bar is gone
        assertThat(_find(com.vaadin.flow.component.progressbar.ProgressBar.class, s -> s.withId("settle-progress")))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void editing_a_budget_line_changes_the_budget_and_its_key() {
        login("finance1", Role.FINANCE, null);
        open();
        tab(1);
        Grid<BudgetLine> budget = _get(Grid.class, s -> s.withId("budget-grid"));
        int waste = -1;
        for (int i = 0; i < GridKt._size(budget); i++) {
            if (GridKt._get(budget, i).category().equals("waste")) {
                waste = i;
            }
        }

        GridKt._clickItem(budget, waste);
        _setValue(_get(Select.class, s -> s.withId("allocationKey-field")), "head_count");
        _setValue(_get(BigDecimalField.class, s -> s.withId("budgetAmount-field")), new BigDecimal("960.00"));
        _click(_get(Button.class, s -> s.withId("save-button")));

        TestUsers.signIn("finance1", Role.FINANCE, null);
        assertThat(service.budget("0" + p + "E", 2024).lines()).filteredOn(l -> l.category().equals("waste"))
                .extracting(BudgetLine::allocationKey, BudgetLine::budgetAmount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("head_count", new BigDecimal("960.00")));
        // 4,800.00 / 320 m2 / 12
        assertThat(_get(Span.class, s -> s.withId("settle-rate")).getText()).contains("1.2500");
    }

    @Test
    void a_butler_sees_only_the_lines_of_their_cluster_and_cannot_compute() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
        service.addCost(new CostEntry(null, "0" + p + "E", 2024, "cleaning", LocalDate.of(2024, 12, 31),
                new BigDecimal("4000.00"), null, null));
        service.compute("0" + p + "E", 2024, x -> { });
        login("butler1", Role.BUTLER, p + "S1");

        open();

        assertThat(rows(lines())).extracting(SettlementLine::unitCode).containsExactly(p + "C1-1", p + "C1-2");
        // _find sees only visible components
        assertThat(_find(Button.class, s -> s.withId("compute-button"))).isEmpty();
        assertThat(_get(TabSheet.class).getTabCount()).isEqualTo(2);
        tab(1);
        assertThat(_find(Button.class, s -> s.withId("add-cost-button"))).isEmpty();
        assertThat(_find(Grid.class, s -> s.withId("budget-grid"))).hasSize(1);
        assertThat(_find(Grid.class, s -> s.withId("persons-grid"))).isEmpty();
    }

    @Test
    void the_service_desk_may_not_open_the_view() {
        login("desk1", Role.SERVICE_DESK, null);

        try {
            UI.getCurrent().navigate("settlement");
        } catch (RuntimeException | AssertionError denied) {
            // Karibu's access-denied view fails the navigation; either way the view must not open
            assertThat(denied).hasMessageContaining("AccessDenied");
        }

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(c -> c instanceof SettlementView);
        assertThatThrownBy(() -> service.estates()).isInstanceOf(org.guanjia.base.AccessDeniedException.class);
    }
}

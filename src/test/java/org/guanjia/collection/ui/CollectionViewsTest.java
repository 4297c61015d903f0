package org.guanjia.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.collection.CollectionAction;
import org.guanjia.collection.CollectionFixtures;
import org.guanjia.collection.CollectionService;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The collection calendar and a unit's collection log, without a browser. */
@Import(TestClock.Config.class)
class CollectionViewsTest extends KaribuTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    CollectionService service;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    CollectionFixtures f;

    @BeforeEach
    void given_a_quarter() {
        f = new CollectionFixtures("CV" + UUID.randomUUID().toString().substring(0, 6) + "-", estates,
                staff, dsl, allocations);
        f.quarterTwo();
        clock.set(LocalDate.of(2025, 5, 16));
    }

    @SuppressWarnings("unchecked")
    private Grid<CollectionCalendarView.Row> dueGrid() {
        return _get(Grid.class, s -> s.withId("due-grid"));
    }

    private List<String> dueUnits() {
        Grid<CollectionCalendarView.Row> g = dueGrid();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < GridKt._size(g); i++) {
            units.add(GridKt._get(g, i).unit().unitCode());
        }
        return units;
    }

    private String summary() {
        return _get(Span.class, s -> s.withId("calendar-summary")).getText();
    }

    @Test
    void a_butler_sees_today_their_calls_and_logs_one_with_a_tap() {
        login("b1", Role.BUTLER, f.s1);
        UI.getCurrent().navigate("collection");

        assertThat(dueUnits()).containsExactly(f.u12);
        assertThat(summary()).contains("Calls to unpaid units", "0 of 1");
        assertThat(_find(Grid.class, s -> s.withId("butlers-grid"))).isEmpty();

        _click((Button) GridKt._getCellComponent(dueGrid(), 0, "action"));
        _setValue(_get(Select.class, s -> s.withId("reason-field")), "financial");
        _setValue(_get(DatePicker.class, s -> s.withId("promised-field")), LocalDate.of(2025, 5, 25));
        _click(_get(Button.class, s -> s.withId("save-button")));

        // the list shows what is left to do: nothing
        assertThat(dueUnits()).isEmpty();
        assertThat(summary()).contains("1 of 1");
        assertThat(service.actions(f.u12)).singleElement().satisfies(a -> {
            assertThat(a.staffCode()).isEqualTo(f.s1);
            assertThat(a.reason()).isEqualTo("financial");
            assertThat(a.promisedOn()).isEqualTo(LocalDate.of(2025, 5, 25));
        });
        _setValue(_get(Select.class, s -> s.withId("done-filter")), "done");
        assertThat(dueUnits()).containsExactly(f.u12);
    }

    @Test
    void a_supervisor_sees_every_butlers_list_and_can_pick_one() {
        login("sup", Role.SUPERVISOR, null);
        UI.getCurrent().navigate("collection");

        assertThat(dueUnits()).contains(f.u12, f.u21, f.u31, f.u32);
        @SuppressWarnings("unchecked")
        ComboBox<org.guanjia.collection.ButlerDuties> butler = _get(ComboBox.class, s -> s.withId("butler-filter"));
        org.guanjia.collection.ButlerDuties three = butler.getListDataView().getItems()
                .filter(b -> f.s3.equals(b.staffCode())).findFirst().orElseThrow();
        _setValue(butler, three);

        assertThat(dueUnits()).containsExactly(f.u31, f.u32);
        assertThat(summary()).contains("0 of 2");
    }

    @Test
    void another_day_shows_its_own_steps_or_the_next_one() {
        login("sup", Role.SUPERVISOR, null);
        UI.getCurrent().navigate("collection");

        _setValue(_get(DatePicker.class, s -> s.withId("calendar-date")), LocalDate.of(2025, 5, 26));

        assertThat(summary()).contains("No collection step is open on 2025-05-26", "2025-06-15");
        assertThat(_find(Grid.class, s -> s.withId("due-grid"))).isEmpty();

        _setValue(_get(DatePicker.class, s -> s.withId("calendar-date")), LocalDate.of(2025, 5, 23));
        assertThat(summary()).contains("Reason-finding");
        assertThat(dueUnits()).contains(f.u12, f.u21, f.u31, f.u32);
    }

    @Test
    void the_unit_log_adds_a_service_issue_and_shows_the_flag() {
        login("b1", Role.BUTLER, f.s1);
        UI.getCurrent().navigate("collection/unit/" + f.u12);

        assertThat(_get(Span.class, s -> s.withId("collection-unit-title")).getText()).isEqualTo(f.u12);
        assertThat(_get(Span.class, s -> s.withId("collection-figures")).getText()).contains("200.00");
        _click(_get(Button.class, s -> s.withId("add-action-button")));
        _setValue(_get(Select.class, s -> s.withId("method-field")), "visit");
        _setValue(_get(Select.class, s -> s.withId("reason-field")), "service_issue");
        assertThat(_get(ComboBox.class, s -> s.withId("department-field")).isVisible()).isTrue();
        _setValue(_get(ComboBox.class, s -> s.withId("department-field")), f.dept);
        _setValue(_get(TextArea.class, s -> s.withId("note-field")), "Lift out of order for a week");
        _click(_get(Button.class, s -> s.withId("save-button")));

        @SuppressWarnings("unchecked")
        Grid<CollectionAction> actions = _get(Grid.class, s -> s.withId("actions-grid"));
        assertThat(GridKt._size(actions)).isEqualTo(1);
        assertThat(GridKt._get(actions, 0).followUpNo()).isNotNull();
        assertThat(_get(com.vaadin.flow.component.orderedlayout.FlexLayout.class,
                s -> s.withId("collection-badges")).getElement().getTextRecursively())
                .contains("Service issue open");
    }

    @Test
    void a_butler_of_another_cluster_sees_nothing_of_the_unit() {
        login("b3", Role.BUTLER, f.s3);
        UI.getCurrent().navigate("collection/unit/" + f.u12);

        assertThat(_get(Span.class, s -> s.withId("collection-unit-title")).getText()).contains("not in your area");
        assertThat(_find(Button.class, s -> s.withId("add-action-button"))).isEmpty();
    }

    @Test
    void in_week_4_a_letter_is_sent_from_the_unit_page_and_listed_for_download() {
        clock.set(LocalDate.of(2025, 6, 23));
        login("b3", Role.BUTLER, f.s3);
        UI.getCurrent().navigate("collection/unit/" + f.u32);

        _click(_get(Button.class, s -> s.withId("letter-button")));
        assertThat(_get(Span.class, s -> s.withId("letter-totals")).getText())
                .isEqualTo("Outstanding 200.00 + late fee 2.31 = 202.31");
        _click(_get(Button.class, s -> s.withId("send-letter-button")));

        assertThat(_find(Anchor.class)).filteredOn(a -> a.getId().orElse("").startsWith("letter-LL-"))
                .hasSize(1);
        @SuppressWarnings("unchecked")
        Grid<org.guanjia.collection.LawyerLetter> letters = _get(Grid.class, s -> s.withId("letters-grid"));
        assertThat(GridKt._size(letters)).isEqualTo(1);
        assertThat(GridKt._get(letters, 0).lateFee()).isEqualByComparingTo("2.31");
    }
}

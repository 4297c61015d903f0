package org.guanjia.followup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.collection.CollectionAction;
import org.guanjia.collection.CollectionFixtures;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.NewCollectionAction;
import org.guanjia.estate.EstateService;
import org.guanjia.followup.FollowUp;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The follow-up list and its resolve dialog, without a browser. */
@Import(TestClock.Config.class)
class FollowUpsViewTest extends KaribuTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    CollectionService collection;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    CollectionFixtures f;
    CollectionAction issue;

    @BeforeEach
    void given_a_service_issue_found_by_a_call() {
        f = new CollectionFixtures("FV" + UUID.randomUUID().toString().substring(0, 6) + "-", estates,
                staff, dsl, allocations);
        clock.set(LocalDate.of(2025, 5, 16));
        TestUsers.signIn("b1", Role.BUTLER, f.s1);
        issue = collection.log(new NewCollectionAction(f.u12, null, "phone", "service_issue", null,
                "Corridor light broken", null, f.dept));
        TestUsers.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<FollowUp> grid() {
        return _get(Grid.class, s -> s.withId("follow-ups-grid"));
    }

    @Test
    void the_open_follow_up_is_listed_and_resolving_it_clears_the_flag() {
        login("sup", Role.SUPERVISOR, null);
        UI.getCurrent().navigate("follow-ups");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), f.u12);

        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._get(grid(), 0).no()).isEqualTo(issue.followUpNo());
        assertThat(collection.flaggedUnits(f.units())).containsExactly(f.u12);

        GridKt._clickItem(grid(), 0);
        _setValue(_get(TextArea.class, s -> s.withId("resolution-field")), "Bulb replaced");
        _setValue(_get(TextArea.class, s -> s.withId("reply-field")), "Owner informed by phone");
        _click(_get(Button.class, s -> s.withId("resolve-button")));

        assertThat(GridKt._size(grid())).isZero();
        assertThat(collection.flaggedUnits(f.units())).isEmpty();
    }

    @Test
    void a_resolution_is_asked_for_on_its_field() {
        login("sup", Role.SUPERVISOR, null);
        UI.getCurrent().navigate("follow-ups");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), f.u12);
        GridKt._clickItem(grid(), 0);

        _click(_get(Button.class, s -> s.withId("resolve-button")));

        assertThat(_get(TextArea.class, s -> s.withId("resolution-field")).isInvalid()).isTrue();
        assertThat(collection.flaggedUnits(f.units())).containsExactly(f.u12);
    }

    @Test
    void a_butler_of_another_cluster_does_not_see_it_and_finance_cannot_resolve() {
        login("b3", Role.BUTLER, f.s3);
        UI.getCurrent().navigate("follow-ups");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), f.u12);
        assertThat(GridKt._size(grid())).isZero();

        login("fin", Role.FINANCE, null);
        UI.getCurrent().navigate("follow-ups");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), f.u12);
        GridKt._clickItem(grid(), 0);
        assertThat(_find(Button.class, s -> s.withId("resolve-button"))).isEmpty();
        assertThat(_find(TextArea.class, s -> s.withId("resolution-field"))).isEmpty();
    }
}

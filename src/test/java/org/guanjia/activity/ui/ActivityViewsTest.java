package org.guanjia.activity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.ACTIVITIES;
import static org.guanjia.db.Tables.ACTIVITY_SIGNUPS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.activity.Activity;
import org.guanjia.activity.ActivityPlan;
import org.guanjia.activity.ActivityService;
import org.guanjia.activity.NewSignup;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The activity plan, sign-up and attendance forms: save and validation on the field, without a browser. */
@Import(TestClock.Config.class)
class ActivityViewsTest extends KaribuTest {

    static final LocalDate TODAY = LocalDate.of(2025, 5, 6);
    static final LocalDateTime STARTS = LocalDateTime.of(2025, 5, 17, 9, 30);

    @Autowired
    ActivityService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;

    @BeforeEach
    void given_an_estate_with_a_butler() {
        p = "AV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        clock.set(TODAY);
        login("b1", Role.BUTLER, p + "S1");
    }

    private Activity planned(int capacity) {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        Activity a = service.create(new ActivityPlan(p + "E", "Film night " + p, STARTS, "Square", capacity));
        login("b1", Role.BUTLER, p + "S1");
        return a;
    }

    private String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void a_plan_without_title_is_refused_on_the_field_then_saved_and_opened() {
        UI.getCurrent().navigate("activities");
        _click(_get(Button.class, s -> s.withId("new-activity-button")));
        assertThat((String) _get(Select.class, s -> s.withId("plan-estate")).getValue()).isEqualTo(p + "E");
        _setValue(_get(DateTimePicker.class, s -> s.withId("plan-starts-at")), STARTS);
        _setValue(_get(IntegerField.class, s -> s.withId("plan-capacity")), 40);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(_get(TextField.class, s -> s.withId("plan-title")).isInvalid()).isTrue();
        assertThat(dsl.fetchCount(ACTIVITIES, ACTIVITIES.ESTATE_CODE.eq(p + "E"))).isZero();

        _setValue(_get(TextField.class, s -> s.withId("plan-title")), "Lantern riddles");
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchCount(ACTIVITIES, ACTIVITIES.ESTATE_CODE.eq(p + "E"))).isEqualTo(1);
        assertThat(path()).startsWith("activities/AC-202505-");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, s -> s.withId("activity-title")).getText())
                .isEqualTo("Lantern riddles");
    }

    @Test
    void a_sign_up_beyond_capacity_is_refused_on_the_head_count_and_nothing_is_written() {
        Activity a = planned(3);
        UI.getCurrent().navigate("activities/" + a.no());
        _click(_get(Button.class, s -> s.withId("add-signup-button")));
        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, s -> s.withId("signup-unit")), p + "C1-B1-0101");
        _setValue(_get(IntegerField.class, s -> s.withId("signup-heads")), 4);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(_get(IntegerField.class, s -> s.withId("signup-heads")).isInvalid()).isTrue();
        assertThat(_get(IntegerField.class, s -> s.withId("signup-heads")).getErrorMessage()).contains("3");
        assertThat(dsl.fetchCount(ACTIVITY_SIGNUPS, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(a.no()))).isZero();

        _setValue(_get(IntegerField.class, s -> s.withId("signup-heads")), 3);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("signups-grid")))).isEqualTo(1);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("activity-totals")).getText())
                .contains("3 / 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void attendance_of_an_absent_unit_with_people_is_refused_on_the_count_then_saved() {
        Activity a = planned(30);
        service.signUp(a.no(), new NewSignup(p + "C1-B1-0101", 2));
        UI.getCurrent().navigate("activities/" + a.no());
        _click(_get(Button.class, s -> s.withId("announce-button")));
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(ACTIVITIES.STATUS, ACTIVITIES.ACTIVITY_NO.eq(a.no()))).isEqualTo("announced");
        clock.set(STARTS.plusHours(3));
        UI.getCurrent().navigate("activities");
        UI.getCurrent().navigate("activities/" + a.no());
        _click(_get(Button.class, s -> s.withId("held-button")));
        assertThat(dsl.fetchValue(ACTIVITIES.STATUS, ACTIVITIES.ACTIVITY_NO.eq(a.no()))).isEqualTo("held");

        GridKt._clickItem(_get(Grid.class, s -> s.withId("signups-grid")), 0);
        _setValue(_get(RadioButtonGroup.class, s -> s.withId("result-attended")), false);
        _setValue(_get(IntegerField.class, s -> s.withId("result-count")), 2);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(_get(IntegerField.class, s -> s.withId("result-count")).isInvalid()).isTrue();
        assertThat(dsl.fetchValue(ACTIVITY_SIGNUPS.ATTENDED, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(a.no()))).isNull();

        _setValue(_get(RadioButtonGroup.class, s -> s.withId("result-attended")), true);
        _setValue(_get(Select.class, s -> s.withId("result-score")), 5);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(ACTIVITY_SIGNUPS.FEEDBACK_SCORE, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(a.no()))).isEqualTo(5);
        assertThat(dsl.fetchValue(ACTIVITY_SIGNUPS.ATTENDED_COUNT, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(a.no()))).isEqualTo(2);
    }
}

package org.guanjia.vacancy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.VACANCY_INSPECTIONS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.UnitStatus;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.guanjia.vacancy.VacantUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The inspection form and the owner-informed form: save and validation on the field, without a browser. */
@Import(TestClock.Config.class)
class VacancyViewsTest extends KaribuTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String unit;

    @BeforeEach
    void given_a_vacant_unit_and_an_engineering_department() {
        p = "VV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        unit = p + "C1-B1-0101";
        if (dsl.fetchCount(DEPARTMENTS, DEPARTMENTS.KIND.eq("engineering")) == 0) {
            dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                    .values("D-ENG", "Engineering", "engineering").execute();
        }
        TestUsers.signIn("admin", Role.ADMIN, null);
        estates.saveStatus(new UnitStatus(unit, LocalDate.of(2025, 1, 1), "vacant", null));
        TestUsers.signOut();
        clock.set(TODAY);
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("vacancy");
    }

    @SuppressWarnings("unchecked")
    private void openForm() {
        Grid<VacantUnit> grid = _get(Grid.class, s -> s.withId("vacant-grid"));
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).unitCode().equals(unit)) {
                row = i;
            }
        }
        assertThat(row).as("the vacant unit is on the list").isNotNegative();
        GridKt._clickItem(grid, row);
    }

    private int inspections() {
        return dsl.fetchCount(VACANCY_INSPECTIONS, VACANCY_INSPECTIONS.UNIT_CODE.eq(unit));
    }

    @Test
    void an_unanswered_check_is_shown_on_its_toggle_then_a_failed_check_is_saved_with_its_follow_up() {
        assertThat(_get(Span.class, s -> s.withId("due-summary")).getText()).contains("2025-06").contains("21 days");
        openForm();
        _click(_get(Button.class, s -> s.withId("check-doors-yes")));
        _click(_get(Button.class, s -> s.withId("check-utilities-yes")));
        _click(_get(Button.class, s -> s.withId("check-leak-no")));
        _click(_get(Button.class, s -> s.withId("save-button")));

        assertThat(_get(YesNoField.class, s -> s.withId("check-cracks")).isInvalid()).isTrue();
        assertThat(_get(YesNoField.class, s -> s.withId("check-cracks")).getErrorMessage()).isEqualTo("Required");
        assertThat(inspections()).isZero();

        _click(_get(Button.class, s -> s.withId("check-cracks-yes")));
        _setValue(_get(TextArea.class, s -> s.withId("inspection-note")), "Water under the kitchen sink");
        _click(_get(Button.class, s -> s.withId("save-button")));

        assertThat(inspections()).isEqualTo(1);
        String followUp = dsl.fetchValue(VACANCY_INSPECTIONS.FOLLOW_UP_NO, VACANCY_INSPECTIONS.UNIT_CODE.eq(unit));
        assertThat(dsl.fetchValue(FOLLOW_UPS.SOURCE, FOLLOW_UPS.FOLLOW_UP_NO.eq(followUp))).isEqualTo("vacancy_inspection");
        assertThat(_get(Div.class, s -> s.withId("inspection-follow-up")).getElement().getTextRecursively())
                .contains(followUp);
        assertThat(_find(Button.class, s -> s.withId("inspect-" + unit))).isEmpty();
    }

    @Test
    void the_owner_informed_before_the_inspection_is_refused_on_the_date() {
        openForm();
        for (String c : new String[] {"doors", "utilities", "leak", "cracks"}) {
            _click(_get(Button.class, s -> s.withId("check-" + c + "-yes")));
        }
        _setValue(_get(DatePicker.class, s -> s.withId("inspection-date")), TODAY.minusDays(2));
        _setValue(_get(Select.class, s -> s.withId("inspection-informed-method")), "sms");
        _setValue(_get(DatePicker.class, s -> s.withId("inspection-informed-on")), TODAY.minusDays(3));
        _click(_get(Button.class, s -> s.withId("save-button")));

        assertThat(_get(DatePicker.class, s -> s.withId("inspection-informed-on")).isInvalid()).isTrue();
        assertThat(inspections()).isZero();

        _setValue(_get(DatePicker.class, s -> s.withId("inspection-informed-on")), TODAY.minusDays(1));
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(inspections()).isEqualTo(1);
        assertThat(_get(Span.class, s -> s.withId("inspection-owner-informed")).getText())
                .contains(TODAY.minusDays(1).toString()).contains("SMS");
    }

    @Test
    void the_owner_told_later_is_recorded_from_the_inspection_and_a_bad_day_stays_on_the_field() {
        openForm();
        for (String c : new String[] {"doors", "utilities", "leak", "cracks"}) {
            _click(_get(Button.class, s -> s.withId("check-" + c + "-yes")));
        }
        _click(_get(Button.class, s -> s.withId("save-button")));
        _click(_get(Button.class, s -> s.withId("inform-owner-button")));
        _setValue(_get(Select.class, s -> s.withId("informed-method")), "phone");
        _setValue(_get(DatePicker.class, s -> s.withId("informed-on")), TODAY.plusDays(1));
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(_get(DatePicker.class, s -> s.withId("informed-on")).isInvalid()).isTrue();
        assertThat(dsl.fetchValue(VACANCY_INSPECTIONS.OWNER_INFORMED_ON, VACANCY_INSPECTIONS.UNIT_CODE.eq(unit))).isNull();

        _setValue(_get(DatePicker.class, s -> s.withId("informed-on")), TODAY);
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(VACANCY_INSPECTIONS.OWNER_INFORMED_METHOD, VACANCY_INSPECTIONS.UNIT_CODE.eq(unit)))
                .isEqualTo("phone");
    }

    @Test
    void the_statistics_tab_shows_weeks_and_months() {
        _get(com.vaadin.flow.component.tabs.TabSheet.class, s -> s.withId("vacancy-tabs")).setSelectedIndex(2);
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("weekly-grid")))).isEqualTo(12);
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("monthly-grid")))).isGreaterThanOrEqualTo(12);
    }
}

package org.guanjia.briefing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.BRIEFING_ITEMS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The morning briefing form: save and validation on the field, without a browser. */
@Import(TestClock.Config.class)
class BriefingViewsTest extends KaribuTest {

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
    void given_an_estate_and_an_engineering_department() {
        p = "BV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values("D-GC-" + p, "Engineering " + p, "engineering").execute();
        clock.set(LocalDateTime.of(2025, 5, 6, 9, 45));
    }

    @Test
    void an_item_needing_action_without_department_is_refused_then_becomes_a_follow_up() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("briefings");
        _click(_get(Button.class, s -> s.withId("today-button")));
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("briefings/MB-");
        String no = path.substring("briefings/".length());

        _click(_get(Button.class, s -> s.withId("add-item-button")));
        assertThat(_get(Select.class, s -> s.withId("item-source")).isInvalid()).isTrue();
        assertThat(_get(TextArea.class, s -> s.withId("item-description")).isInvalid()).isTrue();

        _setValue(_get(Select.class, s -> s.withId("item-source")), "maintenance");
        _setValue(_get(TextArea.class, s -> s.withId("item-description")), "Lift 2 stuck at 23:00, freed");
        _setValue(_get(Checkbox.class, s -> s.withId("item-urgent")), true);
        // urgent means action: the department fields appear with the source's default department
        String chosen = (String) _get(Select.class, s -> s.withId("item-department")).getValue();
        assertThat(dsl.fetchValue(DEPARTMENTS.KIND, DEPARTMENTS.DEPARTMENT_CODE.eq(chosen))).isEqualTo("engineering");
        _setValue(_get(Select.class, s -> s.withId("item-department")), null);
        _click(_get(Button.class, s -> s.withId("add-item-button")));
        assertThat(_get(Select.class, s -> s.withId("item-department")).isInvalid()).isTrue();
        assertThat(dsl.fetchCount(BRIEFING_ITEMS, BRIEFING_ITEMS.BRIEFING_NO.eq(no))).isZero();

        _setValue(_get(Select.class, s -> s.withId("item-department")), "D-GC-" + p);
        _click(_get(Button.class, s -> s.withId("add-item-button")));
        assertThat(dsl.fetchCount(BRIEFING_ITEMS, BRIEFING_ITEMS.BRIEFING_NO.eq(no))).isEqualTo(1);
        assertThat(dsl.fetchCount(FOLLOW_UPS, FOLLOW_UPS.SOURCE.eq("briefing").and(FOLLOW_UPS.SOURCE_REF.eq(no))))
                .isEqualTo(1);
        assertThat(_get(Div.class, s -> s.withId("source-maintenance")).getElement().getTextRecursively())
                .contains("Lift 2 stuck");
    }
}

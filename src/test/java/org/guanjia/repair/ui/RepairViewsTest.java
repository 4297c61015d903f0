package org.guanjia.repair.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.RECTIFICATION_ITEMS;
import static org.guanjia.db.Tables.REPAIRS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.repair.Assignment;
import org.guanjia.repair.Completion;
import org.guanjia.repair.NewRepair;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairService;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The repair and rectification forms: save and validation on the field, without a browser. */
@Import(TestClock.Config.class)
class RepairViewsTest extends KaribuTest {

    static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 3, 9, 0);

    @Autowired
    RepairService repairs;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String u1;
    String dept;

    @BeforeEach
    void given_an_estate_an_engineer_and_a_department() {
        p = "RV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        TestUsers.signIn("admin", Role.ADMIN, null);
        staff.saveStaff(new Staff(p + "E1", "Engineer " + p, "engineer", null, null, null, true), true);
        TestUsers.signOut();
        dept = "D-EN-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Engineering " + p, "engineering").execute();
        clock.set(NOW);
    }

    private Dialog dialog(String id) {
        return _get(Dialog.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    @Test
    void reporting_a_repair_saves_it_and_a_missing_description_is_asked_for() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("repairs");
        _click(_get(Button.class, s -> s.withId("new-repair-button")));
        Dialog report = dialog("repair-report-dialog");
        _setValue(_get(report, ComboBox.class, s -> s.withId("repair-unit")), u1);
        _setValue(_get(report, Select.class, s -> s.withId("repair-category")), "plumbing");
        _click(_get(report, Button.class, s -> s.withId("save-button")));
        assertThat(_get(report, TextArea.class, s -> s.withId("repair-description")).isInvalid()).isTrue();
        assertThat(dsl.fetchCount(REPAIRS, REPAIRS.UNIT_CODE.eq(u1))).isZero();

        _setValue(_get(report, TextArea.class, s -> s.withId("repair-description")), "Tap drips");
        _click(_get(report, Button.class, s -> s.withId("save-button")));

        assertThat(dsl.fetchCount(REPAIRS, REPAIRS.UNIT_CODE.eq(u1).and(REPAIRS.CATEGORY.eq("plumbing")))).isEqualTo(1);
        assertThat(_get(dialog("repair-dialog"), Button.class, s -> s.withId("assign-button")).isVisible()).isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_score_of_six_is_shown_on_its_field_and_nothing_is_written() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        Repair r = repairs.report(new NewRepair(u1, null, null, "electrical", "Socket trips"));
        repairs.assign(r.no(), new Assignment(p + "E1", null, false));
        clock.set(NOW.plusHours(2));
        repairs.complete(r.no(), new Completion(null, null));
        clock.set(NOW.plusDays(1));
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("repairs");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), u1);
        GridKt._clickItem(_get(Grid.class, s -> s.withId("repairs-grid")), 0);
        _click(_get(dialog("repair-dialog"), Button.class, s -> s.withId("return-visit-button")));
        Dialog visit = dialog("return-visit-dialog");
        IntegerField quality = _get(visit, IntegerField.class, s -> s.withId("score-quality"));
        _setValue(_get(visit, IntegerField.class, s -> s.withId("score-attitude")), 5);
        _setValue(quality, 6);
        _click(_get(visit, Button.class, s -> s.withId("save-button")));

        assertThat(quality.isInvalid()).isTrue();
        assertThat(quality.getErrorMessage()).isEqualTo("Between 1 and 5");
        assertThat(dsl.fetchValue(REPAIRS.STATUS, REPAIRS.REPAIR_NO.eq(r.no()))).isEqualTo("completed");
        assertThat(dsl.fetchValue(REPAIRS.SCORE_ATTITUDE, REPAIRS.REPAIR_NO.eq(r.no()))).isNull();

        _setValue(quality, 4);
        _click(_get(visit, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(REPAIRS.STATUS, REPAIRS.REPAIR_NO.eq(r.no()))).isEqualTo("closed");
    }

    @SuppressWarnings("unchecked")
    @Test
    void raising_a_rectification_item_saves_it_and_a_note_moves_it_on() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("rectification");
        _click(_get(Button.class, s -> s.withId("new-item-button")));
        Dialog raise = dialog("item-raise-dialog");
        _setValue(_get(raise, ComboBox.class, s -> s.withId("item-unit")), u1);
        _setValue(_get(raise, Select.class, s -> s.withId("item-department")), dept);
        _click(_get(raise, Button.class, s -> s.withId("save-button")));
        assertThat(_get(raise, TextArea.class, s -> s.withId("item-description")).isInvalid()).isTrue();
        assertThat(dsl.fetchCount(RECTIFICATION_ITEMS, RECTIFICATION_ITEMS.UNIT_CODE.eq(u1))).isZero();

        _setValue(_get(raise, TextArea.class, s -> s.withId("item-description")), "Balcony railing loose");
        _click(_get(raise, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(RECTIFICATION_ITEMS.STATUS, RECTIFICATION_ITEMS.UNIT_CODE.eq(u1))).isEqualTo("open");

        Dialog item = dialog("rectification-dialog");
        _click(_get(item, Button.class, s -> s.withId("add-note-button")));
        assertThat(_get(item, TextArea.class, s -> s.withId("item-note")).isInvalid()).isTrue();
        _setValue(_get(item, TextArea.class, s -> s.withId("item-note")), "Engineer booked for Friday");
        _click(_get(item, Button.class, s -> s.withId("add-note-button")));
        assertThat(dsl.fetchValue(RECTIFICATION_ITEMS.STATUS, RECTIFICATION_ITEMS.UNIT_CODE.eq(u1)))
                .isEqualTo("in_progress");
    }
}

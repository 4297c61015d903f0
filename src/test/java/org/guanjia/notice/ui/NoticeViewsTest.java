package org.guanjia.notice.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FACILITY_CHECKS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.NOTICES;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.notice.Board;
import org.guanjia.notice.Facility;
import org.guanjia.notice.Notice;
import org.guanjia.notice.NoticeForm;
import org.guanjia.notice.NoticeService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The notice form, the one-tap take-down, the facility check form and the card link, without a browser. */
@Import(TestClock.Config.class)
class NoticeViewsTest extends KaribuTest {

    @Autowired
    NoticeService service;
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
    void given_a_board_and_a_facility() {
        p = "NV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        for (String kind : new String[] {"engineering", "cleaning"}) {
            if (dsl.fetchCount(DEPARTMENTS, DEPARTMENTS.KIND.eq(kind)) == 0) {
                dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                        .values("D-" + kind, kind, kind).execute();
            }
        }
        clock.set(LocalDate.of(2025, 6, 10));
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        service.saveBoard(new Board(p + "NB1", p + "C1", p + "C1-B1", "Lobby"), true);
        service.saveFacility(new Facility(p + "F1", p + "C1", "Fitness path", "fitness", true, null, null), true);
        TestUsers.signOut();
        login("b1", Role.BUTLER, p + "S1");
    }

    private void openNewNotice(String title, LocalDate expires) {
        UI.getCurrent().navigate("notices");
        _click(_get(Button.class, s -> s.withId("new-notice-button")));
        _get(TextField.class, s -> s.withId("title-field")).setValue(title);
        _get(MultiSelectComboBox.class, s -> s.withId("boards-field")).setValue(Set.of(p + "NB1"));
        _get(DatePicker.class, s -> s.withId("expires-field")).setValue(expires);
    }

    @Test
    void the_notice_form_posts_a_notice_today() {
        openNewNotice(p + "Water tank cleaning", LocalDate.of(2025, 6, 20));
        _click(_get(Button.class, s -> s.withId("save-button")));

        assertThat(dsl.fetchOne(NOTICES, NOTICES.TITLE.eq(p + "Water tank cleaning")).getPostedOn())
                .isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void an_expiry_before_posting_shows_on_the_field_and_writes_nothing() {
        openNewNotice(p + "Bad dates", LocalDate.of(2025, 6, 1));
        _click(_get(Button.class, s -> s.withId("save-button")));

        DatePicker expires = _get(DatePicker.class, s -> s.withId("expires-field"));
        assertThat(expires.isInvalid()).isTrue();
        assertThat(expires.getErrorMessage()).isEqualTo("The expiry date cannot be before the posting date");
        assertThat(dsl.fetchCount(NOTICES, NOTICES.TITLE.eq(p + "Bad dates"))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void one_tap_takes_an_expired_notice_down() {
        Notice n = service.saveNotice(new NoticeForm(null, p + "Old", null, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 9), Set.of(p + "NB1")), true);
        UI.getCurrent().navigate("notices");

        assertThat(_get(Checkbox.class, s -> s.withId("due-filter")).getValue()).isTrue();
        Grid<Notice> grid = _get(Grid.class, s -> s.withId("notices-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);

        _click((Button) GridKt._getCellComponent(grid, 0, "action"));

        assertThat(dsl.fetchOne(NOTICES, NOTICES.NOTICE_NO.eq(n.no())).getTakenDownOn())
                .isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(GridKt._size(grid)).isZero();
    }

    @SuppressWarnings("unchecked")
    private void answer(String id, boolean value) {
        ((RadioButtonGroup<Boolean>) _get(RadioButtonGroup.class, s -> s.withId(id))).setValue(value);
    }

    @SuppressWarnings("unchecked")
    private void openCheck() {
        UI.getCurrent().navigate("facilities");
        Grid<Facility> grid = _get(Grid.class, s -> s.withId("facilities-grid"));
        Component cell = GridKt._getCellComponent(grid, 0, "action");
        _click(_get(cell, Button.class, s -> s.withId("check-" + p + "F1")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_check_form_saves_and_a_damage_raises_a_follow_up() {
        openCheck();
        answer("clean-field", true);
        answer("undamaged-field", false);
        answer("safe-field", true);
        _get(TextArea.class, s -> s.withId("note-field")).setValue("Bench broken");
        _click(_get(Button.class, s -> s.withId("save-button")));

        String fu = dsl.select(FACILITY_CHECKS.FOLLOW_UP_NO).from(FACILITY_CHECKS)
                .where(FACILITY_CHECKS.FACILITY_CODE.eq(p + "F1")).fetchOne(FACILITY_CHECKS.FOLLOW_UP_NO);
        assertThat(fu).isNotNull();
        assertThat(dsl.fetchOne(FOLLOW_UPS, FOLLOW_UPS.FOLLOW_UP_NO.eq(fu)).getSource()).isEqualTo("facility_check");
    }

    @Test
    void a_problem_without_a_note_shows_on_the_note_field_and_writes_nothing() {
        openCheck();
        answer("clean-field", false);
        answer("undamaged-field", true);
        answer("safe-field", true);
        _click(_get(Button.class, s -> s.withId("save-button")));

        TextArea note = _get(TextArea.class, s -> s.withId("note-field"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isNotBlank();
        assertThat(dsl.fetchCount(FACILITY_CHECKS, FACILITY_CHECKS.FACILITY_CODE.eq(p + "F1"))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_boards_page_offers_the_card_of_each_building_of_the_butlers_clusters() {
        UI.getCurrent().navigate("notice-boards");

        Grid<java.util.Map.Entry<String, String>> cards = _get(Grid.class, s -> s.withId("cards-grid"));
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(cards); i++) {
            ids.add(GridKt._getCellComponent(cards, i, "card").getId().orElse(""));
        }
        assertThat(ids).contains("card-" + p + "C1-B1").doesNotContain("card-" + p + "C2-B1");
        Anchor a = (Anchor) GridKt._getCellComponent(cards, ids.indexOf("card-" + p + "C1-B1"), "card");
        assertThat(a.getElement().hasAttribute("download")).isTrue();
    }
}

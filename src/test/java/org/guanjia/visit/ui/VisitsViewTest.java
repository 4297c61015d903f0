package org.guanjia.visit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.VISITS;
import static org.guanjia.db.Tables.VISIT_PLANS;
import static org.guanjia.db.Tables.VISIT_REQUESTS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.guanjia.visit.NewVisit;
import org.guanjia.visit.VisitService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The visit forms: save, messages on the fields with nothing written, plans and a unit's history. */
@Import(TestClock.Config.class)
class VisitsViewTest extends KaribuTest {

    static final LocalDate TODAY = LocalDate.of(2025, 4, 10);

    @Autowired
    VisitService visits;
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
    void given_an_estate_a_butler_and_a_department() {
        p = "VV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        dept = "D-CS-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Customer service " + p, "customer_service").execute();
        clock.set(TODAY);
    }

    private Dialog dialog(String id) {
        return _get(Dialog.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private void fill(Dialog form) {
        _setValue(_get(form, ComboBox.class, s -> s.withId("visit-unit")), u1);
        _setValue(_get(form, Select.class, s -> s.withId("visit-kind")), "scheduled");
        _setValue(_get(form, TextArea.class, s -> s.withId("visit-topic")), "Parking in the courtyard");
        _setValue(_get(form, Select.class, s -> s.withId("visit-satisfaction")), 4);
        _click(_get(form, Button.class, s -> s.withId("add-request-row")));
        _setValue(_get(form, TextArea.class, s -> s.withId("request-0-text")), "Where to park visitors' cars?");
        _setValue(_get(form, TextArea.class, s -> s.withId("request-0-answer")), "Visitor spaces at gate 2");
        _click(_get(form, Button.class, s -> s.withId("add-request-row")));
        _setValue(_get(form, TextArea.class, s -> s.withId("request-1-text")), "Barrier at gate 2 is broken");
        _setValue(_get(form, RadioButtonGroup.class, s -> s.withId("request-1-mode")), true);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_future_date_and_a_missing_department_are_shown_on_their_fields_and_nothing_is_written() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("visits");
        _click(_get(Button.class, s -> s.withId("new-visit-button")));
        Dialog form = dialog("visit-form-dialog");
        fill(form);
        DatePicker date = _get(form, DatePicker.class, s -> s.withId("visit-date"));
        // the picker's max stops a browser user; the service is the check that holds
        date.setMax(null);
        _setValue(date, TODAY.plusDays(1));
        _click(_get(form, Button.class, s -> s.withId("save-button")));

        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).isEqualTo("A visit cannot lie in the future");
        Select<String> department = _get(form, Select.class, s -> s.withId("request-1-department"));
        assertThat(department.isInvalid()).isTrue();
        assertThat(department.getErrorMessage()).isEqualTo("Required");
        assertThat(dsl.fetchCount(VISITS, VISITS.UNIT_CODE.eq(u1))).isZero();
        assertThat(dsl.fetchCount(FOLLOW_UPS, FOLLOW_UPS.UNIT_CODE.eq(u1))).isZero();
        assertThat(form.isOpened()).isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void saving_a_visit_stores_its_requests_and_escalates_one_to_the_department() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("visits");
        _click(_get(Button.class, s -> s.withId("new-visit-button")));
        Dialog form = dialog("visit-form-dialog");
        fill(form);
        _setValue(_get(form, Select.class, s -> s.withId("request-1-department")), dept);
        _click(_get(form, Button.class, s -> s.withId("save-button")));

        var v = dsl.fetchSingle(VISITS, VISITS.UNIT_CODE.eq(u1));
        assertThat(v.getVisitedOn()).isEqualTo(TODAY);
        assertThat(v.getStaffCode()).isEqualTo(p + "S1");
        assertThat(v.getSatisfaction()).isEqualTo(4);
        assertThat(dsl.fetchCount(VISIT_REQUESTS, VISIT_REQUESTS.VISIT_NO.eq(v.getVisitNo()))).isEqualTo(2);
        assertThat(dsl.fetchValue(FOLLOW_UPS.DEPARTMENT_CODE, FOLLOW_UPS.SOURCE_REF.eq(v.getVisitNo())))
                .isEqualTo(dept);
        // the saved visit opens with its requests: one answered, one waiting for the department
        Dialog shown = dialog("visit-dialog");
        VerticalLayout requests = _get(shown, VerticalLayout.class, s -> s.withId("visit-requests"));
        assertThat(requests.getElement().getTextRecursively()).contains("Visitor spaces at gate 2")
                .contains("Customer service " + p);
        Grid<?> grid = _get(Grid.class, s -> s.withId("visits-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_supervisor_records_a_visit_for_a_butler() {
        login("sup", Role.SUPERVISOR, null);
        Staff butler = staff.staffMember(p + "S1").orElseThrow();
        UI.getCurrent().navigate("visits");
        _click(_get(Button.class, s -> s.withId("new-visit-button")));
        Dialog form = dialog("visit-form-dialog");
        _setValue(_get(form, ComboBox.class, s -> s.withId("visit-unit")), u1);
        _click(_get(form, Button.class, s -> s.withId("save-button")));
        // the supervisor has no staff code of their own: the butler must be named
        ComboBox<Staff> visitor = _get(form, ComboBox.class, s -> s.withId("visit-staff"));
        assertThat(visitor.isInvalid()).isTrue();
        assertThat(dsl.fetchCount(VISITS, VISITS.UNIT_CODE.eq(u1))).isZero();

        _setValue(visitor, butler);
        _click(_get(form, Button.class, s -> s.withId("save-button")));

        assertThat(dsl.fetchValue(VISITS.STAFF_CODE, VISITS.UNIT_CODE.eq(u1))).isEqualTo(p + "S1");
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_planned_visit_is_recorded_from_the_plans_tab() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("visits");
        _get(TabSheet.class, s -> s.withId("visit-tabs")).setSelectedIndex(1);
        _click(_get(Button.class, s -> s.withId("new-plan-button")));
        Dialog planForm = dialog("plan-dialog");
        _setValue(_get(planForm, ComboBox.class, s -> s.withId("plan-unit")), u1);
        DatePicker on = _get(planForm, DatePicker.class, s -> s.withId("plan-date"));
        _setValue(on, TODAY.minusDays(1));
        _click(_get(planForm, Button.class, s -> s.withId("save-button")));
        assertThat(on.isInvalid()).isTrue();
        assertThat(dsl.fetchCount(VISIT_PLANS, VISIT_PLANS.UNIT_CODE.eq(u1))).isZero();
        _setValue(on, TODAY);
        _setValue(_get(planForm, TextArea.class, s -> s.withId("plan-topic")), "Fee dispute");
        _click(_get(planForm, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(VISIT_PLANS.STATUS, VISIT_PLANS.UNIT_CODE.eq(u1))).isEqualTo("planned");

        GridKt._clickItem(_get(Grid.class, s -> s.withId("plans-grid")), 0);
        _click(_get(dialog("plan-dialog"), Button.class, s -> s.withId("record-plan-button")));
        Dialog form = dialog("visit-form-dialog");
        assertThat(_get(form, TextArea.class, s -> s.withId("visit-topic")).getValue()).isEqualTo("Fee dispute");
        _click(_get(form, Button.class, s -> s.withId("save-button")));

        assertThat(dsl.fetchValue(VISIT_PLANS.STATUS, VISIT_PLANS.UNIT_CODE.eq(u1))).isEqualTo("done");
        assertThat(dsl.fetchValue(VISITS.KIND, VISITS.UNIT_CODE.eq(u1))).isEqualTo("scheduled");
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_unit_history_lists_only_that_units_visits() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        visits.record(new NewVisit(u1, TODAY.minusDays(5), null, "chance", "A", 5, null, false, null, null, List.of()));
        visits.record(new NewVisit(u1, TODAY.minusDays(2), null, "return", "B", 3, null, false, null, null, List.of()));
        visits.record(new NewVisit(p + "C1-B1-0102", TODAY, null, "chance", "C", null, null, false, null, null,
                List.of()));
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("visits");
        Grid<?> grid = _get(Grid.class, s -> s.withId("visits-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(_get(SideNav.class, s -> s.withId("side-nav")).getItems()).extracting(SideNavItem::getPath)
                .contains("visits");
        assertThat(_get(Span.class, s -> s.withId("visits-summary")).getText()).startsWith("Visits: 3 · mean satisfaction 4.00");

        _setValue(_get(Select.class, s -> s.withId("kind-filter")), "return");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        GridKt._clickItem(grid, 0);
        _click(_get(dialog("visit-dialog"), Button.class, s -> s.withId("unit-history-button")));

        // every visit to the unit, whatever the other filters said
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(_get(Select.class, s -> s.withId("kind-filter")).getValue()).isNull();
        assertThat(_get(Div.class, s -> s.withId("unit-history")).isVisible()).isTrue();
        _click(_get(Button.class, s -> s.withId("clear-unit-history")));
        assertThat(GridKt._size(grid)).isEqualTo(3);
    }

    @Test
    void the_menu_offers_visits_to_butlers_and_not_to_finance() {
        login("fin", Role.FINANCE, null);
        UI.getCurrent().navigate("");
        assertThat(_get(SideNav.class, s -> s.withId("side-nav")).getItems()).extracting(SideNavItem::getPath)
                .doesNotContain("visits");
    }
}

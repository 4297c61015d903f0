package org.guanjia.complaint.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.guanjia.db.Tables.COMPLAINTS;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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
import org.guanjia.complaint.Classification;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.complaint.Resolution;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The complaint list, the intake form and the workflow step forms, without a browser. */
@Import(TestClock.Config.class)
class ComplaintsViewTest extends KaribuTest {

    static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 7, 14, 20, 5);

    @Autowired
    ComplaintService service;
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

    @BeforeEach
    void given_an_estate() {
        p = "CV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        clock.set(RECEIVED);
    }

    @SuppressWarnings("unchecked")
    private Grid<Complaint> grid() {
        return _get(Grid.class, s -> s.withId("complaints-grid"));
    }

    private Dialog dialog(String id) {
        return _get(Dialog.class, s -> s.withId(id));
    }

    private void openList() {
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("complaints");
        _setValue(_get(TextField.class, s -> s.withId("search-field")), u1);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_intake_form_saves_a_complaint_received_now_and_opens_it() {
        openList();
        _click(_get(Button.class, s -> s.withId("new-complaint-button")));
        Dialog intake = dialog("complaint-intake-dialog");
        _setValue(_get(intake, ComboBox.class, s -> s.withId("complaint-unit")), u1);
        _setValue(_get(intake, Select.class, s -> s.withId("complaint-category")), "noise");
        _setValue(_get(intake, TextArea.class, s -> s.withId("complaint-description")), "Drilling at night");
        _click(_get(intake, Button.class, s -> s.withId("save-button")));

        assertThat(dsl.fetch(COMPLAINTS, COMPLAINTS.UNIT_CODE.eq(u1)))
                .singleElement().satisfies(r -> {
                    assertThat(r.getReceivedAt()).isEqualTo(RECEIVED);
                    assertThat(r.getChannel()).isEqualTo("phone");
                    assertThat(r.getCategory()).isEqualTo("noise");
                });
        assertThat(GridKt._size(grid())).isEqualTo(1);
        Dialog detail = dialog("complaint-dialog");
        _click(_get(detail, Button.class, s -> s.withId("respond-button")));
        clock.set(RECEIVED.plusMinutes(15));
        Dialog respond = dialog("respond-dialog");
        _setValue(_get(respond, DateTimePicker.class, s -> s.withId("responded-at")), RECEIVED.plusMinutes(9));
        _click(_get(respond, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(COMPLAINTS.FIRST_RESPONSE_AT, COMPLAINTS.UNIT_CODE.eq(u1)))
                .isEqualTo(RECEIVED.plusMinutes(9));
        assertThat(dsl.fetchValue(COMPLAINTS.RESPONSE_METHOD, COMPLAINTS.UNIT_CODE.eq(u1))).isEqualTo("on_site");
        assertThat(_get(detail, Button.class, s -> s.withId("classify-button")).isVisible()).isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void intake_without_a_description_or_with_a_future_time_writes_nothing() {
        openList();
        _click(_get(Button.class, s -> s.withId("new-complaint-button")));
        Dialog intake = dialog("complaint-intake-dialog");
        _setValue(_get(intake, ComboBox.class, s -> s.withId("complaint-unit")), u1);
        _setValue(_get(intake, Select.class, s -> s.withId("complaint-category")), "noise");
        _click(_get(intake, Button.class, s -> s.withId("save-button")));
        assertThat(_get(intake, TextArea.class, s -> s.withId("complaint-description")).isInvalid()).isTrue();

        _setValue(_get(intake, TextArea.class, s -> s.withId("complaint-description")), "Drilling");
        DateTimePicker received = _get(intake, DateTimePicker.class, s -> s.withId("complaint-received-at"));
        _setValue(received, RECEIVED.plusHours(1));
        _click(_get(intake, Button.class, s -> s.withId("save-button")));

        assertThat(received.isInvalid()).isTrue();
        assertThat(received.getErrorMessage()).isEqualTo("This time is in the future");
        assertThat(dsl.fetchCount(COMPLAINTS, COMPLAINTS.UNIT_CODE.eq(u1))).isZero();
    }

    private Complaint inProgress() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        Complaint c = service.intake(new NewComplaint(u1, null, "phone", "noise", "Loud music"));
        clock.set(RECEIVED.plusMinutes(10));
        service.respond(c.no(), new FirstResponse(null, "phone", null));
        return service.classify(c.no(), new Classification(true, "Security", null, "Talk to them"));
    }

    @Test
    void a_resolve_time_before_receipt_is_shown_on_its_field_and_nothing_is_written() {
        Complaint c = inProgress();
        clock.set(RECEIVED.plusHours(2));
        openList();
        GridKt._clickItem(grid(), 0);
        _click(_get(dialog("complaint-dialog"), Button.class, s -> s.withId("resolve-button")));
        Dialog resolve = dialog("resolve-dialog");
        DateTimePicker at = _get(resolve, DateTimePicker.class, s -> s.withId("resolved-at"));
        _setValue(at, RECEIVED.minusHours(1));
        _setValue(_get(resolve, TextArea.class, s -> s.withId("complaint-reply")), "Done");
        _click(_get(resolve, Button.class, s -> s.withId("save-button")));

        assertThat(at.isInvalid()).isTrue();
        assertThat(at.getErrorMessage()).isEqualTo("Before the complaint was received");
        assertThat(dsl.fetchValue(COMPLAINTS.STATUS, COMPLAINTS.COMPLAINT_NO.eq(c.no()))).isEqualTo("in_progress");

        _setValue(at, RECEIVED.plusHours(1));
        _click(_get(resolve, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(COMPLAINTS.RESOLVED_AT, COMPLAINTS.COMPLAINT_NO.eq(c.no())))
                .isEqualTo(RECEIVED.plusHours(1));
        assertThat(_get(dialog("complaint-dialog"), Button.class, s -> s.withId("sign-off-button")).isVisible())
                .isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_satisfaction_of_six_is_shown_on_its_field_and_the_complaint_stays_open() {
        Complaint c = inProgress();
        clock.set(RECEIVED.plusHours(2));
        service.resolve(c.no(), new Resolution(null, "Done", null));
        clock.set(RECEIVED.plusDays(1));
        openList();
        GridKt._clickItem(grid(), 0);
        _click(_get(dialog("complaint-dialog"), Button.class, s -> s.withId("sign-off-button")));
        Dialog signOff = dialog("sign-off-dialog");
        IntegerField satisfaction = _get(signOff, IntegerField.class, s -> s.withId("complaint-satisfaction"));
        _setValue(satisfaction, 6);
        _click(_get(signOff, Button.class, s -> s.withId("save-button")));

        assertThat(satisfaction.isInvalid()).isTrue();
        assertThat(satisfaction.getErrorMessage()).isEqualTo("Between 1 and 5");
        assertThat(dsl.fetchValue(COMPLAINTS.STATUS, COMPLAINTS.COMPLAINT_NO.eq(c.no()))).isEqualTo("resolved");

        _setValue(satisfaction, 5);
        _setValue(_get(signOff, RadioButtonGroup.class, s -> s.withId("owner-signed")), true);
        _click(_get(signOff, Button.class, s -> s.withId("save-button")));
        assertThat(dsl.fetchValue(COMPLAINTS.STATUS, COMPLAINTS.COMPLAINT_NO.eq(c.no()))).isEqualTo("closed");
        assertThat(dsl.fetchValue(COMPLAINTS.SATISFACTION, COMPLAINTS.COMPLAINT_NO.eq(c.no()))).isEqualTo(5);
    }

    @Test
    void finance_cannot_open_the_complaints_view() {
        login("fin", Role.FINANCE, null);
        // Karibu reports Vaadin's access-denied error view either on navigating or on the next lookup
        Throwable denied = catchThrowable(() -> {
            UI.getCurrent().navigate("complaints");
            LocatorJ._assertNone(ComplaintsView.class);
        });
        assertThat(denied).hasMessageContaining("Access is denied");
    }
}

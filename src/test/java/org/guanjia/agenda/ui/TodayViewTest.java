package org.guanjia.agenda.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.agenda.Butler;
import org.guanjia.base.Role;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The Today page: a butler lands on it, sees the items grouped and counted, taps one. */
@Import(TestClock.Config.class)
class TodayViewTest extends KaribuTest {

    static final LocalDateTime NOW = LocalDateTime.of(2025, 7, 14, 20, 5);

    @Autowired
    ComplaintService complaints;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    TestClock clock;

    String p;
    Complaint complaint;

    @BeforeEach
    void given_a_complaint_not_answered_yet() {
        p = "TV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        clock.set(NOW);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        complaint = complaints.intake(new NewComplaint(p + "C1-B1-0101", null, "phone", "noise",
                "Loud music"));
        TestUsers.signOut();
    }

    private String text(Div tile) {
        return _find(tile, Span.class).get(0).getText();
    }

    @Test
    void a_butler_starts_on_today_and_one_tap_opens_the_complaint() {
        clock.set(NOW.plusMinutes(5));
        login("b1", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("");
        _get(TodayView.class);

        Details group = _get(Details.class, s -> s.withId("agenda-group-complaint_response"));
        assertThat(_find(group.getSummary(), Span.class)).extracting(Span::getText)
                .contains("Complaints awaiting first response", "1");
        assertThat(text(_get(Div.class, s -> s.withId("agenda-today")))).isEqualTo("3");
        List<Div> rows = _find(group, Div.class, s -> s.withClasses("agenda-item"));
        assertThat(rows).hasSize(1);
        Div row = rows.get(0);
        assertThat(_find(row, Span.class)).extracting(Span::getText).anySatisfy(t ->
                assertThat(t).contains(complaint.no()).contains(p + "C1-B1-0101"));
        assertThat(_find(row, Span.class)).extracting(Span::getText)
                .anySatisfy(t -> assertThat(t).contains("25 min left"));

        ComponentUtil.fireEvent(row, new ClickEvent<>(row));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("complaints?open=" + complaint.no());
        assertThat(_find(Dialog.class)).anySatisfy(d -> assertThat(d.isOpened()).isTrue());
    }

    @Test
    void a_supervisor_picks_a_butler() {
        login("sup", Role.SUPERVISOR, null);
        UI.getCurrent().navigate("today");
        @SuppressWarnings("unchecked")
        ComboBox<Butler> picker = _get(ComboBox.class, s -> s.withId("agenda-butler"));
        _setValue(picker, new Butler(p + "S1", "Butler " + p));
        assertThat(_find(Details.class, s -> s.withId("agenda-group-complaint_response"))).hasSize(1);
        assertThat(_find(Details.class, s -> s.withId("agenda-group-morning_briefing"))).hasSize(1);
    }
}

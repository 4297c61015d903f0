package org.guanjia.workplan.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.guanjia.workplan.PlanFigure;
import org.guanjia.workplan.WorkPlan;
import org.guanjia.workplan.WorkPlanFilter;
import org.guanjia.workplan.WorkPlanService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The plans list, the new-draft dialog, the editor (save, submit, validation) and the review. */
@Import(TestClock.Config.class)
class WorkPlanViewTest extends KaribuTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    WorkPlanService service;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String sup;

    @BeforeEach
    void given_a_butler_with_a_cluster() {
        p = "WV" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        sup = p + "sup";
        dsl.execute("insert into app_users (username, password_hash, display_name, role) values (?, 'x', ?,"
                + " 'SUPERVISOR')", sup, sup);
        clock.set(LocalDate.of(2025, 5, 16));
    }

    private String submittedSummary() {
        TestUsers.signIn("b", Role.BUTLER, p + "S1");
        String no = service.createDraft("summary", "week", LocalDate.of(2025, 5, 12), null, Locale.ENGLISH).no();
        service.submit(no, "Week text");
        TestUsers.signOut();
        return no;
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_butler_makes_a_draft_edits_it_and_submits_it() {
        login("b", Role.BUTLER, p + "S1");
        UI.getCurrent().navigate("work-plans");
        assertThat(_find(Checkbox.class, s -> s.withId("to-review"))).isEmpty();
        _click(_get(Button.class, s -> s.withId("new-plan-button")));
        _get(Select.class, s -> s.withId("new-kind")).setValue("summary");
        _get(Select.class, s -> s.withId("new-grain")).setValue("month");
        _setValue(_get(DatePicker.class, s -> s.withId("new-day")), LocalDate.of(2025, 4, 3));
        _click(_get(Button.class, s -> s.withId("create-plan-button")));

        Grid<PlanFigure> figures = _get(Grid.class, s -> s.withId("plan-figures"));
        assertThat(GridKt._size(figures)).isGreaterThanOrEqualTo(15);
        TextArea body = _get(TextArea.class, s -> s.withId("plan-body"));
        assertThat(body.getValue()).contains("Monthly work summary", "2025-04-01");
        assertThat(body.isReadOnly()).isFalse();
        String no = service.list(WorkPlanFilter.ALL, Page.first(5)).get(0).no();

        _setValue(body, "  ");
        _click(_get(Button.class, s -> s.withId("submit-button")));
        assertThat(body.isInvalid()).isTrue();
        assertThat(service.get(no).status()).isEqualTo("draft");

        _setValue(body, "April went well.");
        _click(_get(Button.class, s -> s.withId("save-button")));
        assertThat(service.get(no).body()).isEqualTo("April went well.");
        assertThat(service.get(no).status()).isEqualTo("draft");

        _click(_get(Button.class, s -> s.withId("submit-button")));
        WorkPlan submitted = service.get(no);
        assertThat(submitted.status()).isEqualTo("submitted");
        assertThat(_get(TextArea.class, s -> s.withId("plan-body")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, s -> s.withId("submit-button"))).isEmpty();
    }

    @Test
    void the_supervisor_must_say_why_when_returning_and_can_approve() {
        String no = submittedSummary();
        login(sup, Role.SUPERVISOR, null);
        UI.getCurrent().navigate("work-plans");
        Checkbox toReview = _get(Checkbox.class, s -> s.withId("to-review"));
        assertThat(toReview.isVisible()).isTrue();
        _setValue(toReview, true);
        @SuppressWarnings("unchecked")
        Grid<WorkPlan> grid = _get(Grid.class, s -> s.withId("work-plans-grid"));
        assertThat(GridKt._findAll(grid)).extracting(WorkPlan::no).contains(no)
                .allSatisfy(n -> assertThat(service.get(n).status()).isEqualTo("submitted"));

        UI.getCurrent().navigate("work-plans/" + no);
        assertThat(_get(TextArea.class, s -> s.withId("plan-body")).isReadOnly()).isTrue();
        TextArea comment = _get(TextArea.class, s -> s.withId("review-comment"));
        _click(_get(Button.class, s -> s.withId("return-button")));
        assertThat(comment.isInvalid()).isTrue();
        assertThat(service.get(no).status()).isEqualTo("submitted");

        _setValue(comment, "Please add the arrears plan");
        _click(_get(Button.class, s -> s.withId("return-button")));
        assertThat(service.get(no).status()).isEqualTo("returned");
        assertThat(service.get(no).reviewComment()).isEqualTo("Please add the arrears plan");

        // the butler corrects and submits again; the supervisor approves
        TestUsers.signIn("b", Role.BUTLER, p + "S1");
        service.submit(no, "Week text with the arrears plan");
        login(sup, Role.SUPERVISOR, null);
        UI.getCurrent().navigate("work-plans/" + no);
        _click(_get(Button.class, s -> s.withId("approve-button")));
        assertThat(service.get(no).status()).isEqualTo("approved");
        assertThat(_find(Button.class, s -> s.withId("approve-button"))).isEmpty();
    }

    @Test
    void another_butler_is_sent_back_to_the_list() {
        String no = submittedSummary();
        login("other", Role.BUTLER, p + "NOBODY");
        UI.getCurrent().navigate("work-plans/" + no);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("work-plans");
    }
}

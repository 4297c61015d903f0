package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The calendar's lists on the demo-like quarter of {@link CollectionFixtures#quarterTwo}: who is
 * due, per butler, and done / not done derived from the logged actions.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectionCalendarServiceTest {

    @Autowired
    CollectionCalendarService calendar;
    @Autowired
    CollectionService service;
    @Autowired
    LawyerLetterService letters;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    CollectionFixtures f;

    @BeforeEach
    void given_a_quarter_of_statements() {
        f = new CollectionFixtures("CC" + UUID.randomUUID().toString().substring(0, 6) + "-", estates,
                staff, dsl, allocations);
        f.quarterTwo();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void supervisor() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
    }

    /** The step's units of this fixture (other tests' units share the database). */
    private List<DueUnit> units(CalendarDay day, CollectionStep step) {
        return step(day, step).orElseThrow().butlers().stream().flatMap(b -> b.units().stream())
                .filter(u -> u.unitCode().startsWith(f.p)).toList();
    }

    private Optional<StepDuties> step(CalendarDay day, CollectionStep step) {
        return day.steps().stream().filter(s -> s.window().step() == step).findFirst();
    }

    private DueUnit unit(CalendarDay day, CollectionStep step, String unit) {
        return units(day, step).stream().filter(u -> u.unitCode().equals(unit)).findFirst().orElseThrow();
    }

    private void log(String day, String unit, String method, String reason) {
        clock.set(LocalDate.parse(day));
        service.log(new NewCollectionAction(unit, null, method, reason, null, null, null, null));
    }

    @Test
    void monthly_calls_list_the_units_that_have_not_paid_the_months_statement() {
        supervisor();

        CalendarDay day = calendar.day(LocalDate.of(2025, 5, 15));

        // u11 paid April and May; u21 paid April and half of May
        assertThat(units(day, CollectionStep.MONTHLY_CALLS)).extracting(DueUnit::unitCode)
                .containsExactly(f.u12, f.u21, f.u31, f.u32);
        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u21).outstanding()).isEqualByComparingTo("50.00");
        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u12).overdue()).isEqualByComparingTo("100.00");
        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u12).oldestDueOn()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u12).ownerName()).isEqualTo("Owner " + f.u12);
        // reason-finding counts everything issued and unpaid: u12 owes April and May
        assertThat(unit(day, CollectionStep.REASON_FINDING, f.u12).outstanding()).isEqualByComparingTo("200.00");
        assertThat(units(day, CollectionStep.REASON_FINDING)).extracting(DueUnit::unitCode)
                .doesNotContain(f.u11);
    }

    @Test
    void units_are_listed_per_butler_by_building() {
        supervisor();

        CalendarDay day = calendar.day(LocalDate.of(2025, 5, 15));

        List<ButlerDuties> lists = step(day, CollectionStep.MONTHLY_CALLS).orElseThrow().butlers().stream()
                .filter(b -> b.staffCode() != null && b.staffCode().startsWith(f.p)).toList();
        assertThat(lists).extracting(ButlerDuties::staffCode).containsExactly(f.s1, f.s2, f.s3);
        assertThat(lists.get(0).units()).extracting(DueUnit::unitCode).containsExactly(f.u12);
        assertThat(lists.get(1).units()).extracting(DueUnit::unitCode).containsExactly(f.u21);
        assertThat(lists.get(2).units()).extracting(DueUnit::unitCode).containsExactly(f.u31, f.u32);
        assertThat(lists.get(2).staffName()).isEqualTo("Butler Three " + f.p);
    }

    @Test
    void a_butler_sees_only_their_own_list() {
        TestUsers.signIn("b2", Role.BUTLER, f.s2);

        CalendarDay day = calendar.day(LocalDate.of(2025, 5, 15));

        assertThat(step(day, CollectionStep.MONTHLY_CALLS).orElseThrow().butlers())
                .singleElement().satisfies(b -> {
                    assertThat(b.staffCode()).isEqualTo(f.s2);
                    assertThat(b.units()).extracting(DueUnit::unitCode).containsExactly(f.u21);
                });
    }

    @Test
    void a_unit_is_done_when_a_matching_action_is_logged_in_the_window_by_the_day() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        log("2025-05-14", f.u12, "phone", null);            // before the window
        log("2025-05-16", f.u21, "phone", null);            // a call without reason
        log("2025-05-17", f.u31, "sms", "financial");       // a text with the reason
        log("2025-05-17", f.u32, "letter", "forgot");       // a letter is not a call
        supervisor();

        CalendarDay before = calendar.day(LocalDate.of(2025, 5, 15));
        CalendarDay after = calendar.day(LocalDate.of(2025, 5, 17));

        assertThat(units(before, CollectionStep.MONTHLY_CALLS)).noneMatch(DueUnit::done);
        assertThat(units(after, CollectionStep.MONTHLY_CALLS)).filteredOn(DueUnit::done)
                .extracting(DueUnit::unitCode).containsExactly(f.u21, f.u31);
        assertThat(unit(after, CollectionStep.MONTHLY_CALLS, f.u21).doneOn()).isEqualTo(LocalDate.of(2025, 5, 16));
        assertThat(unit(after, CollectionStep.MONTHLY_CALLS, f.u12).lastActionOn())
                .isEqualTo(LocalDate.of(2025, 5, 14));
        // reason-finding wants a reason: the text and the letter give one, the call does not
        assertThat(units(after, CollectionStep.REASON_FINDING)).filteredOn(DueUnit::done)
                .extracting(DueUnit::unitCode).containsExactly(f.u31, f.u32);
        assertThat(unit(after, CollectionStep.REASON_FINDING, f.u32).lastReason()).isEqualTo("forgot");
    }

    @Test
    void the_counts_per_butler_follow_the_log() {
        TestUsers.signIn("b3", Role.BUTLER, f.s3);
        log("2025-05-16", f.u31, "phone", null);

        ButlerDuties mine = step(calendar.day(LocalDate.of(2025, 5, 16)), CollectionStep.MONTHLY_CALLS)
                .orElseThrow().butlers().get(0);

        assertThat(mine.due()).isEqualTo(2);
        assertThat(mine.done()).isEqualTo(1);
    }

    @Test
    void the_steps_change_with_the_windows() {
        supervisor();

        assertThat(calendar.day(LocalDate.of(2025, 5, 21)).steps()).extracting(s -> s.window().step())
                .containsExactly(CollectionStep.MONTHLY_CALLS, CollectionStep.REASON_FINDING);
        assertThat(calendar.day(LocalDate.of(2025, 5, 22)).steps()).extracting(s -> s.window().step())
                .containsExactly(CollectionStep.REASON_FINDING);
        CalendarDay quiet = calendar.day(LocalDate.of(2025, 5, 26));
        assertThat(quiet.steps()).isEmpty();
        assertThat(quiet.next()).map(StepWindow::from).contains(LocalDate.of(2025, 6, 15));
    }

    @Test
    void a_call_logged_after_the_window_does_not_count_for_it() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        log("2025-05-22", f.u12, "phone", "financial");
        supervisor();

        CalendarDay day = calendar.day(LocalDate.of(2025, 5, 22));

        assertThat(step(day, CollectionStep.MONTHLY_CALLS)).isEmpty();
        assertThat(unit(day, CollectionStep.REASON_FINDING, f.u12).done()).isTrue();
        assertThat(unit(calendar.day(LocalDate.of(2025, 5, 21)), CollectionStep.MONTHLY_CALLS, f.u12).done())
                .isFalse();
    }

    @Test
    void week_4_lists_every_unit_owing_and_the_malicious_defaulters_for_letters() {
        TestUsers.signIn("b3", Role.BUTLER, f.s3);
        log("2025-06-16", f.u32, "phone", "malicious");
        log("2025-06-16", f.u31, "phone", "financial");
        supervisor();

        CalendarDay week3 = calendar.day(LocalDate.of(2025, 6, 16));
        assertThat(units(week3, CollectionStep.RECHECK_WEEK3)).filteredOn(DueUnit::done)
                .extracting(DueUnit::unitCode).containsExactly(f.u31, f.u32);

        CalendarDay week4 = calendar.day(LocalDate.of(2025, 6, 23));
        // June is issued: u11 owes June now too
        assertThat(units(week4, CollectionStep.RECHECK_WEEK4)).extracting(DueUnit::unitCode)
                .containsExactly(f.u11, f.u12, f.u21, f.u31, f.u32);
        assertThat(units(week4, CollectionStep.RECHECK_WEEK4)).noneMatch(DueUnit::done);
        assertThat(units(week4, CollectionStep.LAWYER_LETTERS)).singleElement().satisfies(u -> {
            assertThat(u.unitCode()).isEqualTo(f.u32);
            assertThat(u.outstanding()).isEqualByComparingTo("200.00");
            assertThat(u.done()).isFalse();
        });

        TestUsers.signIn("b3", Role.BUTLER, f.s3);
        clock.set(LocalDate.of(2025, 6, 23));
        letters.send(f.u32);
        supervisor();

        CalendarDay sent = calendar.day(LocalDate.of(2025, 6, 23));
        assertThat(unit(sent, CollectionStep.LAWYER_LETTERS, f.u32).doneOn()).isEqualTo(LocalDate.of(2025, 6, 23));
        assertThat(unit(sent, CollectionStep.RECHECK_WEEK4, f.u32).done()).isTrue();
    }

    @Test
    void an_open_service_issue_shows_on_the_list() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);
        clock.set(LocalDate.of(2025, 5, 16));
        service.log(new NewCollectionAction(f.u12, null, "phone", "service_issue", null,
                "Lift broken", null, f.dept));

        CalendarDay day = calendar.day(LocalDate.of(2025, 5, 16));

        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u12).flagged()).isTrue();
        assertThat(unit(day, CollectionStep.MONTHLY_CALLS, f.u12).done()).isTrue();
    }
}

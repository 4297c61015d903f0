package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.collection.CollectionStep.LAWYER_LETTERS;
import static org.guanjia.collection.CollectionStep.MONTHLY_CALLS;
import static org.guanjia.collection.CollectionStep.REASON_FINDING;
import static org.guanjia.collection.CollectionStep.RECHECK_WEEK3;
import static org.guanjia.collection.CollectionStep.RECHECK_WEEK4;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The windows of the rulebook's calendar on their first and last days and the days around. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CollectionCalendarTest {

    private final CollectionCalendar calendar = new CollectionCalendar(CollectionSettings.defaults());

    private List<CollectionStep> open(String day) {
        return calendar.openOn(LocalDate.parse(day)).stream().map(StepWindow::step).toList();
    }

    @Test
    void a_quarters_first_month_has_only_the_week_3_calls() {
        assertThat(open("2025-04-14")).isEmpty();
        assertThat(open("2025-04-15")).containsExactly(MONTHLY_CALLS);
        assertThat(open("2025-04-21")).containsExactly(MONTHLY_CALLS);
        assertThat(open("2025-04-22")).isEmpty();
        assertThat(open("2025-04-25")).isEmpty();
        assertThat(open("2025-04-27")).isEmpty();
    }

    @Test
    void the_second_month_adds_reason_finding_up_to_the_25th() {
        assertThat(open("2025-05-14")).isEmpty();
        assertThat(open("2025-05-15")).containsExactly(MONTHLY_CALLS, REASON_FINDING);
        assertThat(open("2025-05-21")).containsExactly(MONTHLY_CALLS, REASON_FINDING);
        assertThat(open("2025-05-22")).containsExactly(REASON_FINDING);
        assertThat(open("2025-05-25")).containsExactly(REASON_FINDING);
        assertThat(open("2025-05-26")).isEmpty();
    }

    @Test
    void the_last_month_has_the_week_3_recheck_then_week_4_with_the_letters() {
        assertThat(open("2025-06-14")).isEmpty();
        assertThat(open("2025-06-15")).containsExactly(RECHECK_WEEK3);
        assertThat(open("2025-06-21")).containsExactly(RECHECK_WEEK3);
        assertThat(open("2025-06-22")).containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
        assertThat(open("2025-06-25")).containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
        assertThat(open("2025-06-27")).containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
        assertThat(open("2025-06-28")).isEmpty();
    }

    @Test
    void every_quarter_follows_the_same_pattern() {
        assertThat(open("2025-01-15")).containsExactly(MONTHLY_CALLS);
        assertThat(open("2025-02-25")).containsExactly(REASON_FINDING);
        assertThat(open("2025-03-22")).containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
        assertThat(open("2025-11-21")).containsExactly(MONTHLY_CALLS, REASON_FINDING);
        assertThat(open("2025-12-27")).containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
    }

    @Test
    void each_open_step_carries_its_window() {
        assertThat(calendar.openOn(LocalDate.of(2025, 5, 20))).containsExactly(
                new StepWindow(MONTHLY_CALLS, LocalDate.of(2025, 5, 15), LocalDate.of(2025, 5, 21)),
                new StepWindow(REASON_FINDING, LocalDate.of(2025, 5, 15), LocalDate.of(2025, 5, 25)));
    }

    @Test
    void the_next_window_after_a_quiet_day() {
        assertThat(calendar.next(LocalDate.of(2025, 5, 26))).contains(
                new StepWindow(RECHECK_WEEK3, LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 21)));
        assertThat(calendar.next(LocalDate.of(2025, 6, 28))).contains(
                new StepWindow(MONTHLY_CALLS, LocalDate.of(2025, 7, 15), LocalDate.of(2025, 7, 21)));
        assertThat(calendar.next(LocalDate.of(2025, 5, 15))).contains(
                new StepWindow(RECHECK_WEEK3, LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 21)));
    }

    @Test
    void window_days_are_settings_and_a_day_past_a_short_month_means_its_last_day() {
        CollectionCalendar custom = new CollectionCalendar(new CollectionSettings(10, 16, 10, 31, 12,
                18, 20, 31, new BigDecimal("0.0005"), 1, 15));
        assertThat(custom.openOn(LocalDate.of(2025, 1, 9))).isEmpty();
        assertThat(custom.openOn(LocalDate.of(2025, 1, 10))).extracting(StepWindow::step)
                .containsExactly(MONTHLY_CALLS);
        assertThat(custom.openOn(LocalDate.of(2025, 2, 28))).containsExactly(
                new StepWindow(REASON_FINDING, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 28)));
        assertThat(custom.openOn(LocalDate.of(2025, 3, 31))).extracting(StepWindow::step)
                .containsExactly(RECHECK_WEEK4, LAWYER_LETTERS);
        assertThat(custom.openOn(LocalDate.of(2025, 3, 19))).isEmpty();
    }

    @Test
    void a_window_that_ends_before_it_starts_is_refused_at_start_up() {
        assertThatThrownBy(() -> new CollectionSettings(21, 15, 15, 25, 15, 21, 22, 27,
                new BigDecimal("0.0003"), 1, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calls");
        assertThatThrownBy(() -> new CollectionSettings(15, 21, 15, 25, 15, 21, 22, 27,
                new BigDecimal("0.00025"), 1, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 decimals");
    }

    @Test
    void what_does_each_step() {
        assertThat(MONTHLY_CALLS.doneBy("phone", null)).isTrue();
        assertThat(MONTHLY_CALLS.doneBy("sms", null)).isTrue();
        assertThat(MONTHLY_CALLS.doneBy("letter", "forgot")).isFalse();
        assertThat(REASON_FINDING.doneBy("phone", null)).isFalse();
        assertThat(REASON_FINDING.doneBy("visit", "financial")).isTrue();
        assertThat(RECHECK_WEEK3.doneBy("visit", null)).isTrue();
        assertThat(RECHECK_WEEK3.doneBy("letter", null)).isFalse();
        assertThat(RECHECK_WEEK4.doneBy("letter", null)).isTrue();
        assertThat(LAWYER_LETTERS.doneBy("phone", "malicious")).isFalse();
        assertThat(LAWYER_LETTERS.doneBy("lawyer_letter", "malicious")).isTrue();
    }
}

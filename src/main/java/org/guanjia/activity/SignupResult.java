package org.guanjia.activity;

import java.time.LocalDate;

/**
 * Attendance and the return visit's feedback for one sign-up, after the activity was held.
 *
 * @param attended      required
 * @param attendedCount people who came: at least 1 when attended, 0 or empty when not
 * @param feedbackScore 1-5, optional
 * @param feedbackOn    the day of the return visit: from the activity day to today; empty =
 *                      today when a score, feedback or suggestion is given
 */
public record SignupResult(Boolean attended, Integer attendedCount, Integer feedbackScore,
        String feedback, String suggestion, LocalDate feedbackOn) {
}

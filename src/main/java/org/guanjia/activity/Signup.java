package org.guanjia.activity;

import java.time.LocalDate;

/**
 * A unit's sign-up for an activity, with its attendance and the owner's feedback after it.
 *
 * @param attended      null until attendance is recorded
 * @param feedbackScore 1-5, from the return visit after the activity
 * @param suggestion    the owner's suggestion for the next activity
 */
public record Signup(String activityNo, String unitCode, String clusterCode, String ownerName,
        int headCount, LocalDate signedUpOn, Boolean attended, Integer attendedCount,
        Integer feedbackScore, String feedback, String suggestion, LocalDate feedbackOn) {
}

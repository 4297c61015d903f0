package org.guanjia.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A community activity of an estate (社区文化活动, rulebook 八) with the figures of its sign-ups.
 *
 * @param capacity      most people (heads) it takes; null = no limit
 * @param noticeOn      the day owners were told; set when announced
 * @param status        planned, announced, held or cancelled
 * @param summary       the summary after it was held, or the reason it was cancelled
 * @param signups       units signed up (all, not only the user's clusters)
 * @param heads         people signed up
 * @param attendedHeads people who came (recorded attendance)
 * @param feedbacks     sign-ups with a feedback score
 * @param meanScore     mean feedback score, 2 decimals; null without any
 */
public record Activity(String no, String estateCode, String estateName, String title,
        LocalDateTime startsAt, String place, Integer capacity, LocalDate noticeOn, String status,
        String summary, int signups, int heads, int attendedHeads, int feedbacks,
        BigDecimal meanScore) {

    public static final List<String> STATUSES = List.of("planned", "announced", "held", "cancelled");

    /** Sign-ups are taken until the activity is held or cancelled. */
    public boolean isOpen() {
        return "planned".equals(status) || "announced".equals(status);
    }

    public boolean isHeld() {
        return "held".equals(status);
    }

    /** Heads still free; null without a capacity. */
    public Integer freePlaces() {
        return capacity == null ? null : Math.max(0, capacity - heads);
    }
}

package org.guanjia.activity;

import java.time.LocalDateTime;

/**
 * The plan of an activity as the company decided it (活动方案).
 *
 * @param capacity most people it takes, empty = no limit
 */
public record ActivityPlan(String estateCode, String title, LocalDateTime startsAt, String place,
        Integer capacity) {
}

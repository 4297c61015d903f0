package org.guanjia.complaint;

import java.time.LocalDateTime;

/**
 * A complaint as taken in by a butler or the service desk.
 *
 * @param receivedAt empty = now
 */
public record NewComplaint(String unitCode, LocalDateTime receivedAt, String channel,
        String category, String description) {
}

package org.guanjia.complaint;

import java.time.LocalDateTime;

/**
 * The matter settled and the reply given to the owner.
 *
 * @param resolvedAt empty = now
 * @param repliedAt  when the reply was given; empty = the resolution time
 */
public record Resolution(LocalDateTime resolvedAt, String reply, LocalDateTime repliedAt) {
}

package org.guanjia.repair;

import java.time.LocalDateTime;

/**
 * The repair done.
 *
 * @param completedAt empty = now
 */
public record Completion(LocalDateTime completedAt, Boolean butlerAccompanied) {
}

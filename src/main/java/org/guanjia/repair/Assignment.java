package org.guanjia.repair;

import java.time.LocalDateTime;

/**
 * The engineer sent to the repair, and whether the butler goes along (rulebook 七).
 *
 * @param assignedAt empty = now
 */
public record Assignment(String engineerCode, LocalDateTime assignedAt, Boolean butlerAccompanied) {
}

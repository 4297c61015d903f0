package org.guanjia.repair;

import java.time.LocalDate;

/**
 * The item done and what the owner was told.
 *
 * @param closedOn empty = today
 */
public record RectificationClosing(LocalDate closedOn, String feedbackToOwner) {
}

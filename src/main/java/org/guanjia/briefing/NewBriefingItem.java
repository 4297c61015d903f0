package org.guanjia.briefing;

import java.time.LocalDate;

/**
 * An item as the butler notes it at the briefing.
 *
 * @param needsAction    raise a follow-up to {@code departmentCode}
 * @param unitCode       the unit concerned, optional
 * @param dueOn          optional, not in the past
 */
public record NewBriefingItem(String source, String description, boolean urgent, boolean needsAction,
        String unitCode, String departmentCode, LocalDate dueOn) {
}

package org.guanjia.patrol;

import java.time.LocalDate;

/**
 * A finding as the butler records it on the patrol.
 *
 * @param unitCode       the unit (required for items that need one: renovation works)
 * @param departmentCode the department the follow-up goes to
 * @param dueOn          when the department should have dealt with it; optional, not in the past
 * @param photo          the photo's bytes (JPEG, PNG or WebP), optional
 */
public record NewFinding(String itemCode, String description, String unitCode,
        String departmentCode, LocalDate dueOn, byte[] photo) {
}

package org.guanjia.repair;

import java.time.LocalDate;

/**
 * A rectification item as the owner raised it.
 *
 * @param raisedOn empty = today
 */
public record NewRectification(String unitCode, LocalDate raisedOn, String description,
        String departmentCode) {
}

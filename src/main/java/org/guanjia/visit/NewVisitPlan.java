package org.guanjia.visit;

import java.time.LocalDate;

/**
 * An appointment for a visit.
 *
 * @param plannedOn not in the past
 * @param staffCode empty = the signed-in user's staff code
 */
public record NewVisitPlan(String unitCode, LocalDate plannedOn, String staffCode, String topic) {
}

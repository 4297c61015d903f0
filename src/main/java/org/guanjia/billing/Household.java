package org.guanjia.billing;

import java.time.LocalDate;

/**
 * A household in arrears as of a date: the unit, where it is, its owner, and its arrears by age.
 *
 * @param oldestDueOn the due date of the oldest statement still owed
 * @param aging       the unit's arrears by days overdue ({@code households} = 1)
 */
public record Household(String unitCode, String buildingCode, String clusterCode,
        String ownerName, String ownerPhone, LocalDate oldestDueOn, Aging aging) {
}

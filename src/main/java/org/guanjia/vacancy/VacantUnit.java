package org.guanjia.vacancy;

import java.time.LocalDate;

/**
 * A unit vacant today that has not been inspected this month yet.
 *
 * @param vacantSince     the day its current vacancy began (its latest status row, else its
 *                        delivery)
 * @param lastInspectedOn its latest inspection before this month, or null
 */
public record VacantUnit(String unitCode, String clusterCode, String buildingCode,
        String ownerName, String ownerPhone, LocalDate vacantSince, LocalDate lastInspectedOn) {
}

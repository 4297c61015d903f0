package org.guanjia.vacancy;

import java.time.LocalDate;

/**
 * Filter of the inspection list; empty fields do not filter.
 *
 * @param failedOnly inspections with a failed check
 * @param text       contained in the number, unit or note (case-insensitive)
 */
public record InspectionFilter(String clusterCode, String unitCode, LocalDate from, LocalDate to,
        boolean failedOnly, String text) {

    public static InspectionFilter all() {
        return new InspectionFilter(null, null, null, null, false, null);
    }

    public static InspectionFilter ofUnit(String unitCode) {
        return new InspectionFilter(null, unitCode, null, null, false, null);
    }
}

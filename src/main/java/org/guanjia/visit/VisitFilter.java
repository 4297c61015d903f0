package org.guanjia.visit;

import java.time.LocalDate;

/**
 * Filter of the visit list; empty fields do not filter.
 *
 * @param from               first day of the period (visited_on), inclusive
 * @param to                 last day of the period, inclusive
 * @param strongOpinionOnly  visits where the owner voiced strong opinions
 * @param keyCustomerOnly    visits to units with a key customer
 * @param openEscalationsOnly visits with a request still waiting for the department's answer
 * @param text               contained in the number, unit, topic or note (case-insensitive)
 */
public record VisitFilter(String kind, String clusterCode, LocalDate from, LocalDate to,
        boolean strongOpinionOnly, boolean keyCustomerOnly, boolean openEscalationsOnly,
        String unitCode, String staffCode, String text) {

    public static VisitFilter all() {
        return new VisitFilter(null, null, null, null, false, false, false, null, null, null);
    }

    public static VisitFilter ofUnit(String unitCode) {
        return new VisitFilter(null, null, null, null, false, false, false, unitCode, null, null);
    }
}

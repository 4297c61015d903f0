package org.guanjia.collection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A unit on a step's list: what it owes on the day, its latest collection action, the
 * latest promised date and reason, whether a service issue is open, and whether the step is
 * done (an action that satisfies it was logged in the window by the day).
 *
 * @param outstanding  the outstanding this step counts (see {@link CollectionCalendarService})
 * @param overdue      outstanding of statements due before the day
 * @param oldestDueOn  due date of the oldest open statement
 * @param doneOn       date of the first action that did the step, empty when not done
 */
public record DueUnit(String unitCode, String clusterCode, String buildingCode, String ownerName,
        String ownerPhone, BigDecimal outstanding, BigDecimal overdue, LocalDate oldestDueOn,
        LocalDate lastActionOn, String lastMethod, LocalDate promisedOn, String lastReason,
        boolean flagged, LocalDate doneOn) {

    public boolean done() {
        return doneOn != null;
    }
}

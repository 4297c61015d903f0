package org.guanjia.collection;

import java.time.LocalDate;

/**
 * A collection action to log. The staff member is the signed-in user's.
 *
 * @param actionOn       empty = today
 * @param reason         optional; {@code service_issue} raises a follow-up to
 *                       {@code departmentCode} described by {@code note}
 * @param promisedOn     the date the owner promised to pay, optional, not before actionOn
 * @param departmentCode required with a service issue
 */
public record NewCollectionAction(String unitCode, LocalDate actionOn, String method, String reason,
        LocalDate promisedOn, String note, String outcome, String departmentCode) {

    /** An empty form for a unit: today, by phone. */
    public static NewCollectionAction phoneCall(String unitCode, LocalDate today) {
        return new NewCollectionAction(unitCode, today, "phone", null, null, null, null, null);
    }
}

package org.guanjia.vacancy;

import java.time.LocalDate;

/**
 * An inspection as the butler records it on the unit's doorstep.
 *
 * @param inspectedOn         empty = today; never in the future
 * @param doorsWindowsOk      each check must be answered yes or no; a "no" opens an engineering
 *                            follow-up
 * @param photo               optional JPEG, PNG or WebP
 * @param ownerInformedOn     when the owner was told, not before the inspection nor in the
 *                            future; given together with the method or not at all
 * @param ownerInformedMethod one of {@link Inspection#INFORM_METHODS}
 */
public record NewInspection(String unitCode, LocalDate inspectedOn, Boolean doorsWindowsOk,
        Boolean utilitiesOffOk, Boolean noLeak, Boolean noCracks, String note, byte[] photo,
        LocalDate ownerInformedOn, String ownerInformedMethod) {

    /** A blank form for the unit, dated today. */
    public static NewInspection blank(String unitCode, LocalDate today) {
        return new NewInspection(unitCode, today, null, null, null, null, null, null, null, null);
    }
}

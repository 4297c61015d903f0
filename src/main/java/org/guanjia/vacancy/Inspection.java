package org.guanjia.vacancy;

import java.time.LocalDate;
import java.util.List;

/**
 * A monthly inspection of a vacant unit (空置房巡视记录表, rulebook 六): the four checks, the
 * engineering follow-up a failed check opened, and when and how the owner was told.
 *
 * @param doorsWindowsOk      doors and windows shut
 * @param utilitiesOffOk      water, power and gas switched off
 * @param noLeak              no leak found
 * @param noCracks            no visible cracks in walls or floors
 * @param photoKey            key of the photo in the photo store, or null
 * @param followUpStatus      the state of the engineering follow-up, or null without one
 * @param ownerInformedMethod phone, sms, visit, letter or app; null = not yet informed
 */
public record Inspection(String no, String unitCode, String clusterCode, String ownerName,
        LocalDate inspectedOn, String staffCode, String staffName, Boolean doorsWindowsOk,
        Boolean utilitiesOffOk, Boolean noLeak, Boolean noCracks, String note, String photoKey,
        String followUpNo, String followUpStatus, LocalDate ownerInformedOn,
        String ownerInformedMethod) {

    /** The checks in the order of the paper form, by their record component names. */
    public static final List<String> CHECKS = List.of("doorsWindowsOk", "utilitiesOffOk", "noLeak",
            "noCracks");

    public static final List<String> INFORM_METHODS = List.of("phone", "sms", "visit", "letter", "app");

    /** The checks that failed (answered "no"), by their component names. */
    public List<String> failedChecks() {
        List<String> failed = new java.util.ArrayList<>();
        if (Boolean.FALSE.equals(doorsWindowsOk)) {
            failed.add("doorsWindowsOk");
        }
        if (Boolean.FALSE.equals(utilitiesOffOk)) {
            failed.add("utilitiesOffOk");
        }
        if (Boolean.FALSE.equals(noLeak)) {
            failed.add("noLeak");
        }
        if (Boolean.FALSE.equals(noCracks)) {
            failed.add("noCracks");
        }
        return failed;
    }

    public boolean passed() {
        return failedChecks().isEmpty();
    }

    public boolean ownerInformed() {
        return ownerInformedOn != null;
    }
}

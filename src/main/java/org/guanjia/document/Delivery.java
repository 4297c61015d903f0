package org.guanjia.document;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit's copy of a document: how it goes (the rule: by post when not moved in, in person
 * by the butler for key customers, else with the security team), when it went out, reached
 * the unit or was collected, and the call when it stayed unclaimed.
 */
public record Delivery(String documentNo, String documentTitle, String documentKind, String unitCode,
        String clusterCode, String ownerName, String ownerPhone, String mailingAddress, String method,
        String staffCode, String staffName, LocalDate dispatchedOn, LocalDate deliveredOn, LocalDate collectedOn,
        LocalDate callOn, String callNote) {

    public static final String WITH_SECURITY = "with_security";
    public static final String IN_PERSON = "in_person";
    public static final String POST = "post";
    public static final List<String> METHODS = List.of(WITH_SECURITY, IN_PERSON, POST);

    /**
     * The delivery method by the rulebook (三): a unit not moved in (vacant or decorating on the
     * issue date) by post to the owner's mailing address; a key customer in person by the
     * butler; any other occupied unit with the security team.
     */
    public static String method(String unitStatus, boolean keyCustomer) {
        if (!"occupied".equals(unitStatus)) {
            return POST;
        }
        return keyCustomer ? IN_PERSON : WITH_SECURITY;
    }

    /**
     * Whether the owner has the document: collected; or, by post or in person, delivered (into
     * the owner's hands or mailbox). A copy the security team brought to the unit or its post
     * is not yet claimed until collected (无人领取).
     */
    public boolean isReceived() {
        return collectedOn != null || (deliveredOn != null && !WITH_SECURITY.equals(method));
    }

    /**
     * On the call list: dispatched more than {@code days} days before today (超过两周仍无人领取:
     * with 14, dispatched on the 1st means on the list from the 16th), not received, not called.
     */
    public boolean isCallDue(LocalDate today, int days) {
        return dispatchedOn != null && !isReceived() && callOn == null
                && dispatchedOn.plusDays(days).isBefore(today);
    }
}

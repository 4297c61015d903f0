package org.guanjia.notice;

/**
 * A facility check as the butler records it today: each item yes (in order) or no (a problem);
 * all three are required. A note is required when an item fails: it goes to the follow-up.
 */
public record NewFacilityCheck(String facilityCode, Boolean cleanOk, Boolean undamagedOk, Boolean safeOk,
        String note) {
}

package org.guanjia.followup;

/**
 * Filter of the follow-up list; empty fields do not filter.
 *
 * @param openOnly only open and in-progress follow-ups
 * @param text     contained in the number, unit or description (case-insensitive)
 */
public record FollowUpFilter(boolean openOnly, String clusterCode, String departmentCode,
        String source, String unitCode, String text) {

    public static FollowUpFilter open() {
        return new FollowUpFilter(true, null, null, null, null, null);
    }
}

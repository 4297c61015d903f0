package org.guanjia.notice;

/**
 * Filters of the notice list.
 *
 * @param clusterCode optional
 * @param dueOnly     only the notices to take down today
 * @param upOnly      only the notices still up
 * @param text        optional, in number or title
 */
public record NoticeFilter(String clusterCode, boolean dueOnly, boolean upOnly, String text) {

    public static NoticeFilter all() {
        return new NoticeFilter(null, false, false, null);
    }
}

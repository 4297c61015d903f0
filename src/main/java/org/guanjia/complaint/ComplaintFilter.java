package org.guanjia.complaint;

/**
 * Filter of the complaint list; empty fields do not filter.
 *
 * @param breachedOnly only complaints late against their response or resolution level
 * @param text         contained in the number, unit or description (case-insensitive)
 */
public record ComplaintFilter(String status, String category, String clusterCode,
        boolean breachedOnly, String text) {

    public static ComplaintFilter all() {
        return new ComplaintFilter(null, null, null, false, null);
    }
}

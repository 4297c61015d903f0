package org.guanjia.patrol;

import java.time.LocalDate;

/**
 * Filter of the patrol list; empty fields do not filter.
 *
 * @param text contained in the number, cluster or butler's name (case-insensitive)
 */
public record PatrolFilter(String clusterCode, LocalDate from, LocalDate to, boolean withFindingsOnly,
        String text) {

    public static PatrolFilter all() {
        return new PatrolFilter(null, null, null, false, null);
    }
}

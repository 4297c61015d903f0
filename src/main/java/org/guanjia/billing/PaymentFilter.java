package org.guanjia.billing;

import java.time.LocalDate;

/**
 * Filter of the payment list; empty fields do not filter.
 *
 * @param unitText        part of the unit code
 * @param from            paid on or after
 * @param to              paid on or before
 * @param includeReversed false leaves reversed payments out
 */
public record PaymentFilter(String unitText, String clusterCode, LocalDate from, LocalDate to,
        String channel, boolean includeReversed) {

    public static PaymentFilter all() {
        return new PaymentFilter(null, null, null, null, null, true);
    }
}

package org.guanjia.billing;

import java.time.LocalDate;

/**
 * What the arrears figures cover: the as-of date D (empty: today) and optionally one cluster or
 * building; {@code text} (part of the unit code or owner name) narrows the household list only.
 */
public record ArrearsFilter(LocalDate asOf, String clusterCode, String buildingCode,
        String text) {

    public static ArrearsFilter asOf(LocalDate day) {
        return new ArrearsFilter(day, null, null, null);
    }
}

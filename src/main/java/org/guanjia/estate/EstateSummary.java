package org.guanjia.estate;

/** Counts for the home page, within the user's scope. */
public record EstateSummary(String estateCode, String estateName, int clusters, int buildings,
        int units, int delivered, int occupied, int vacant, int decorating) {
}

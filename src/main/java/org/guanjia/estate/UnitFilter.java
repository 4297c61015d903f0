package org.guanjia.estate;

/**
 * Filter of the unit and owner lists; empty fields do not filter.
 *
 * @param text matches the unit code, room or owner name (contains, case-insensitive)
 */
public record UnitFilter(String text, String estateCode, String clusterCode, String buildingCode,
        String status) {
}

package org.guanjia.repair;

/**
 * Filter of the repair list; empty fields do not filter.
 *
 * @param text contained in the number, unit, building or description (case-insensitive)
 */
public record RepairFilter(String status, String category, String clusterCode, String text) {
}

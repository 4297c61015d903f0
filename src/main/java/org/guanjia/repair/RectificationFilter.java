package org.guanjia.repair;

/**
 * Filter of the rectification list; empty fields do not filter.
 *
 * @param openOnly open and in-progress items only
 * @param text     contained in the number, unit or description (case-insensitive)
 */
public record RectificationFilter(boolean openOnly, String clusterCode, String text) {
}

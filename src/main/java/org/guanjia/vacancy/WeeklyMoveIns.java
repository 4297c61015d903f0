package org.guanjia.vacancy;

import java.time.LocalDate;

/**
 * Move-ins (办理入住) of one ISO week in one cluster: units whose status became "occupied" that
 * week from vacant or decorating, counted as KPI.md's move-ins.
 *
 * @param week   ISO week, e.g. 2025-W09
 * @param monday the week's first day
 */
public record WeeklyMoveIns(String week, LocalDate monday, String clusterCode, int moveIns) {
}

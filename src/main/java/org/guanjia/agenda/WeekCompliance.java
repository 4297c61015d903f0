package org.guanjia.agenda;

import java.time.LocalDate;

/**
 * Agenda compliance of one butler in one ISO week (Monday {@code weekStart}): items that fell
 * due in the week, done on or before their due day, done later, not done (as of today) —
 * the definitions of the workload dataset (sql/workload.sql) on a weekly grain.
 */
public record WeekCompliance(LocalDate weekStart, int due, int onTime, int late, int notDone) {
}

package org.guanjia.workplan;

import java.math.BigDecimal;

/**
 * One KPI of a plan's draft, as the analytics datasets give it.
 *
 * @param dataset       the KPI dataset (collection, aging, complaints, …; "activities" is a
 *                      count of activities held, which has no KPI dataset)
 * @param measure       the dataset column (label key dash.col.{measure})
 * @param format        percent, money, number, hours, minutes or score (dashboard formats)
 * @param value         the figure of the period (null = undefined)
 * @param previous      the figure of the previous period
 * @param target        the target from the dashboards, or null
 * @param lowerIsBetter true for arrears, complaints, vacancy
 */
public record PlanFigure(String dataset, String measure, String format, BigDecimal value,
        BigDecimal previous, BigDecimal target, boolean lowerIsBetter) {
}

package org.guanjia.workplan;

import java.time.LocalDate;
import java.util.List;

/**
 * What the draft of a plan is made from: the KPIs of the period against the previous period and
 * the target, open issues at the period's end and notable events of the period.
 *
 * @param plan       the plan
 * @param period     the plan's period
 * @param kpiPeriod  the KPI period the figures are for (a week uses its month to date)
 * @param asOf       the as-of day of the figures (the period's end, or today if earlier)
 * @param prevPeriod the KPI period compared with
 * @param clusters   the clusters covered
 * @param figures    the KPIs
 * @param openItems  open follow-ups, unresolved complaints, top arrears
 * @param events     strong-opinion visits, lawyer letters, failed facility checks
 */
public record PlanReport(WorkPlan plan, Period period, String kpiPeriod, LocalDate asOf,
        String prevPeriod, List<String> clusters, List<PlanFigure> figures,
        List<PlanItem> openItems, List<PlanItem> events) {
}

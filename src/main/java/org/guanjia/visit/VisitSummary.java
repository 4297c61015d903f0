package org.guanjia.visit;

import java.math.BigDecimal;

/**
 * The figures of a filtered visit list, for the butler's report to the supervisor (四: 定期向上級
 * 領導匯報客戶拜訪情況). The mean is over the visits with a score, as the satisfaction KPI counts.
 *
 * @param meanSatisfaction 2 decimals; empty when no visit has a score
 */
public record VisitSummary(int visits, int scored, BigDecimal meanSatisfaction, int strongOpinions,
        int escalated, int openEscalations) {
}

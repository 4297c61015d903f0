package org.guanjia.vacancy;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Vacancy of one cluster in one month, read from the KPI view {@code kpi_vacancy} (snapshot at
 * the month's end, or today for the running month).
 *
 * @param vacancyRate        vacant / delivered units, 4 decimals; null without delivered units
 * @param inspectionCoverage vacant units inspected in the month / vacant units; null without any
 */
public record MonthlyVacancy(YearMonth month, String clusterCode, long deliveredUnits,
        long vacantUnits, BigDecimal vacancyRate, BigDecimal occupancyRate, long moveIns,
        BigDecimal inspectionCoverage) {
}

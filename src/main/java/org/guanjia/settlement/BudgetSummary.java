package org.guanjia.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * An estate's budget for a year with its totals and the monthly prepayment it implies.
 *
 * @param areaMonths      Σ area x months the statement run bills in the year
 * @param prepaymentRate  Σ budget / areaMonths per m² and month, 4 decimals; empty without units
 * @param appliedRate     the rate of the prepayment fee schedule in force on 31 December, if any
 */
public record BudgetSummary(String estateCode, int year, String currency, List<BudgetLine> lines,
        BigDecimal budgetTotal, BigDecimal actualTotal, BigDecimal areaMonths, BigDecimal prepaymentRate,
        BigDecimal appliedRate) {

    public BudgetSummary {
        lines = List.copyOf(lines);
    }
}

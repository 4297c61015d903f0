package org.guanjia.settlement;

import java.math.BigDecimal;

/**
 * One cost category of an estate's service-charge budget for a year: the planned amount, the
 * allocation key, and the actual costs booked so far (the sum of its {@link CostEntry}s; empty
 * while none is booked).
 */
public record BudgetLine(String estateCode, Integer year, String category, String allocationKey,
        BigDecimal budgetAmount, BigDecimal actualAmount) {
}

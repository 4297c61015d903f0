package org.guanjia.fees;

import java.math.BigDecimal;

/**
 * One statement a run will issue: the unit, its cluster (whose butler reviews it), the fee, the
 * schedule and the figures it was priced with. {@code amount} = area × rate (per m²) or the rate
 * (fixed per month), 2 decimals, half-up.
 */
public record RunLine(String unitCode, String clusterCode, String estateCode, String unitType,
        BigDecimal areaSqm, String feeType, String scheduleCode, BigDecimal rate, BigDecimal amount) {
}

package org.guanjia.settlement;

import java.math.BigDecimal;

/**
 * A unit's share of one category: {@code shareAmount = categoryActual x weight / totalWeight} in
 * whole cents, {@code weight = basis x days} (basis: the area, 1, or the persons counted).
 */
public record SettlementDetail(String category, String allocationKey, BigDecimal categoryActual,
        BigDecimal basis, int days, BigDecimal weight, BigDecimal totalWeight, BigDecimal shareAmount) {
}

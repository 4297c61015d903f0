package org.guanjia.settlement;

import java.math.BigDecimal;

/**
 * A unit's line of a settlement: its share of the actual costs, the prepayments billed for the
 * year, {@code balance = share - prepaid} (positive = top-up owed, negative = refund), the days
 * it was delivered and vacant in the year and the part of the share on vacant days, which the
 * owner bears. {@code payer}: {@code owner} (vacant all year), {@code split} (owner for the
 * vacant days, the occupant for the rest) or {@code tenant} (the occupant, whoever lives there).
 */
public record SettlementLine(String settlementNo, String unitCode, String clusterCode, String ownerName,
        BigDecimal areaSqm, int deliveredDays, BigDecimal shareAmount, BigDecimal prepaidAmount,
        BigDecimal balance, int vacantDays, BigDecimal vacantShareAmount, String payer) {
}

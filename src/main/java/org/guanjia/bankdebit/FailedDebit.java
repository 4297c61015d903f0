package org.guanjia.bankdebit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A failed debit the butler still has to phone about (rulebook 十: tell the owner to put money
 * in the account): the unit's latest debit result, a failure on {@code resultOn}, with no
 * collection action logged for the unit since that day.
 */
public record FailedDebit(String batchNo, String unitCode, String clusterCode, String ownerName,
        String phone, BigDecimal amount, String failureReason, LocalDate resultOn) {
}

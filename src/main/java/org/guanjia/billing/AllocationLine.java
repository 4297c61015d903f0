package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One allocation row of a unit's account: money of payment {@code paymentNo} applied to
 * statement {@code statementNo} on {@code allocatedOn}.
 *
 * @param fromCredit true when the money waited as credit and paid the statement when it was
 *                   issued (allocated after the payment day)
 */
public record AllocationLine(LocalDate allocatedOn, String statementNo, String period,
        String paymentNo, LocalDate paidOn, BigDecimal amount, boolean fromCredit) {
}

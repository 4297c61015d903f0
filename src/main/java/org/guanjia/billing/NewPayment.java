package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment to record: money received for a unit on {@code paidOn} through {@code channel}.
 *
 * @param statementNo optional: the statement the payer named; it must be the unit's and issued
 *                    on or before {@code paidOn}
 */
public record NewPayment(String unitCode, LocalDate paidOn, BigDecimal amount, String channel,
        String statementNo, String note) {
}

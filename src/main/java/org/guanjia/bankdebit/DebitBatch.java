package org.guanjia.bankdebit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A weekly debit list with the state of its items. Status: {@code draft} (created),
 * {@code sent} (exported for the bank), {@code settled} (every item has the bank's result), or
 * {@code cancelled} (a draft withdrawn before it was sent, on {@code cancelledOn}).
 */
public record DebitBatch(String batchNo, LocalDate createdOn, LocalDate sentOn, String status,
        LocalDate cancelledOn, String note, int items, BigDecimal total, int succeeded, int failed,
        int pending, BigDecimal debited) {

    public static final String DRAFT = "draft";
    public static final String SENT = "sent";
    public static final String SETTLED = "settled";
    public static final String CANCELLED = "cancelled";
}

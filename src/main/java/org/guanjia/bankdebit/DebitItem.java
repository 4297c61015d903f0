package org.guanjia.bankdebit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit of a debit list: the amount asked for, and the bank's answer ({@code pending},
 * {@code success} with the payment it became, or {@code failed} with the bank's reason).
 */
public record DebitItem(String batchNo, String unitCode, String ownerName, String maskedAccountNo,
        BigDecimal amount, String result, String failureReason, String paymentNo,
        LocalDate resultOn, String reference) {

    public static final String PENDING = "pending";
    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";
}

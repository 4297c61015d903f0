package org.guanjia.bankdebit;

import java.math.BigDecimal;

/** A unit the weekly list would debit: its total outstanding on the list date. */
public record DebitCandidate(String unitCode, String clusterCode, String ownerName,
        String accountHolder, String maskedAccountNo, BigDecimal amount) {
}

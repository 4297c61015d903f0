package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One statement of a {@link Ledger}: {@code collected} is the sum of its allocations dated on or
 * before the ledger's date, {@code outstanding = amount - collected} (KPI.md).
 */
public record LedgerLine(String statementNo, String period, String feeType, BigDecimal amount,
        LocalDate issuedOn, LocalDate dueOn, BigDecimal collected, BigDecimal outstanding) {
}

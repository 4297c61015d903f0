package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as stored. A reversed payment ({@code voidedOn} set) stays for the record and pays
 * nothing; its {@code note} holds the reason of the reversal.
 *
 * @param statementNo the statement the payer named (empty: oldest open statements first)
 * @param recordedBy  the user who recorded it
 */
public record Payment(String paymentNo, String unitCode, LocalDate paidOn, BigDecimal amount,
        String channel, String statementNo, LocalDate voidedOn, String note, String recordedBy) {

    /** Every channel a stored payment may have (IMPORT.md). */
    public static final List<String> CHANNELS = List.of("cash", "bank_debit", "transfer", "online",
            "other");

    /** The channels a user records a payment with. */
    public static final List<String> RECORDABLE_CHANNELS = List.of("cash", "bank_debit",
            "transfer", "online");

    public boolean reversed() {
        return voidedOn != null;
    }
}

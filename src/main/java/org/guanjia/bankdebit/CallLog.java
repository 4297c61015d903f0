package org.guanjia.bankdebit;

import java.time.LocalDate;

/** A phone call about a failed debit, logged in the collection log; promisedOn is optional. */
public record CallLog(String batchNo, String unitCode, String note, LocalDate promisedOn) {
}

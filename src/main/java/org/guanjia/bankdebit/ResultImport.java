package org.guanjia.bankdebit;

import java.math.BigDecimal;

/**
 * What importing a result file did.
 *
 * @param rows          data rows in the file
 * @param succeeded     new successful debits (each became a payment)
 * @param failed        new failed debits
 * @param unchanged     rows whose result was already stored exactly so
 * @param debited       the sum of the new payments
 * @param stillPending  items of the batch still without a result
 * @param sameFile      the very same file was imported before: nothing was read or changed
 */
public record ResultImport(String batchNo, String fileName, int rows, int succeeded, int failed,
        int unchanged, BigDecimal debited, int stillPending, boolean sameFile) {

    public boolean changedNothing() {
        return succeeded == 0 && failed == 0;
    }
}

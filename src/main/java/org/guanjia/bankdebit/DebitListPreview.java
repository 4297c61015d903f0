package org.guanjia.bankdebit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly debit list as it would be created on {@code listDate}.
 *
 * @param units            enrolled units with open statements, each with its outstanding total
 *                         (with a conflicting batch, including the units it already covers)
 * @param total            the sum of their amounts
 * @param waitingForBank   units left out because an earlier week's open batch still waits for
 *                         the bank's result on them (debiting them again could debit twice)
 * @param conflictingBatch an open batch of the same week that already covers some of the
 *                         units; while there is one, the list cannot be created
 */
public record DebitListPreview(LocalDate listDate, LocalDate weekStart, List<DebitCandidate> units,
        BigDecimal total, List<String> waitingForBank, String conflictingBatch) {

    public boolean canCreate() {
        return conflictingBatch == null && !units.isEmpty();
    }
}

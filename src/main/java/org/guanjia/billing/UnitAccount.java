package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A unit's account as of a date (F12): its statements issued by then with collected and
 * outstanding amounts, its payments made by then (reversed ones included, marked), the
 * allocation rows dated by then, and the open credit.
 *
 * @param statements  oldest first (by period, then statement_no)
 * @param corrections statement_no of a correction statement → the statement it corrects
 * @param payments    newest first
 * @param allocations newest first
 */
public record UnitAccount(String unitCode, String buildingCode, String clusterCode,
        String ownerName, String ownerPhone, LocalDate asOf, List<LedgerLine> statements,
        Map<String, String> corrections, List<Payment> payments, List<AllocationLine> allocations,
        BigDecimal credit) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public UnitAccount {
        statements = List.copyOf(statements);
        corrections = Map.copyOf(corrections);
        payments = List.copyOf(payments);
        allocations = List.copyOf(allocations);
    }

    /** What the unit owes on its statements issued by {@code asOf}, due or not. */
    public BigDecimal outstanding() {
        return statements.stream().map(LedgerLine::outstanding).reduce(ZERO, BigDecimal::add);
    }

    /** Arrears as of {@code asOf} (KPI.md): outstanding of the statements due before that day. */
    public BigDecimal arrears() {
        return statements.stream().filter(l -> l.dueOn().isBefore(asOf))
                .map(LedgerLine::outstanding).reduce(ZERO, BigDecimal::add);
    }

    /** Owed minus credit: negative when the unit has paid ahead. */
    public BigDecimal balance() {
        return outstanding().subtract(credit);
    }

    /** Sum of the allocations of one payment (dated by {@code asOf}). */
    public BigDecimal allocatedOf(String paymentNo) {
        return allocations.stream().filter(a -> paymentNo.equals(a.paymentNo()))
                .map(AllocationLine::amount).reduce(ZERO, BigDecimal::add);
    }
}

package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit's account as of a date: its statements issued by then with what has been collected on
 * each, and the unit's open credit.
 *
 * @param statements oldest first (by period, then statement_no in code point order)
 * @param credit     money paid by {@code asOf} that no statement has used yet
 */
public record Ledger(String unitCode, LocalDate asOf, List<LedgerLine> statements,
        BigDecimal credit) {

    public Ledger {
        statements = List.copyOf(statements);
    }

    /** Sum of the outstanding balances. */
    public BigDecimal outstanding() {
        return statements.stream().map(LedgerLine::outstanding)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

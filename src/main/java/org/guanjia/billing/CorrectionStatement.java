package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A statement finance issues by hand for one unit, e.g. a late correction of an earlier month
 * (issued today, whatever its period).
 *
 * @param dueOn               optional: defaults to the last day of {@code period}, or to the end
 *                            of the month of issue when that day has already passed
 * @param correctsStatementNo optional: the unit's statement this one corrects
 */
public record CorrectionStatement(String unitCode, String period, String feeType,
        BigDecimal amount, LocalDate dueOn, String correctsStatementNo) {
}

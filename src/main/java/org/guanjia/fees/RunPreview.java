package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What a run would bill, computed and not stored.
 *
 * @param estateCode    the estate, or empty for all estates
 * @param lines         the statements it would issue, by cluster, unit and fee type
 * @param totals        per cluster and fee type
 * @param alreadyBilled unit-fee pairs left out because the unit already has that statement
 */
public record RunPreview(YearMonth period, String estateCode, List<RunLine> lines,
        List<RunTotal> totals, BigDecimal total, int alreadyBilled) {

    public int units() {
        return (int) lines.stream().map(RunLine::unitCode).distinct().count();
    }
}

package org.guanjia.fees;

import java.math.BigDecimal;

/**
 * The result of a release.
 *
 * @param statements statements written
 * @param skipped    lines left out because the unit got that statement meanwhile
 * @param units      units whose allocation was recomputed
 */
public record Released(String runNo, int statements, int skipped, int units, BigDecimal amount) {
}

package org.guanjia.billing;

import java.math.BigDecimal;

/** What a recomputation wrote: units done, allocation rows, and the sum of their credits. */
public record Recomputed(int units, int allocations, BigDecimal credit) {
}

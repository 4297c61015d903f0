package org.guanjia.fees;

import java.math.BigDecimal;

/** The lines of a run in one cluster for one fee type: how many and their sum. */
public record RunTotal(String clusterCode, String feeType, int lines, BigDecimal amount) {
}

package org.guanjia.demo;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the demo generator wrote: rows per table (sorted by table name) and the money totals.
 * Equal reports from two runs show that the generator is deterministic.
 *
 * @param rowCounts      rows written per table; tables the generator leaves alone are absent
 * @param statementTotal sum of the amounts of all statements written
 * @param paymentTotal   sum of the amounts of all payments written (voided ones included)
 */
public record DemoReport(SortedMap<String, Long> rowCounts, BigDecimal statementTotal,
        BigDecimal paymentTotal) {

    public DemoReport {
        rowCounts = Collections.unmodifiableSortedMap(new TreeMap<>(rowCounts));
    }

    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(String table) {
        return rowCounts.getOrDefault(table, 0L);
    }

    /** One line per table, for the log. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        rowCounts.forEach((table, n) -> sb.append(String.format("%n  %-32s %,10d", table, n)));
        sb.append(String.format("%n  %-32s %,10d", "total rows", totalRows()));
        sb.append(String.format("%n  %-32s %,14.2f", "statement amounts", statementTotal));
        sb.append(String.format("%n  %-32s %,14.2f", "payment amounts", paymentTotal));
        return sb.toString();
    }
}

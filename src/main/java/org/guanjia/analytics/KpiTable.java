package org.guanjia.analytics;

import java.util.List;

/**
 * A dataset's result: the column names of KPI.md's output table and the rows, each value a
 * String, Long or BigDecimal (already rounded) or null (undefined).
 */
public record KpiTable(List<String> columns, List<List<Object>> rows) {

    public KpiTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}

package org.guanjia.estate;

import java.time.LocalDate;

/** One row of a unit's status history, in force from {@code fromDate}. */
public record UnitStatus(String unitCode, LocalDate fromDate, String status, String note) {

    public static final java.util.List<String> STATUSES = java.util.List.of("vacant", "decorating", "occupied");
}

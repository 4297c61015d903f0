package org.guanjia.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The persons living in a unit in a year, for the head-count key; {@code persons} empty when
 * not entered (the unit then counts as one person).
 */
public record UnitPersons(String unitCode, String clusterCode, BigDecimal areaSqm, LocalDate deliveredOn,
        Integer year, Integer persons) {
}

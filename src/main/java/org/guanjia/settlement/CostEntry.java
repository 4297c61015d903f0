package org.guanjia.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An actual cost booked against a category of the year's budget (an invoice, a month's wages);
 * a negative amount corrects an earlier entry. {@code id} is empty for a new entry.
 */
public record CostEntry(Long id, String estateCode, Integer year, String category, LocalDate bookedOn,
        BigDecimal amount, String reference, String note) {
}

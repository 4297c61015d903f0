package org.guanjia.vacancy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The vacant units still to inspect in the calendar month of {@code today} (estate zone).
 *
 * @param daysLeft days left in the month, today included
 */
public record DueInspections(YearMonth month, LocalDate today, int daysLeft, List<VacantUnit> units) {
}

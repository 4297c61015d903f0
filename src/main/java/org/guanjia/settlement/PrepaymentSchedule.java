package org.guanjia.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The prepayment rate written as fee schedules of {@code service_charge_prepayment}. */
public record PrepaymentSchedule(String estateCode, int year, BigDecimal rate, LocalDate validFrom,
        LocalDate validTo, int schedules) {
}

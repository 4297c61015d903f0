package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The rate of a fee type for the units of one type in an estate, valid from {@code validFrom}
 * to {@code validTo} (inclusive; open-ended when empty). A month is billed at the rate of the
 * schedule valid on its first day.
 */
public record FeeSchedule(String code, String estateCode, String unitType, String feeType,
        BigDecimal rate, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return validFrom != null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether this schedule prices the month (it is valid on the month's first day). */
    public boolean covers(YearMonth period) {
        return validOn(period.atDay(1));
    }

    /** Whether the validity of the two schedules shares a day. */
    public boolean overlaps(FeeSchedule o) {
        return (validTo == null || o.validFrom == null || !o.validFrom.isAfter(validTo))
                && (o.validTo == null || validFrom == null || !validFrom.isAfter(o.validTo));
    }

    /** Same estate, unit type and fee type: such schedules must not overlap. */
    public boolean sameKey(FeeSchedule o) {
        return estateCode.equals(o.estateCode) && unitType.equals(o.unitType)
                && feeType.equals(o.feeType);
    }
}

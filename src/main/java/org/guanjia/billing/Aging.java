package org.guanjia.billing;

import java.math.BigDecimal;

/**
 * Arrears as of a date split by days overdue (KPI.md "aging as of D"): {@code D - due_on} in
 * 1-30, 31-90, 91-180, 181-365 and more than 365 days; {@code households} counts the units with
 * arrears above zero.
 */
public record Aging(BigDecimal days1to30, BigDecimal days31to90, BigDecimal days91to180,
        BigDecimal days181to365, BigDecimal over365, BigDecimal arrears, int households) {

    public static final Aging NONE = new Aging(zero(), zero(), zero(), zero(), zero(), zero(), 0);

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    public Aging plus(Aging o) {
        return new Aging(days1to30.add(o.days1to30), days31to90.add(o.days31to90),
                days91to180.add(o.days91to180), days181to365.add(o.days181to365),
                over365.add(o.over365), arrears.add(o.arrears), households + o.households);
    }
}

package org.guanjia.fees;

/**
 * A kind of fee and how it is billed: {@code per_sqm_month} (rate × the unit's m² per month),
 * {@code fixed_month} (the rate per month) or {@code metered} (from readings, no schedule).
 */
public record FeeType(String code, String name, String basis) {

    public static final String PER_SQM_MONTH = "per_sqm_month";
    public static final String FIXED_MONTH = "fixed_month";
    public static final String METERED = "metered";

    /** Whether the monthly statement run bills this fee from a schedule. */
    public boolean scheduled() {
        return PER_SQM_MONTH.equals(basis) || FIXED_MONTH.equals(basis);
    }
}

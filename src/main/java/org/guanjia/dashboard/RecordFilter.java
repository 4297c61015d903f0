package org.guanjia.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.guanjia.dashboard.Dashboard.DrillTarget;

/**
 * The records behind a figure: a kind (statements, complaints, …), a range of months and the
 * scope and category the click named. Every value becomes a bind value.
 *
 * @param kind     which records
 * @param from     first month (inclusive)
 * @param to       last month (inclusive)
 * @param estate   estate code or null
 * @param cluster  cluster code or null
 * @param building building code or null
 * @param butler   butler staff code (their clusters) or null
 * @param category complaint or repair category or null
 * @param status   statements: "outstanding"; units: vacant, decorating, occupied; or null
 */
public record RecordFilter(DrillTarget kind, YearMonth from, YearMonth to, String estate,
        String cluster, String building, String butler, String category, String status) {

    /** The columns shown for each kind, in order (also the sortable properties). */
    public static final Map<DrillTarget, List<String>> COLUMNS = Map.of(
            DrillTarget.STATEMENTS, List.of("statement_no", "unit_code", "building_code", "period",
                    "fee_type", "amount", "collected", "outstanding", "due_on"),
            DrillTarget.COMPLAINTS, List.of("complaint_no", "unit_code", "building_code",
                    "received_at", "category", "status", "first_response_at", "resolved_at",
                    "satisfaction"),
            DrillTarget.REPAIRS, List.of("repair_no", "building_code", "unit_code", "reported_at",
                    "category", "status", "completed_at", "return_visit_at"),
            DrillTarget.UNITS, List.of("unit_code", "building_code", "status", "delivered_on",
                    "area_sqm"),
            DrillTarget.INSPECTIONS, List.of("inspection_no", "unit_code", "building_code",
                    "inspected_on", "staff_code", "all_ok"));

    /**
     * A period code of the KPI output (yyyy-MM, yyyy-Qn or yyyy) as its first and last month;
     * an ISO week (yyyy-Www) as the month(s) its days fall in (the record lists are by month).
     */
    public static YearMonth[] months(String period) {
        if (period.matches("\\d{4}-W\\d{2}")) {
            java.time.LocalDate monday = java.time.LocalDate.of(Integer.parseInt(period.substring(0, 4)), 1, 4)
                    .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR,
                            Integer.parseInt(period.substring(6)))
                    .with(java.time.DayOfWeek.MONDAY);
            return new YearMonth[] {YearMonth.from(monday), YearMonth.from(monday.plusDays(6))};
        }
        if (period.matches("\\d{4}-Q[1-4]")) {
            int q = period.charAt(6) - '0';
            YearMonth first = YearMonth.of(Integer.parseInt(period.substring(0, 4)), q * 3 - 2);
            return new YearMonth[] {first, first.plusMonths(2)};
        }
        if (period.matches("\\d{4}")) {
            int y = Integer.parseInt(period);
            return new YearMonth[] {YearMonth.of(y, 1), YearMonth.of(y, 12)};
        }
        if (period.matches("\\d{4}-\\d{2}-\\d{2}")) {
            YearMonth m = YearMonth.parse(period.substring(0, 7));
            return new YearMonth[] {m, m};
        }
        YearMonth m = YearMonth.parse(period);
        return new YearMonth[] {m, m};
    }
}

package org.guanjia.patrol;

import java.util.List;
import java.util.Locale;

/**
 * One item of the patrol checklist (组团巡查记录表): configurable data, company-wide
 * ({@code clusterCode} empty) or for one cluster, in one of the rulebook's twelve categories.
 *
 * @param code           stable key (lower case letters, digits, underscores)
 * @param needsUnit      a finding must name the unit (renovation works)
 * @param departmentKind the department kind a finding goes to unless the butler picks another
 */
public record ChecklistItem(String code, String clusterCode, String category, String labelEn,
        String labelZhCn, String labelZhTw, int sortOrder, boolean needsUnit, String departmentKind,
        boolean active) {

    /** The rulebook's categories (一 1-7), as patrol_checks and patrol_findings know them. */
    public static final List<String> CATEGORIES = List.of("staff_on_duty", "staff_appearance",
            "staff_attitude", "security_hazards", "visitor_log", "vehicle_log", "goods_log",
            "cleanliness", "greening", "engineering", "renovation", "public_facilities");

    /** The label in the user's language: 繁體 for Taiwan/Hong Kong, 简体 for other Chinese. */
    public String label(Locale locale) {
        if (locale == null || !"zh".equals(locale.getLanguage())) {
            return labelEn;
        }
        String country = locale.getCountry();
        boolean traditional = "TW".equals(country) || "HK".equals(country) || "MO".equals(country)
                || "Hant".equals(locale.getScript());
        return traditional ? labelZhTw : labelZhCn;
    }
}

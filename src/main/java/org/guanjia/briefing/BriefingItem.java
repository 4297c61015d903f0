package org.guanjia.briefing;

import java.util.List;

/**
 * One item a source reported at the briefing.
 *
 * @param source         security, maintenance, cleaning_greening, call_center or service_hall
 * @param followUpNo     the follow-up when the item needs action, else null
 * @param followUpStatus its status (open, in_progress, resolved, closed)
 */
public record BriefingItem(long id, String briefingNo, String source, String description, boolean urgent,
        String followUpNo, String followUpStatus) {

    /** The people asked at 9:30, in the rulebook's order. */
    public static final List<String> SOURCES = List.of("security", "maintenance", "cleaning_greening",
            "call_center", "service_hall");
}

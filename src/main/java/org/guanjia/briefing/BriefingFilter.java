package org.guanjia.briefing;

import java.time.LocalDate;

/** Filter of the briefing list; empty fields do not filter. */
public record BriefingFilter(String clusterCode, LocalDate from, LocalDate to, boolean withOpenOnly) {

    public static BriefingFilter all() {
        return new BriefingFilter(null, null, null, false);
    }
}

package org.guanjia.workplan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A work plan or summary (F11) of one butler (staffCode set) or one cluster (staffCode null).
 *
 * @param no            plan number
 * @param kind          plan or summary
 * @param grain         week, month or year
 * @param staffCode     the butler, or null for a cluster plan
 * @param staffName     the butler's name, or null
 * @param clusterCode   the cluster (for a butler: the cluster they held at the period start)
 * @param periodStart   first day of the period
 * @param periodEnd     last day of the period
 * @param body          the text the butler writes (drafted from the records)
 * @param status        draft, submitted, approved or returned
 * @param submittedAt   when submitted
 * @param reviewer      the reviewing user's name
 * @param reviewComment the supervisor's comment
 * @param reviewedAt    when approved or returned
 */
public record WorkPlan(String no, String kind, String grain, String staffCode, String staffName,
        String clusterCode, LocalDate periodStart, LocalDate periodEnd, String body, String status,
        LocalDateTime submittedAt, String reviewer, String reviewComment,
        LocalDateTime reviewedAt) {

    public static final List<String> KINDS = List.of("plan", "summary");
    public static final List<String> GRAINS = List.of("week", "month", "year");
    public static final List<String> STATUSES = List.of("draft", "submitted", "approved",
            "returned");

    /** The butler may still change the text (a draft or a returned plan). */
    public boolean editable() {
        return status.equals("draft") || status.equals("returned");
    }
}

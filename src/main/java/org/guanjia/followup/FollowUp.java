package org.guanjia.followup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A ticket to a department (跟进单), tracked to closure and answered to the owner. {@code source}
 * and {@code sourceRef} name the record that raised it (e.g. {@code collection} and the
 * collection action's number).
 *
 * @param status open, in_progress, resolved or closed (closed = resolved and answered)
 */
public record FollowUp(String no, String source, String sourceRef, String clusterCode,
        String buildingCode, String unitCode, String departmentCode, String departmentName,
        String assigneeCode, String description, LocalDateTime raisedAt, LocalDate dueOn,
        String status, LocalDateTime resolvedAt, String resolution, String replyToOwner,
        LocalDateTime repliedAt) {

    public static final List<String> SOURCES = List.of("patrol", "briefing", "visit", "complaint",
            "collection", "facility_check", "vacancy_inspection", "document", "other");

    public static final List<String> STATUSES = List.of("open", "in_progress", "resolved", "closed");

    /** Statuses of a follow-up that still needs work. */
    public static final List<String> OPEN_STATUSES = List.of("open", "in_progress");

    public boolean isOpen() {
        return OPEN_STATUSES.contains(status);
    }
}

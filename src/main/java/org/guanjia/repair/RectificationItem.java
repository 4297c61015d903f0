package org.guanjia.repair;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification item an owner raised (工程整改, duty 11): tracked with progress notes and
 * return visits to closure, with the feedback given to the owner, and as a follow-up to the
 * responsible department ({@code followUpNo}; empty for items from before follow-ups existed).
 *
 * @param status open, in_progress or closed
 */
public record RectificationItem(String no, String unitCode, String clusterCode, String ownerName,
        LocalDate raisedOn, String description, String departmentCode, String departmentName,
        String status, LocalDate closedOn, String feedbackToOwner, String followUpNo) {

    public static final List<String> STATUSES = List.of("open", "in_progress", "closed");

    public boolean isOpen() {
        return !"closed".equals(status);
    }
}

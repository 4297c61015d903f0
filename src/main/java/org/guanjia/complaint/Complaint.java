package org.guanjia.complaint;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A complaint (投诉) and its handling steps, with the service levels of its category.
 * The timestamps mean what KPI.md says: {@code firstResponseAt} the butler's arrival on site or
 * call to the owner, {@code resolvedAt} the moment the matter was settled, {@code
 * returnVisitAt} the return visit that gave {@code satisfaction}.
 *
 * @param status received, responded, in_progress, resolved or closed
 */
public record Complaint(String no, String unitCode, String buildingCode, String clusterCode,
        String ownerName, LocalDateTime receivedAt, String channel, String category,
        String description, LocalDateTime firstResponseAt, String responseMethod,
        String responderCode, String responderName, Boolean valid, String department,
        String responsiblePerson, String plan, String reply, LocalDateTime repliedAt,
        LocalDateTime resolvedAt, Boolean ownerSigned, Integer satisfaction,
        LocalDateTime returnVisitAt, String correctiveAction, LocalDateTime closedAt,
        String status, int reopenCount, int responseMinutes, int resolutionHours) {

    public static final List<String> STATUSES = List.of("received", "responded", "in_progress",
            "resolved", "closed");
    public static final List<String> CHANNELS = List.of("phone", "visit", "app", "patrol", "other");
    public static final List<String> CATEGORIES = List.of("security", "cleaning", "greening",
            "engineering", "noise", "parking", "decoration", "fees", "staff", "neighbour", "other");
    public static final List<String> RESPONSE_METHODS = List.of("on_site", "phone");

    public LocalDateTime responseDue() {
        return receivedAt.plusMinutes(responseMinutes);
    }

    public LocalDateTime resolutionDue() {
        return receivedAt.plusHours(resolutionHours);
    }

    /**
     * Late against the response level as KPI.md counts it: answered after the level, or not
     * answered and the deadline is at or before {@code now}.
     */
    public boolean responseBreached(LocalDateTime now) {
        return firstResponseAt != null ? firstResponseAt.isAfter(responseDue())
                : !now.isBefore(responseDue());
    }

    /** The same with the resolution and its level. */
    public boolean resolutionBreached(LocalDateTime now) {
        return resolvedAt != null ? resolvedAt.isAfter(resolutionDue())
                : !now.isBefore(resolutionDue());
    }

    /** Time from receipt to the first response, or to {@code now} while there is none. */
    public Duration responseElapsed(LocalDateTime now) {
        return Duration.between(receivedAt, firstResponseAt != null ? firstResponseAt : now);
    }

    /** Time from receipt to the resolution, or to {@code now} while there is none. */
    public Duration resolutionElapsed(LocalDateTime now) {
        return Duration.between(receivedAt, resolvedAt != null ? resolvedAt : now);
    }

    public boolean isOpen() {
        return !"resolved".equals(status) && !"closed".equals(status);
    }
}

package org.guanjia.briefing;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The 9:30 morning briefing of one cluster on one day (晨会, rulebook 一): the butler asks the
 * security captain, the maintenance handyman, the cleaning/greening lead, the call centre and
 * the service hall what happened overnight that needs action.
 *
 * @param items         items noted
 * @param openFollowUps items whose follow-up is still open or in progress
 */
public record Briefing(String no, String clusterCode, LocalDate briefingOn, LocalDateTime heldAt,
        String staffCode, String staffName, String note, int items, int openFollowUps) {
}

package org.guanjia.followup;

import java.time.LocalDate;

/**
 * What a feature asks for when it raises a follow-up. The cluster and building are taken from
 * the unit when one is given.
 *
 * @param source    one of {@link FollowUp#SOURCES}
 * @param sourceRef the raising record's number, optional
 * @param dueOn     optional, not before today
 */
public record NewFollowUp(String source, String sourceRef, String clusterCode, String unitCode,
        String departmentCode, String assigneeCode, String description, LocalDate dueOn) {
}

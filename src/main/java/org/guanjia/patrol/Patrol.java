package org.guanjia.patrol;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A cluster patrol (组团巡查, rulebook 一; duty 9) walked by one butler on one day.
 *
 * @param findings          findings recorded on it
 * @param openFollowUps     findings whose follow-up is still open or in progress
 */
public record Patrol(String no, String clusterCode, String staffCode, String staffName,
        LocalDate patrolOn, LocalDateTime startedAt, LocalDateTime finishedAt, String note,
        int findings, int openFollowUps) {

    public boolean isFinished() {
        return finishedAt != null;
    }
}

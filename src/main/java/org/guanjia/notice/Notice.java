package org.guanjia.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice on one or more boards. Without an expiry date it stays up (e.g. the butlers'
 * 24-hour service phone).
 */
public record Notice(String no, String title, String body, LocalDate postedOn, LocalDate expiresOn,
        LocalDate takenDownOn, String takenDownBy, String takenDownByName, List<String> boardCodes) {

    /**
     * Due to be taken down on {@code today}: expired (the expiry day itself is the last day on
     * the board) and still up (rulebook 二: checked each morning, taken down when expired).
     */
    public boolean isDue(LocalDate today) {
        return takenDownOn == null && expiresOn != null && expiresOn.isBefore(today);
    }

    public boolean isTakenDown() {
        return takenDownOn != null;
    }
}

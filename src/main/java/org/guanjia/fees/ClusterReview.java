package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A cluster's share of a run and its butler's review (empty until reviewed). */
public record ClusterReview(String runNo, String clusterCode, String clusterName, int lines,
        BigDecimal amount, String reviewedBy, LocalDateTime reviewedAt, String note) {

    public boolean reviewed() {
        return reviewedAt != null;
    }
}

package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A statement run with its figures, limited to the clusters the reader may see.
 *
 * @param status           {@code generated} (lines awaiting review) or {@code released}
 * @param lines            the run's lines and their sum
 * @param clusters         clusters with lines; {@code reviewedClusters} of them are reviewed
 * @param statements       statements the run issued (after its release) and their sum
 */
public record StatementRun(String runNo, String period, String estateCode, String status,
        LocalDateTime generatedAt, LocalDateTime releasedAt, String createdBy, int lines,
        BigDecimal linesAmount, int clusters, int reviewedClusters, int statements,
        BigDecimal statementsAmount) {

    public static final String GENERATED = "generated";
    public static final String RELEASED = "released";

    public boolean released() {
        return RELEASED.equals(status);
    }

    /** Every cluster with lines has been reviewed (and there is something to release). */
    public boolean readyToRelease() {
        return GENERATED.equals(status) && reviewedClusters == clusters;
    }
}

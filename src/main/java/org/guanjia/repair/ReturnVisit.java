package org.guanjia.repair;

import java.time.LocalDateTime;

/**
 * The butler's return visit after the repair: the owner's scores 1–5 for the engineer's
 * attitude, the quality of the work and their etiquette in the home, and a comment.
 *
 * @param returnVisitAt empty = now
 */
public record ReturnVisit(LocalDateTime returnVisitAt, Integer scoreAttitude, Integer scoreQuality,
        Integer scoreEtiquette, String comment) {
}

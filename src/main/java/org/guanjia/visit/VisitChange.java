package org.guanjia.visit;

import java.time.LocalDate;

/** A correction of a recorded visit; the unit and the butler stay as recorded. */
public record VisitChange(LocalDate visitedOn, String kind, String topic, Integer satisfaction,
        String note, boolean strongOpinion) {
}

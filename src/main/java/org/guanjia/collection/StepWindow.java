package org.guanjia.collection;

import java.time.LocalDate;

/** A step of the collection calendar and the days it is open, inclusive. */
public record StepWindow(CollectionStep step, LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}

package org.guanjia.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The collection calendar on a day: its open steps with their lists, and the next window. */
public record CalendarDay(LocalDate day, List<StepDuties> steps, Optional<StepWindow> next) {

    public CalendarDay {
        steps = List.copyOf(steps);
    }
}

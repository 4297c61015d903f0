package org.guanjia.collection;

import java.util.List;

/** A step open on a day with its lists of units due, per butler (ordered by staff code). */
public record StepDuties(StepWindow window, List<ButlerDuties> butlers) {

    public StepDuties {
        butlers = List.copyOf(butlers);
    }

    public int due() {
        return butlers.stream().mapToInt(ButlerDuties::due).sum();
    }

    public int done() {
        return butlers.stream().mapToInt(ButlerDuties::done).sum();
    }
}

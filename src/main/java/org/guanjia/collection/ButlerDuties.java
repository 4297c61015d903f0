package org.guanjia.collection;

import java.util.List;

/**
 * One butler's list for a step. {@code staffCode} is empty for units of a cluster without a
 * butler on the day.
 */
public record ButlerDuties(String staffCode, String staffName, List<DueUnit> units) {

    public ButlerDuties {
        units = List.copyOf(units);
    }

    public int due() {
        return units.size();
    }

    public int done() {
        return (int) units.stream().filter(DueUnit::done).count();
    }
}

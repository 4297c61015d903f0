package org.guanjia.agenda;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A butler's agenda on a day: the open items, most urgent first (overdue, then by due day and
 * deadline).
 */
public record Agenda(LocalDate day, String staffCode, String staffName, List<AgendaItem> items) {

    public Agenda {
        items = List.copyOf(items);
    }

    public long overdue() {
        return items.stream().filter(i -> i.overdueOn(day)).count();
    }

    public long dueToday() {
        return items.stream().filter(i -> i.dueOn().equals(day)).count();
    }

    /** Due later in an open window (a vacant unit to inspect this month, a complaint tomorrow). */
    public long later() {
        return items.stream().filter(i -> i.dueOn().isAfter(day)).count();
    }

    /** The items grouped by kind, groups in the order of their most urgent item. */
    public Map<String, List<AgendaItem>> byKind() {
        Map<String, List<AgendaItem>> groups = new LinkedHashMap<>();
        for (AgendaItem i : items) {
            groups.computeIfAbsent(i.kind(), k -> new java.util.ArrayList<>()).add(i);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        return groups;
    }
}

package org.guanjia.agenda;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One thing the rulebook makes due for a butler (F14), derived from the records.
 *
 * @param kind        the rule, e.g. {@code complaint_response} (agenda_items.kind)
 * @param recordRef   the record it is about: complaint, repair, follow-up, notice, check,
 *                    activity or action number; {@code document/unit}, {@code batch/unit},
 *                    {@code unit/yyyy-MM}, {@code step/unit}; the cluster for the briefing and patrol
 * @param opensOn     first day on the agenda
 * @param dueOn       last day to do it on time
 * @param deadline    the instant for timed items (complaint service levels, the 9:30 briefing)
 * @param doneOn      day of the record that satisfied it; empty while open
 */
public record AgendaItem(String kind, String recordRef, String staffCode, String clusterCode,
        String unitCode, LocalDate opensOn, LocalDate dueOn, LocalDateTime deadline,
        LocalDate doneOn) {

    /** Collection calendar steps (rulebook 十) come from the collection calendar, not the SQL. */
    public static final String COLLECTION_CALL = "collection_call";

    public boolean overdueOn(LocalDate day) {
        return dueOn.isBefore(day);
    }

    /** {@code kind:recordRef:dueOn:staffCode}, the key of agenda_items. */
    public String key() {
        return kind + ":" + recordRef + ":" + dueOn + ":" + (staffCode == null ? "" : staffCode);
    }
}

package org.guanjia.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit's collection situation on a day: its owner, what it owes, the latest promise, whether
 * a service issue is open, and its log.
 *
 * @param overdue        outstanding of statements due before the day
 * @param oldestDueOn    due date of the oldest open statement
 * @param flagged        a follow-up raised by a collection call is still open
 * @param actions        newest first
 */
public record UnitCollection(String unitCode, String clusterCode, String ownerName,
        String ownerPhone, LocalDate day, BigDecimal outstanding, BigDecimal overdue,
        LocalDate oldestDueOn, LocalDate promisedOn, boolean flagged,
        List<CollectionAction> actions, List<LawyerLetter> letters) {

    public UnitCollection {
        actions = List.copyOf(actions);
        letters = List.copyOf(letters);
    }
}

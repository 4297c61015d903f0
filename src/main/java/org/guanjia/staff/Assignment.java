package org.guanjia.staff;

import java.time.LocalDate;

/** A staff member (a butler) looking after a cluster from a date, open-ended without a to date. */
public record Assignment(String staffCode, String clusterCode, LocalDate fromDate, LocalDate toDate) {

    public boolean activeOn(LocalDate day) {
        return !fromDate.isAfter(day) && (toDate == null || !toDate.isBefore(day));
    }
}

package org.guanjia.staff;

import java.time.LocalDate;

/** An assignment as listed, with the butler's name and 24-hour service phone. */
public record AssignmentRow(String staffCode, String staffName, String servicePhone,
        String clusterCode, LocalDate fromDate, LocalDate toDate) {

    public Assignment assignment() {
        return new Assignment(staffCode, clusterCode, fromDate, toDate);
    }
}

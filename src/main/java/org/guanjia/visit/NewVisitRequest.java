package org.guanjia.visit;

import java.time.LocalDate;

/**
 * A request or question as the butler records it: either answered on the spot ({@code answer})
 * or escalated ({@code escalate}) to a department, with an optional due date for the reply.
 */
public record NewVisitRequest(String request, boolean escalate, String answer,
        String departmentCode, LocalDate dueOn) {
}

package org.guanjia.bankdebit;

import java.time.LocalDate;

/**
 * What the enrolment dialog edits. The unit is the owner's. On an existing enrolment an empty
 * {@code accountNo} keeps the stored number (which is never sent back to the browser); spaces
 * and hyphens in a number are ignored.
 */
public record EnrolmentForm(String ownerCode, String bankName, String accountHolder,
        String accountNo, LocalDate enrolledOn, LocalDate endedOn, String note) {
}

package org.guanjia.bankdebit;

import java.time.LocalDate;

/**
 * An owner's bank auto-debit enrolment (交通银行代扣) as lists show it: the account number is
 * masked except its last 4 digits. Valid from {@code enrolledOn} to {@code endedOn}, both
 * inclusive; open-ended when {@code endedOn} is empty.
 */
public record Enrolment(long id, String ownerCode, String ownerName, String unitCode,
        String clusterCode, String bankName, String accountHolder, String maskedAccountNo,
        LocalDate enrolledOn, LocalDate endedOn, String note) {

    public boolean activeOn(LocalDate day) {
        return !enrolledOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
    }
}

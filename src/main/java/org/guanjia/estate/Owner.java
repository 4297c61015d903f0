package org.guanjia.estate;

import java.time.LocalDate;

/** An owner (业主) of a unit, with the flags the rulebook uses (key customer, strong opinion). */
public record Owner(String code, String unitCode, String name, String phone, Boolean keyCustomer,
        Boolean strongOpinion, String mailingAddress, Boolean autoDebit, LocalDate since) {
}

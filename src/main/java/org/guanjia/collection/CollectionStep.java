package org.guanjia.collection;

import java.util.Set;

/**
 * The steps of the collection calendar (rulebook 十), each with the collection actions that
 * count as having done it for a unit when logged in its window.
 */
public enum CollectionStep {

    /**
     * Week 3 of months 1 and 2 of a quarter: call every unit that has not paid the month's
     * statement, ask whether it arrived and when they will pay. Done: a phone call, visit or SMS.
     */
    MONTHLY_CALLS("monthly_calls"),
    /**
     * By the 25th of month 2: find out the real reason of every unit still unpaid. Done: an
     * action that records a reason.
     */
    REASON_FINDING("reason_finding"),
    /**
     * Week 3 of month 3: re-check every unit still unpaid against the promised date, see whether
     * service issues are solved. Done: a phone call, visit or SMS.
     */
    RECHECK_WEEK3("recheck_week3"),
    /** Week 4 of month 3: re-check again. Done: any collection action (a letter too). */
    RECHECK_WEEK4("recheck_week4"),
    /**
     * Week 4 of month 3: a lawyer's letter to each malicious defaulter (the unit's latest
     * recorded reason is "malicious" and it has overdue statements). Done: a lawyer's letter.
     */
    LAWYER_LETTERS("lawyer_letters");

    /** Methods that reach the owner in person or by phone. */
    static final Set<String> CONTACT = Set.of("phone", "visit", "sms");

    private final String code;

    CollectionStep(String code) {
        this.code = code;
    }

    /** Lower-case code, e.g. for message keys {@code collect.step.<code>}. */
    public String code() {
        return code;
    }

    /** Whether a logged action with this method and reason does this step for its unit. */
    public boolean doneBy(String method, String reason) {
        return switch (this) {
            case MONTHLY_CALLS, RECHECK_WEEK3 -> CONTACT.contains(method);
            case REASON_FINDING -> reason != null;
            case RECHECK_WEEK4 -> method != null;
            case LAWYER_LETTERS -> "lawyer_letter".equals(method);
        };
    }
}

package org.guanjia.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * A line of the collection log (物管费催收记录表).
 *
 * @param followUpNo     the follow-up a service issue raised, if any
 * @param followUpStatus that follow-up's status now (open, in_progress, resolved, closed)
 */
public record CollectionAction(String actionNo, String unitCode, LocalDate actionOn,
        String staffCode, String staffName, String method, String reason, LocalDate promisedOn,
        String note, String outcome, String followUpNo, String followUpStatus) {

    public static final List<String> METHODS = List.of("phone", "visit", "sms", "letter",
            "lawyer_letter");

    public static final List<String> REASONS = List.of("service_issue", "financial", "forgot",
            "dispute", "malicious", "not_received", "other");

    CollectionAction withFollowUpStatus(String status) {
        return new CollectionAction(actionNo, unitCode, actionOn, staffCode, staffName, method,
                reason, promisedOn, note, outcome, followUpNo, status);
    }
}

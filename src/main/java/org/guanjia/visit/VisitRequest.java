package org.guanjia.visit;

import java.time.LocalDate;

/**
 * A request or question the owner raised in a visit: answered on the spot, or escalated to a
 * department as a follow-up that is tracked until the answer is given to the owner.
 *
 * @param followUpStatus open, in_progress, resolved or closed (answered); empty when answered
 *                       on the spot or the follow-up is outside the user's clusters
 */
public record VisitRequest(long id, String visitNo, String request, boolean answeredOnSpot,
        String answer, String followUpNo, String departmentName, LocalDate dueOn,
        String followUpStatus, String replyToOwner) {

    public boolean escalated() {
        return followUpNo != null;
    }

    /** Escalated and the owner not answered yet (the follow-up neither closed nor replied). */
    public boolean awaitingReply() {
        return escalated() && !"closed".equals(followUpStatus) && replyToOwner == null;
    }
}

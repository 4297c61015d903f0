package org.guanjia.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer visit (客戶拜訪, rulebook 四) that took place, with the owner's flags and how many of
 * the requests raised in it still wait for the department's answer.
 *
 * @param kind              scheduled (appointment made ahead), chance (met on the way) or
 *                          return (回訪, going back after a request, complaint or repair)
 * @param strongOpinion     the owner voiced strong opinions in this visit (意見較大)
 * @param keyCustomer       an owner of the unit is a key customer (重點客戶)
 * @param ownerStrongOpinion an owner of the unit is marked as having strong opinions
 * @param openEscalations   requests escalated to a department still waiting for the answer to
 *                          the owner (follow-up neither closed nor replied)
 */
public record Visit(String no, String unitCode, String clusterCode, String ownerName,
        LocalDate visitedOn, String staffCode, String staffName, String kind, String topic,
        Integer satisfaction, String note, boolean strongOpinion, boolean keyCustomer,
        boolean ownerStrongOpinion, int requests, int openEscalations) {

    public static final List<String> KINDS = List.of("scheduled", "chance", "return");
}

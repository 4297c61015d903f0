package org.guanjia.workplan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An open issue or a notable event listed in a plan's draft.
 *
 * @param kind   followUp, complaint, arrears (open issues); strongOpinion, lawyerLetter,
 *               failedCheck (events) — label key plan.item.{kind}
 * @param ref    the record's number or unit code
 * @param place  unit or facility
 * @param date   when it was raised / happened (for arrears: the oldest due day)
 * @param text   a short description
 * @param amount money owed (arrears and lawyer letters), else null
 */
public record PlanItem(String kind, String ref, String place, LocalDate date, String text,
        BigDecimal amount) {
}

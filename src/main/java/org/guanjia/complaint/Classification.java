package org.guanjia.complaint;

/**
 * The butler's judgement: valid or not, the department and person responsible, the plan.
 *
 * @param department the responsible department's name as written on the form
 */
public record Classification(Boolean valid, String department, String responsiblePerson,
        String plan) {
}

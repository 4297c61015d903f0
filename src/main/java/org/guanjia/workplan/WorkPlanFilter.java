package org.guanjia.workplan;

/**
 * Which plans a list shows; null = any.
 *
 * @param kind      plan or summary
 * @param grain     week, month or year
 * @param status    draft, submitted, approved or returned
 * @param staffCode one butler
 * @param mine      only the signed-in butler's own plans
 */
public record WorkPlanFilter(String kind, String grain, String status, String staffCode,
        boolean mine) {

    public static final WorkPlanFilter ALL = new WorkPlanFilter(null, null, null, null, false);

    /** The supervisor's review queue: everything submitted. */
    public static final WorkPlanFilter TO_REVIEW = new WorkPlanFilter(null, null, "submitted",
            null, false);
}

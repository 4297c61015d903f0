package org.guanjia.patrol;

/**
 * A checklist item on a patrol with what was recorded for it.
 *
 * @param result ok, issue, not_applicable, or null while not yet checked
 */
public record PatrolCheck(ChecklistItem item, String result, String note) {

    public static final String OK = "ok";
    public static final String ISSUE = "issue";
    public static final String NOT_APPLICABLE = "not_applicable";

    public boolean isChecked() {
        return result != null;
    }
}

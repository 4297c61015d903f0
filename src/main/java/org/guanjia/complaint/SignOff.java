package org.guanjia.complaint;

import java.time.LocalDateTime;

/**
 * The owner's signature on the complaint record form and the return visit, which close the
 * complaint; a corrective action for the department is optional and, with a department code,
 * is raised as a follow-up to that department.
 *
 * @param returnVisitAt          empty = now
 * @param satisfaction           1–5
 * @param followUpDepartmentCode optional: department that must carry out the corrective action
 */
public record SignOff(Boolean ownerSigned, LocalDateTime returnVisitAt, Integer satisfaction,
        String correctiveAction, String followUpDepartmentCode) {
}

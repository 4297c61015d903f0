package org.guanjia.notice;

import java.time.LocalDate;

/**
 * One check of a facility: cleanliness, no damage, safe; a failed item raised a follow-up
 * ({@code followUpNo}: the engineering one when damage or safety failed, else the cleaning one).
 */
public record FacilityCheck(String no, String facilityCode, String facilityName, String clusterCode,
        LocalDate checkedOn, String staffCode, String staffName, Boolean cleanOk, Boolean undamagedOk,
        Boolean safeOk, String note, String followUpNo) {

    public boolean allOk() {
        return Boolean.TRUE.equals(cleanOk) && Boolean.TRUE.equals(undamagedOk) && Boolean.TRUE.equals(safeOk);
    }
}

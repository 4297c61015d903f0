package org.guanjia.base;

import java.time.LocalDate;
import java.util.Set;

/** Which clusters a staff member is assigned to on a day; implemented by the staff feature. */
public interface ButlerClusters {

    Set<String> clusterCodesOf(String staffCode, LocalDate day);
}

package org.guanjia.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * Arrears and aging as of a date: the total, one row per cluster in scope (also those without
 * arrears) and one row per accountable butler. Each cluster's figure counts once, under the
 * butler accountable for it on the day, so both lists add up to the total.
 */
public record ArrearsSummary(LocalDate asOf, Aging total, List<ClusterArrears> byCluster,
        List<ButlerArrears> byButler) {

    public ArrearsSummary {
        byCluster = List.copyOf(byCluster);
        byButler = List.copyOf(byButler);
    }

    /**
     * One cluster: its arrears, the butlers assigned to it on the day (names) and the one
     * accountable for its arrears (empty when no butler was assigned).
     */
    public record ClusterArrears(String clusterCode, String clusterName, String estateCode,
            List<String> butlers, String accountableStaffCode, Aging aging) {

        public ClusterArrears {
            butlers = List.copyOf(butlers);
        }
    }

    /** One butler (staffCode empty: clusters without a butler on the day) and their clusters. */
    public record ButlerArrears(String staffCode, String staffName, List<String> clusterCodes,
            Aging aging) {

        public ButlerArrears {
            clusterCodes = List.copyOf(clusterCodes);
        }
    }
}

package org.guanjia.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit made by appointment ahead (可提前預約時間): planned for a day, then recorded as done
 * (with the visit that carried it out) or cancelled.
 */
public record VisitPlan(String no, String unitCode, String clusterCode, String ownerName,
        LocalDate plannedOn, String staffCode, String staffName, String topic, String status,
        String visitNo, LocalDate cancelledOn, String note, boolean keyCustomer,
        boolean ownerStrongOpinion) {

    public static final List<String> STATUSES = List.of("planned", "done", "cancelled");

    public boolean isOpen() {
        return "planned".equals(status);
    }

    /** Still planned for a day that has passed. */
    public boolean overdue(LocalDate today) {
        return isOpen() && plannedOn.isBefore(today);
    }
}

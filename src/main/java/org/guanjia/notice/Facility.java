package org.guanjia.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * A recreation or sports facility (文体设施) of a cluster, with its latest check.
 *
 * @param lastCheckedOn the latest check's date, empty if never checked
 * @param lastCheckOk   whether the latest check found everything in order, empty if never checked
 */
public record Facility(String code, String clusterCode, String name, String kind, boolean active,
        LocalDate lastCheckedOn, Boolean lastCheckOk) {

    public static final List<String> KINDS = List.of("playground", "fitness", "sports_court",
            "swimming_pool", "activity_room", "other");
}

package org.guanjia.collection;

import static org.guanjia.billing.Allocator.CODE_POINT_ORDER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.collection.internal.CalendarRepository.Posting;

/**
 * Who calls which unit on a day. The assignments table gives butlers per cluster, not per
 * unit, and a cluster usually has two (the demo company's, like the rulebook's 篇2, "every
 * building has its butler"). So the cluster's buildings, in code order, go round-robin to the
 * butlers assigned to the cluster on that day, in staff-code order: with two butlers the 1st,
 * 3rd, 5th ... building is the first butler's, the others the second's. A building of a cluster
 * without a butler on the day has none (the "unassigned" list supervisors see).
 */
final class ButlerRoster {

    /** A butler on a list. */
    record Butler(String staffCode, String name) {
    }

    private final Map<String, Butler> byBuilding = new HashMap<>();

    ButlerRoster(List<Posting> postings, Map<String, String> clusterOfBuilding) {
        Map<String, List<Butler>> butlers = new HashMap<>();
        for (Posting p : postings) {
            List<Butler> list = butlers.computeIfAbsent(p.clusterCode(), c -> new ArrayList<>());
            if (list.stream().noneMatch(b -> b.staffCode().equals(p.staffCode()))) {
                list.add(new Butler(p.staffCode(), p.staffName()));
            }
        }
        butlers.values().forEach(l -> l.sort(Comparator.comparing(Butler::staffCode, CODE_POINT_ORDER)));
        Map<String, List<String>> buildings = new HashMap<>();
        clusterOfBuilding.forEach((b, c) -> buildings.computeIfAbsent(c, x -> new ArrayList<>()).add(b));
        buildings.forEach((cluster, codes) -> {
            List<Butler> team = butlers.getOrDefault(cluster, List.of());
            if (team.isEmpty()) {
                return;
            }
            codes.sort(CODE_POINT_ORDER);
            for (int i = 0; i < codes.size(); i++) {
                byBuilding.put(codes.get(i), team.get(i % team.size()));
            }
        });
    }

    Optional<Butler> butlerOf(String buildingCode) {
        return Optional.ofNullable(byBuilding.get(buildingCode));
    }
}

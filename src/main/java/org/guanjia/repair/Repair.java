package org.guanjia.repair;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A repair order (报修, rulebook 七) in a unit or, without a unit, the common area of a
 * building, and its return visit with the owner's three scores.
 *
 * @param status reported, assigned, completed or closed (return-visited)
 */
public record Repair(String no, String buildingCode, String unitCode, String clusterCode,
        String ownerName, LocalDateTime reportedAt, String category, String description,
        String status, String engineerCode, String engineerName, LocalDateTime assignedAt,
        Boolean butlerAccompanied, LocalDateTime completedAt, LocalDateTime returnVisitAt,
        String returnVisitBy, Integer scoreAttitude, Integer scoreQuality, Integer scoreEtiquette,
        String comment) {

    public static final List<String> STATUSES = List.of("reported", "assigned", "completed", "closed");
    public static final List<String> CATEGORIES = List.of("plumbing", "electrical", "door_window",
            "waterproofing", "wall_floor", "appliance", "drainage", "elevator", "lighting", "other");

    /** KPI.md: the mean of the scores present, none present = no score. */
    public BigDecimal score() {
        List<Integer> s = Stream.of(scoreAttitude, scoreQuality, scoreEtiquette).filter(Objects::nonNull).toList();
        if (s.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(s.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(s.size()), 2, RoundingMode.HALF_UP);
    }

    public boolean isCommonArea() {
        return unitCode == null;
    }
}

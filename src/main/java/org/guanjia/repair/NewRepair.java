package org.guanjia.repair;

import java.time.LocalDateTime;

/**
 * A repair as reported: in a unit, or (unit empty) in the common area of the building.
 *
 * @param reportedAt empty = now
 */
public record NewRepair(String unitCode, String buildingCode, LocalDateTime reportedAt,
        String category, String description) {
}

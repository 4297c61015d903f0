package org.guanjia.estate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit (户) in a building; {@code deliveredOn} empty while not yet handed over. */
public record Unit(String code, String buildingCode, Integer floor, String room, BigDecimal areaSqm,
        String unitType, LocalDate deliveredOn) {

    public static final java.util.List<String> TYPES =
            java.util.List.of("residential", "commercial", "parking", "storage");
}

package org.guanjia.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A building: floors x units per floor, one layout (area) per position on the floor. */
final class BuildingM {

    final String code;
    final String name;
    final int number;
    final ClusterM cluster;
    final int floors;
    final int perFloor;
    final BigDecimal[] areas;
    final LocalDate delivered;
    final String boardCode;

    BuildingM(String code, String name, int number, ClusterM cluster, int floors, int perFloor,
            BigDecimal[] areas, LocalDate delivered) {
        this.code = code;
        this.name = name;
        this.number = number;
        this.cluster = cluster;
        this.floors = floors;
        this.perFloor = perFloor;
        this.areas = areas;
        this.delivered = delivered;
        this.boardCode = "NB-" + code;
    }

    int unitCount() {
        return floors * perFloor;
    }
}

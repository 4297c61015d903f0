package org.guanjia.estate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit as listed: with its cluster and estate, status today and first owner's name. */
public record UnitRow(String code, String buildingCode, String clusterCode, String estateCode,
        Integer floor, String room, BigDecimal areaSqm, String unitType, LocalDate deliveredOn,
        String status, String ownerName) {

    public Unit unit() {
        return new Unit(code, buildingCode, floor, room, areaSqm, unitType, deliveredOn);
    }
}

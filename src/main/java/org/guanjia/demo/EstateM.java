package org.guanjia.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An estate of the demo. Established estates were delivered before the window and are mostly
 * occupied; new ones are delivered in waves during the window, so their vacancy falls.
 */
final class EstateM {

    final int index;
    final String code;
    final String name;
    final String city;
    final boolean established;
    /** Day the management contract started: first assignments and fee schedules. */
    final LocalDate opened;
    final BigDecimal propertyRate1;
    final BigDecimal propertyRate2;
    final List<ClusterM> clusters = new ArrayList<>();
    final List<BuildingM> buildings = new ArrayList<>();
    /** Staff of the estate's teams (engineering, security, cleaning). */
    final List<String> engineers = new ArrayList<>();
    final List<String> security = new ArrayList<>();
    final List<String> cleaning = new ArrayList<>();
    /** Monthly service-charge prepayment per m2 by calendar year (from the year's budget). */
    final java.util.Map<Integer, BigDecimal> prepaymentRates = new java.util.HashMap<>();
    /** Global ordinal of the estate's first unit. */
    int firstUnitOrdinal;

    EstateM(int index, String code, String name, String city, boolean established, LocalDate opened,
            BigDecimal propertyRate1, BigDecimal propertyRate2) {
        this.index = index;
        this.code = code;
        this.name = name;
        this.city = city;
        this.established = established;
        this.opened = opened;
        this.propertyRate1 = propertyRate1;
        this.propertyRate2 = propertyRate2;
    }

    int unitCount() {
        return buildings.stream().mapToInt(BuildingM::unitCount).sum();
    }
}

package org.guanjia;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.guanjia.base.Role;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;

/**
 * A small hand-made estate written through the services: estate {prefix}E with clusters
 * {prefix}C1 and {prefix}C2, one building each, two units per building, and a butler
 * {prefix}S1 assigned to {prefix}C1. Codes carry a prefix so tests sharing a context do not clash.
 */
public final class MasterDataFixtures {

    private MasterDataFixtures() {
    }

    public static void create(String p, EstateService estates, StaffService staff) {
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            estates.saveEstate(new Estate(p + "E", "Estate " + p, "Shenzhen", null, null), true);
            for (String c : new String[] {"C1", "C2"}) {
                estates.saveCluster(new Cluster(p + c, p + "E", "Cluster " + c), true);
                estates.saveBuilding(new Building(p + c + "-B1", p + c, "Building 1", 18), true);
                for (String room : new String[] {"0101", "0102"}) {
                    estates.saveUnit(new Unit(p + c + "-B1-" + room, p + c + "-B1", 1, room,
                            new BigDecimal("88.50"), "residential", LocalDate.of(2024, 1, 1)), true,
                            new UnitStatus(null, LocalDate.of(2024, 1, 1), "occupied", null));
                }
            }
            staff.saveStaff(new Staff(p + "S1", "Butler " + p, "butler", null, "13800000000", null, true),
                    true);
            staff.saveAssignment(new Assignment(p + "S1", p + "C1", LocalDate.of(2024, 1, 1), null), true);
        } finally {
            TestUsers.signOut();
        }
    }
}

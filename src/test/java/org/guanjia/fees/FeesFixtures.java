package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.user.User;
import org.guanjia.user.UserService;

/**
 * Fee fixtures on top of {@link org.guanjia.MasterDataFixtures}: a property-fee schedule for
 * the estate's residential units, extra units, and the butler's sign-in account (reviews name
 * their reviewer, a foreign key to app_users).
 */
final class FeesFixtures {

    private FeesFixtures() {
    }

    static FeeSchedule propertyFee(String p, FeeScheduleService schedules, String rate, LocalDate from) {
        return asFinance(() -> schedules.save(new FeeSchedule(p + "PF", p + "E", "residential",
                "property_fee", new BigDecimal(rate), from, null), true));
    }

    static void unit(String p, EstateService estates, String code, String cluster, String area,
            String type, LocalDate delivered) {
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            estates.saveUnit(new Unit(p + code, p + cluster + "-B1", 2, code, new BigDecimal(area), type,
                    delivered), true, null);
        } finally {
            TestUsers.signOut();
        }
    }

    /** The account of the fixture's butler {p}S1 (cluster {p}C1): user name {p}butler. */
    static String butlerAccount(String p, UserService users) {
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            users.saveUser(new User(p + "butler", "Butler " + p, Role.BUTLER, p + "S1", null, true, false,
                    null), "butler-password", true);
            users.saveUser(new User(p + "super", "Supervisor " + p, Role.SUPERVISOR, null, null, true,
                    false, null), "super-password", true);
        } finally {
            TestUsers.signOut();
        }
        return p + "butler";
    }

    static <T> T asFinance(java.util.function.Supplier<T> job) {
        TestUsers.signIn("finance1", Role.FINANCE, null);
        try {
            return job.get();
        } finally {
            TestUsers.signOut();
        }
    }
}

package org.guanjia.collection;

import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.STATEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.Building;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;

/**
 * A small estate for the collection tests, on top of {@link MasterDataFixtures}: cluster C1
 * with buildings B1 (units 0101, 0102) and B2 (unit 0101) and butlers S1 and S2, cluster C2
 * with building B1 (units 0101, 0102) and butler S3; one owner per unit. By the roster rule
 * S1 calls B1 of C1, S2 calls B2 of C1, S3 calls C2.
 */
public final class CollectionFixtures {

    public final String p;
    public final String c1;
    public final String c2;
    public final String u11;
    public final String u12;
    public final String u21;
    public final String u31;
    public final String u32;
    public final String s1;
    public final String s2;
    public final String s3;
    /** An engineering department for follow-ups. */
    public final String dept;
    private final DSLContext dsl;
    private final AllocationService allocations;

    public CollectionFixtures(String prefix, EstateService estates, StaffService staff, DSLContext dsl,
            AllocationService allocations) {
        this.p = prefix;
        this.dsl = dsl;
        this.allocations = allocations;
        c1 = p + "C1";
        c2 = p + "C2";
        u11 = p + "C1-B1-0101";
        u12 = p + "C1-B1-0102";
        u21 = p + "C1-B2-0101";
        u31 = p + "C2-B1-0101";
        u32 = p + "C2-B1-0102";
        s1 = p + "S1";
        s2 = p + "S2";
        s3 = p + "S3";
        dept = "D-ENG-" + p;
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            estates.saveBuilding(new Building(p + "C1-B2", c1, "Building 2", 12), true);
            estates.saveUnit(new Unit(u21, p + "C1-B2", 1, "0101", new BigDecimal("100.00"),
                    "residential", LocalDate.of(2024, 1, 1)), true,
                    new UnitStatus(null, LocalDate.of(2024, 1, 1), "occupied", null));
            staff.saveStaff(new Staff(s2, "Butler Two " + p, "butler", null, null, null, true), true);
            staff.saveStaff(new Staff(s3, "Butler Three " + p, "butler", null, null, null, true), true);
            staff.saveAssignment(new Assignment(s2, c1, LocalDate.of(2024, 1, 1), null), true);
            staff.saveAssignment(new Assignment(s3, c2, LocalDate.of(2024, 1, 1), null), true);
        } finally {
            TestUsers.signOut();
        }
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Engineering " + p, "engineering").execute();
        for (String u : units()) {
            dsl.insertInto(OWNERS, OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.PHONE,
                            OWNERS.MAILING_ADDRESS)
                    .values("O-" + u, u, "Owner " + u, "13900000000", "Mail box " + u).execute();
        }
    }

    public List<String> units() {
        return List.of(u11, u12, u21, u31, u32);
    }

    /** A statement of the period, issued on the 28th of the month before, due on its last day. */
    public String statement(String unit, String period, String amount) {
        YearMonth m = YearMonth.parse(period);
        String no = unit + "-" + period;
        dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                        STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .values(no, unit, period, new BigDecimal(amount), m.minusMonths(1).atDay(28),
                        m.atEndOfMonth())
                .execute();
        return no;
    }

    public void payment(String unit, String paidOn, String amount) {
        dsl.insertInto(PAYMENTS, PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                        PAYMENTS.AMOUNT, PAYMENTS.CHANNEL)
                .values(unit + "-P-" + paidOn, unit, LocalDate.parse(paidOn), new BigDecimal(amount),
                        "cash")
                .execute();
    }

    /** Stores the allocation of the fixture's units (as the system). */
    public void allocate() {
        CurrentUser.asSystem(() -> allocations.recompute(units()));
    }

    /**
     * Statements of April, May and June 2025 (100.00 each) for every unit; u11 pays April and
     * May on 10 May, u21 pays 150.00 on 10 May (April and half of May), the others nothing.
     */
    public void quarterTwo() {
        for (String u : units()) {
            for (String period : List.of("2025-04", "2025-05", "2025-06")) {
                statement(u, period, "100.00");
            }
        }
        payment(u11, "2025-05-10", "200.00");
        payment(u21, "2025-05-10", "150.00");
        allocate();
    }
}

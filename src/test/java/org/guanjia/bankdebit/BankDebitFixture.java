package org.guanjia.bankdebit;

import static org.guanjia.db.Tables.BANK_DEBIT_BATCHES;
import static org.guanjia.db.Tables.BANK_DEBIT_ENROLMENTS;
import static org.guanjia.db.Tables.BANK_DEBIT_IMPORTS;
import static org.guanjia.db.Tables.BANK_DEBIT_ITEMS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.jooq.DSLContext;

/**
 * A hand-made estate for bank-debit tests ({@link MasterDataFixtures}: clusters C1 and C2 with two
 * units each, butler S1 on C1; here also butler S2 on C2), with an owner per unit and, as of
 * Wednesday 2025-03-12:
 * <ul>
 * <li>U1 (C1): statements of 100.00 issued 2024-12-28, 2025-01-28, 2025-02-28, a payment of
 *     130.00 on 2025-01-10: owes 170.00; enrolled since 2025-01-01, account 6222 6000 1000 1234 567;</li>
 * <li>U2 (C1): 80.00 issued 2025-02-28, paid on 2025-03-01: owes nothing; enrolled;</li>
 * <li>U3 (C2): 90.50 issued 2025-02-28, unpaid; its enrolment ended on 2025-02-28;</li>
 * <li>U4 (C2): 50.00 issued 2025-01-28, paid on 2025-03-11, and 50.00 issued on 2025-03-28;
 *     enrolled since 2024-06-01.</li>
 * </ul>
 * Every run first empties the fee and bank-debit tables, so lists only see this estate.
 */
public final class BankDebitFixture {

    private final String p;

    private BankDebitFixture(String prefix) {
        this.p = prefix;
    }

    public String prefix() {
        return p;
    }

    /** Unit 1-4: C1-B1-0101, C1-B1-0102, C2-B1-0101, C2-B1-0102. */
    public String unit(int n) {
        return p + (n <= 2 ? "C1" : "C2") + "-B1-010" + (n % 2 == 1 ? "1" : "2");
    }

    public String owner(int n) {
        return p + "O" + n;
    }

    /** Butler 1 is on C1, butler 2 on C2. */
    public String butler(int n) {
        return p + "S" + n;
    }

    public static BankDebitFixture create(String p, DSLContext dsl, EstateService estates,
            StaffService staff, BankDebitService service, AllocationService allocations) {
        clean(dsl);
        MasterDataFixtures.create(p, estates, staff);
        BankDebitFixture f = new BankDebitFixture(p);
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        try {
            staff.saveStaff(new Staff(p + "S2", "Butler two " + p, "butler", null, "13900000000", null,
                    true), true);
            staff.saveAssignment(new Assignment(p + "S2", p + "C2", LocalDate.of(2024, 1, 1), null), true);
            for (int n = 1; n <= 4; n++) {
                estates.saveOwner(new Owner(f.owner(n), f.unit(n), "Owner " + n, "1380000000" + n,
                        false, false, null, false, LocalDate.of(2024, 1, 1)), true);
            }
            f.statement(dsl, "S1", 1, "2025-01", "100.00", "2024-12-28");
            f.statement(dsl, "S2", 1, "2025-02", "100.00", "2025-01-28");
            f.statement(dsl, "S3", 1, "2025-03", "100.00", "2025-02-28");
            f.payment(dsl, "P1", 1, "130.00", "2025-01-10");
            f.statement(dsl, "S4", 2, "2025-03", "80.00", "2025-02-28");
            f.payment(dsl, "P2", 2, "80.00", "2025-03-01");
            f.statement(dsl, "S5", 3, "2025-03", "90.50", "2025-02-28");
            f.statement(dsl, "S6", 4, "2025-02", "50.00", "2025-01-28");
            f.payment(dsl, "P3", 4, "50.00", "2025-03-11");
            f.statement(dsl, "S7", 4, "2025-04", "50.00", "2025-03-28");
            allocations.recompute(List.of(f.unit(1), f.unit(2), f.unit(3), f.unit(4)));
            service.saveEnrolment(null, new EnrolmentForm(f.owner(1), "交通银行", "Holder One",
                    "6222 6000 1000 1234 567", LocalDate.of(2025, 1, 1), null, null));
            service.saveEnrolment(null, new EnrolmentForm(f.owner(2), "交通银行", "Owner 2",
                    "6222600010002222", LocalDate.of(2025, 1, 1), null, null));
            service.saveEnrolment(null, new EnrolmentForm(f.owner(3), "交通银行", "Owner 3",
                    "6222600010003333", LocalDate.of(2024, 6, 1), LocalDate.of(2025, 2, 28), null));
            service.saveEnrolment(null, new EnrolmentForm(f.owner(4), "交通银行", "Owner 4",
                    "6222600010004444", LocalDate.of(2024, 6, 1), null, "salary account"));
        } finally {
            TestUsers.signOut();
        }
        return f;
    }

    /** Empties the tables lists and call lists read, children first. */
    static void clean(DSLContext dsl) {
        dsl.deleteFrom(BANK_DEBIT_IMPORTS).execute();
        dsl.deleteFrom(BANK_DEBIT_ITEMS).execute();
        dsl.deleteFrom(BANK_DEBIT_BATCHES).execute();
        dsl.deleteFrom(BANK_DEBIT_ENROLMENTS).execute();
        dsl.deleteFrom(COLLECTION_ACTIONS).execute();
        dsl.deleteFrom(PAYMENT_ALLOCATIONS).execute();
        dsl.deleteFrom(UNIT_CREDITS).execute();
        dsl.deleteFrom(PAYMENTS).execute();
        dsl.deleteFrom(STATEMENTS).execute();
    }

    /** Sets an owner's name as it would come from the owners' import. */
    public void renameOwner(int n, String name, DSLContext dsl) {
        dsl.update(OWNERS).set(OWNERS.NAME, name).where(OWNERS.OWNER_CODE.eq(owner(n))).execute();
    }

    private void statement(DSLContext dsl, String no, int unit, String period, String amount,
            String issued) {
        LocalDate issuedOn = LocalDate.parse(issued);
        dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                        STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .values(p + no, unit(unit), period, new BigDecimal(amount), issuedOn,
                        java.time.YearMonth.parse(period).atEndOfMonth())
                .execute();
    }

    private void payment(DSLContext dsl, String no, int unit, String amount, String paidOn) {
        dsl.insertInto(PAYMENTS, PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                        PAYMENTS.AMOUNT, PAYMENTS.CHANNEL)
                .values(p + no, unit(unit), LocalDate.parse(paidOn), new BigDecimal(amount), "cash")
                .execute();
    }
}

package org.guanjia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Service tests of payments, statements and arrears: a fresh hand-made estate per test
 * ({@link MasterDataFixtures}, prefix {@link #p}), every record written through the services
 * with the {@link TestClock} standing on the record's own day.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class BillingServiceTestBase {

    @Autowired
    TestClock clock;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    PaymentService payments;
    @Autowired
    LedgerService ledgers;
    @Autowired
    ArrearsService arrears;

    /** The prefix of this test's estate: clusters {p}C1 and {p}C2, units {p}C1-B1-0101, … */
    String p;

    @BeforeEach
    void givenAnEstate() {
        p = "B" + UUID.randomUUID().toString().substring(0, 6) + "-";
        clock.set(LocalDate.of(2025, 1, 1));
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    String unit(String cluster, String room) {
        return p + cluster + "-B1-" + room;
    }

    /** Issues a statement on {@code issuedOn}, due on {@code dueOn}, for the month of {@code dueOn}. */
    String statement(String unit, String amount, LocalDate issuedOn, LocalDate dueOn) {
        return statement(unit, YearMonth.from(dueOn).toString(), amount, issuedOn, dueOn, null);
    }

    String statement(String unit, String period, String amount, LocalDate issuedOn,
            LocalDate dueOn, String corrects) {
        clock.set(issuedOn);
        return ledgers.issueStatement(new CorrectionStatement(unit, period, "property_fee",
                new BigDecimal(amount), dueOn, corrects)).statementNo();
    }

    /** Records a payment on its own day. */
    String pay(String unit, LocalDate paidOn, String amount, String statementNo) {
        clock.set(paidOn);
        return payments.record(new NewPayment(unit, paidOn, new BigDecimal(amount), "transfer",
                statementNo, null)).paymentNo();
    }

    UnitAccount account(String unit, LocalDate asOf) {
        return ledgers.account(unit, asOf).orElseThrow();
    }

    LedgerLine line(UnitAccount account, String statementNo) {
        return account.statements().stream().filter(l -> l.statementNo().equals(statementNo))
                .findFirst().orElseThrow();
    }

    static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2);
    }

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}

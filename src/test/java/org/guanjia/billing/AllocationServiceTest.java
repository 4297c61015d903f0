package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.guanjia.base.WriteConflictRetry;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = {
        "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}.duckdb",
        "guanjia.demo=false",
        "guanjia.admin-password=test-admin-password"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AllocationServiceTest {

    @Autowired
    AllocationService service;

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Unit U-1: January and February statements, a payment on 15 January larger than January
     * (the rest is credit for February), a payment in February and a voided payment.
     * Unit U-2: one advance payment, no statement. Unit U-3: nothing.
     */
    @BeforeEach
    void signInAsFinance() {
        org.guanjia.TestUsers.signIn("finance1", org.guanjia.base.Role.FINANCE, null);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.guanjia.TestUsers.signOut();
    }

    @BeforeEach
    void given_two_units_with_statements_and_payments() {
        dsl.deleteFrom(PAYMENT_ALLOCATIONS).execute();
        dsl.deleteFrom(UNIT_CREDITS).execute();
        dsl.deleteFrom(PAYMENTS).execute();
        dsl.deleteFrom(STATEMENTS).execute();
        if (!dsl.fetchExists(ESTATES, ESTATES.ESTATE_CODE.eq("E-T"))) {
            dsl.insertInto(ESTATES, ESTATES.ESTATE_CODE, ESTATES.NAME).values("E-T", "Test").execute();
            dsl.insertInto(CLUSTERS, CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE, CLUSTERS.NAME)
                    .values("C-T", "E-T", "Test cluster").execute();
            dsl.insertInto(BUILDINGS, BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE, BUILDINGS.NAME)
                    .values("B-T", "C-T", "Test building").execute();
            for (String unit : List.of("U-1", "U-2", "U-3")) {
                dsl.insertInto(UNITS, UNITS.UNIT_CODE, UNITS.BUILDING_CODE, UNITS.AREA_SQM)
                        .values(unit, "B-T", new BigDecimal("88.50")).execute();
            }
        }
        statement("S-1", "U-1", "2024-01", "100.00", "2024-01-01");
        statement("S-2", "U-1", "2024-02", "100.00", "2024-02-01");
        payment("P-1", "U-1", "2024-01-15", "150.00", null, null);
        payment("P-2", "U-1", "2024-02-10", "30.00", "S-2", null);
        payment("P-9", "U-1", "2024-02-11", "500.00", null, "2024-02-12");
        payment("P-3", "U-2", "2024-01-20", "80.00", null, null);
    }

    @Test
    void recompute_stores_the_allocation_rows_of_each_unit() {
        Recomputed r = service.recompute(List.of("U-1", "U-2"));

        assertThat(r.allocations()).isEqualTo(3);
        assertThat(storedAllocations()).extracting(Record5::intoArray).containsExactly(
                new Object[] {"U-1", "S-1", "P-1", date("2024-01-15"), money("100.00")},
                new Object[] {"U-1", "S-2", "P-1", date("2024-02-01"), money("50.00")},
                new Object[] {"U-1", "S-2", "P-2", date("2024-02-10"), money("30.00")});
    }

    @Test
    void recompute_stores_each_units_credit_with_the_date_of_its_last_event_voids_left_out() {
        service.recompute(List.of("U-1", "U-2"));

        assertThat(dsl.selectFrom(UNIT_CREDITS).orderBy(UNIT_CREDITS.UNIT_CODE).fetch())
                .extracting(c -> c.getUnitCode(), c -> c.getCredit(), c -> c.getAsOf())
                .containsExactly(
                        tuple("U-1", money("0.00"), date("2024-02-10")),
                        tuple("U-2", money("80.00"), date("2024-01-20")));
    }

    @Test
    void recompute_twice_gives_the_same_rows() {
        service.recompute(List.of("U-1", "U-2"));
        Set<List<Object>> first = storedAllocationSet();

        service.recompute(List.of("U-1", "U-2"));

        assertThat(storedAllocationSet()).isEqualTo(first);
        assertThat(dsl.fetchCount(PAYMENT_ALLOCATIONS)).isEqualTo(3);
        assertThat(dsl.fetchCount(UNIT_CREDITS)).isEqualTo(2);
    }

    @Test
    void changing_a_payment_and_recomputing_changes_the_rows() {
        service.recompute(List.of("U-1", "U-2"));

        dsl.update(PAYMENTS).set(PAYMENTS.AMOUNT, new BigDecimal("90.00"))
                .where(PAYMENTS.PAYMENT_NO.eq("P-1")).execute();
        service.recompute(List.of("U-1"));

        // P-1 no longer covers January and leaves no credit for February; P-2 names February
        assertThat(storedAllocations()).extracting(Record5::intoArray).containsExactly(
                new Object[] {"U-1", "S-1", "P-1", date("2024-01-15"), money("90.00")},
                new Object[] {"U-1", "S-2", "P-2", date("2024-02-10"), money("30.00")});
    }

    @Test
    void recompute_without_changes_rewrites_no_row() {
        service.recompute(List.of("U-1", "U-2"));
        var before = dsl.select(PAYMENT_ALLOCATIONS.ID, PAYMENT_ALLOCATIONS.UPDATED_AT)
                .from(PAYMENT_ALLOCATIONS).orderBy(PAYMENT_ALLOCATIONS.ID).fetch();

        service.recompute(List.of("U-1", "U-2"));

        assertThat(dsl.select(PAYMENT_ALLOCATIONS.ID, PAYMENT_ALLOCATIONS.UPDATED_AT)
                .from(PAYMENT_ALLOCATIONS).orderBy(PAYMENT_ALLOCATIONS.ID).fetch())
                .isEqualTo(before);
    }

    /**
     * Two replays of one unit in overlapping transactions must conflict even when neither changes
     * a row: each computed its rows without the other's payments in view (two payments saved at
     * once), and only a conflict makes one of them run again (base.WriteConflictRetry). DuckDB
     * 2.0 lets an update that leaves the value as it was ({@code set credit = credit}) pass
     * without a conflict, so the touch counts the replays ({@code unit_credits.replays}, V029).
     */
    @Test
    void two_replays_of_one_unit_at_once_conflict_even_when_nothing_changes() throws Exception {
        service.recompute(List.of("U-1"));
        long replays = dsl.select(UNIT_CREDITS.REPLAYS).from(UNIT_CREDITS)
                .where(UNIT_CREDITS.UNIT_CODE.eq("U-1")).fetchOne(UNIT_CREDITS.REPLAYS);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicReference<Throwable> second = new AtomicReference<>();
        Thread other = new Thread(() -> {
            org.guanjia.TestUsers.signIn("finance1", org.guanjia.base.Role.FINANCE, null);
            try {
                firstWrote.await();
                tx.executeWithoutResult(s -> service.recompute(List.of("U-1")));
            } catch (Throwable e) {
                second.set(e);
            } finally {
                secondDone.countDown();
            }
        });
        other.start();
        tx.executeWithoutResult(s -> {
            service.recompute(List.of("U-1"));
            firstWrote.countDown();
            try {
                assertThat(secondDone.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        other.join(30_000);
        assertThat(second.get()).as("the second replay").isNotNull()
                .satisfies(e -> assertThat(WriteConflictRetry.isConflict(e)).as(e.toString()).isTrue());
        assertThat(dsl.select(UNIT_CREDITS.REPLAYS).from(UNIT_CREDITS)
                .where(UNIT_CREDITS.UNIT_CODE.eq("U-1")).fetchOne(UNIT_CREDITS.REPLAYS))
                .isEqualTo(replays + 1);
        // the pooled connections are fine afterwards: a replay in a new transaction goes through
        service.recompute(List.of("U-1", "U-2"));
        assertThat(dsl.fetchCount(UNIT_CREDITS)).isEqualTo(2);
    }

    @Test
    void recompute_removes_rows_that_no_longer_result_from_the_replay() {
        service.recompute(List.of("U-1", "U-2"));
        dsl.insertInto(PAYMENT_ALLOCATIONS, PAYMENT_ALLOCATIONS.UNIT_CODE,
                        PAYMENT_ALLOCATIONS.STATEMENT_NO, PAYMENT_ALLOCATIONS.ALLOCATED_ON,
                        PAYMENT_ALLOCATIONS.AMOUNT)
                .values("U-1", "S-2", date("2024-02-01"), new BigDecimal("5.00")).execute();
        dsl.deleteFrom(PAYMENTS).where(PAYMENTS.PAYMENT_NO.eq("P-3")).execute();

        service.recompute(List.of("U-1", "U-2"));

        assertThat(dsl.fetchCount(PAYMENT_ALLOCATIONS)).isEqualTo(3);
        assertThat(dsl.select(UNIT_CREDITS.UNIT_CODE).from(UNIT_CREDITS).fetch(UNIT_CREDITS.UNIT_CODE))
                .containsExactly("U-1");
    }

    @Test
    void recompute_leaves_other_units_alone() {
        service.recompute(List.of("U-1", "U-2"));
        dsl.update(PAYMENTS).set(PAYMENTS.AMOUNT, new BigDecimal("10.00"))
                .where(PAYMENTS.PAYMENT_NO.eq("P-3")).execute();

        service.recompute(List.of("U-1"));

        assertThat(dsl.select(UNIT_CREDITS.CREDIT).from(UNIT_CREDITS)
                .where(UNIT_CREDITS.UNIT_CODE.eq("U-2")).fetchOne(UNIT_CREDITS.CREDIT))
                .isEqualTo(money("80.00"));
    }

    @Test
    void recompute_all_covers_every_unit_with_statements_or_payments() {
        Recomputed r = service.recomputeAll();

        assertThat(r.units()).isEqualTo(2);
        assertThat(r.credit()).isEqualTo(money("80.00"));
        assertThat(dsl.select(UNIT_CREDITS.UNIT_CODE).from(UNIT_CREDITS)
                .orderBy(UNIT_CREDITS.UNIT_CODE).fetch(UNIT_CREDITS.UNIT_CODE))
                .containsExactly("U-1", "U-2");
    }

    @Test
    void ledger_shows_collected_and_outstanding_as_of_a_date() {
        service.recompute(List.of("U-1"));

        Ledger jan = service.ledger("U-1", date("2024-01-31")).orElseThrow();
        Ledger feb = service.ledger("U-1", date("2024-02-28")).orElseThrow();

        assertThat(jan.statements()).extracting(LedgerLine::statementNo, LedgerLine::collected,
                LedgerLine::outstanding).containsExactly(tuple("S-1", money("100.00"), money("0.00")));
        assertThat(jan.credit()).isEqualTo(money("50.00"));
        assertThat(feb.statements()).extracting(LedgerLine::statementNo, LedgerLine::collected,
                LedgerLine::outstanding).containsExactly(
                        tuple("S-1", money("100.00"), money("0.00")),
                        tuple("S-2", money("80.00"), money("20.00")));
        assertThat(feb.credit()).isEqualTo(money("0.00"));
        assertThat(feb.outstanding()).isEqualTo(money("20.00"));
    }

    @Test
    void ledger_of_an_unknown_unit_is_empty() {
        assertThat(service.ledger("NO-SUCH-UNIT", date("2024-12-31"))).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------

    private Result<Record5<String, String, String, LocalDate, BigDecimal>> storedAllocations() {
        return dsl.select(PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        PAYMENT_ALLOCATIONS.PAYMENT_NO, PAYMENT_ALLOCATIONS.ALLOCATED_ON,
                        PAYMENT_ALLOCATIONS.AMOUNT)
                .from(PAYMENT_ALLOCATIONS)
                .orderBy(PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        PAYMENT_ALLOCATIONS.PAYMENT_NO)
                .fetch();
    }

    private Set<List<Object>> storedAllocationSet() {
        return Set.copyOf(storedAllocations().map(r -> List.of(r.intoArray())));
    }

    private void statement(String no, String unit, String period, String amount, String issuedOn) {
        LocalDate issued = date(issuedOn);
        dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                        STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .values(no, unit, period, new BigDecimal(amount), issued,
                        issued.withDayOfMonth(issued.lengthOfMonth()))
                .execute();
    }

    private void payment(String no, String unit, String paidOn, String amount, String statementNo,
            String voidedOn) {
        dsl.insertInto(PAYMENTS, PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                        PAYMENTS.AMOUNT, PAYMENTS.STATEMENT_NO, PAYMENTS.VOIDED_ON)
                .values(no, unit, date(paidOn), new BigDecimal(amount), statementNo,
                        voidedOn == null ? null : date(voidedOn))
                .execute();
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2);
    }

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}

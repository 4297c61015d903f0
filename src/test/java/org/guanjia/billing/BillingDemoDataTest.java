package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.TestUsers;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.ui.KaribuTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The money invariants and the arrears figures on the demo company (the demo-mode context of
 * DemoModeTest, scale 0.05): every paid cent is allocated or credit, per unit and overall, no
 * statement is over-paid, and the arrears of the service agree with KPI.md computed here
 * independently, statement by statement.
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class BillingDemoDataTest extends KaribuTest {

    private static final Logger log = LoggerFactory.getLogger(BillingDemoDataTest.class);

    @Autowired
    DSLContext dsl;
    @Autowired
    ArrearsService arrears;
    @Autowired
    PaymentService payments;
    @Autowired
    LedgerService ledgers;
    @Autowired
    Clock clock;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void every_paid_cent_is_allocated_or_credit_per_unit_and_overall() {
        assertMoneyReconciles();
    }

    @Test
    void a_payment_and_its_reversal_keep_the_books_balanced_and_move_the_arrears() {
        LocalDate today = LocalDate.now(clock);
        Household worst = arrears.households(ArrearsFilter.asOf(today), Page.first(1), List.of())
                .get(0);
        BigDecimal before = worst.aging().arrears();
        BigDecimal owedBefore = ledgers.account(worst.unitCode(), today).orElseThrow().outstanding();

        Payment paid = payments.record(new NewPayment(worst.unitCode(), today,
                new BigDecimal("100.00"), "cash", null, "test"));

        // oldest first: the money goes to the oldest months, which are the overdue ones
        assertThat(ledgers.account(worst.unitCode(), today).orElseThrow().outstanding())
                .isEqualTo(owedBefore.subtract(new BigDecimal("100.00")));
        assertThat(arrears.ofUnit(worst.unitCode(), today).arrears()).isLessThan(before);
        assertMoneyReconciles();

        payments.reverse(paid.paymentNo(), "test over");

        assertThat(arrears.ofUnit(worst.unitCode(), today).arrears()).isEqualTo(before);
        assertMoneyReconciles();
    }

    @Test
    void arrears_agree_with_kpi_md_computed_statement_by_statement_on_several_days() {
        LocalDate today = LocalDate.now(clock);
        for (LocalDate d : List.of(today, today.minusDays(45), today.minusYears(1).withDayOfMonth(1))) {
            long start = System.nanoTime();
            ArrearsSummary s = arrears.summary(ArrearsFilter.asOf(d));
            List<Household> all = arrears.households(ArrearsFilter.asOf(d), Page.first(100_000),
                    List.of());
            log.info("Arrears as of {}: {} in {} households ({} ms for summary and list)", d,
                    s.total().arrears(), all.size(), (System.nanoTime() - start) / 1_000_000);

            Map<String, BigDecimal> expected = kpiArrearsByUnit(d);
            assertThat(s.total().arrears()).isEqualByComparingTo(expected.values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(s.total().households()).isEqualTo(expected.size())
                    .isEqualTo(arrears.countHouseholds(ArrearsFilter.asOf(d))).isPositive();
            Map<String, BigDecimal> listed = new HashMap<>();
            all.forEach(h -> listed.put(h.unitCode(), h.aging().arrears()));
            assertThat(listed).isEqualTo(expected);
            assertThat(s.byCluster().stream().map(ArrearsSummary.ClusterArrears::aging)
                    .reduce(Aging.NONE, Aging::plus)).isEqualTo(s.total());
            assertThat(s.byButler().stream().map(ArrearsSummary.ButlerArrears::aging)
                    .reduce(Aging.NONE, Aging::plus)).isEqualTo(s.total());
            Aging t = s.total();
            assertThat(t.days1to30().add(t.days31to90()).add(t.days91to180())
                    .add(t.days181to365()).add(t.over365())).isEqualTo(t.arrears());
        }
    }

    /** KPI.md, one statement at a time: amount minus its allocations dated by D, if due before D. */
    private Map<String, BigDecimal> kpiArrearsByUnit(LocalDate d) {
        Map<String, BigDecimal> collected = new HashMap<>();
        dsl.select(PAYMENT_ALLOCATIONS.STATEMENT_NO, PAYMENT_ALLOCATIONS.AMOUNT,
                        PAYMENT_ALLOCATIONS.ALLOCATED_ON)
                .from(PAYMENT_ALLOCATIONS)
                .forEach(r -> {
                    if (!r.value3().isAfter(d)) {
                        collected.merge(r.value1(), r.value2(), BigDecimal::add);
                    }
                });
        Map<String, BigDecimal> byUnit = new HashMap<>();
        dsl.select(STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.AMOUNT,
                        STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .from(STATEMENTS)
                .forEach(r -> {
                    if (!r.value4().isAfter(d) && r.value5().isBefore(d)) {
                        BigDecimal owed = r.value3().subtract(
                                collected.getOrDefault(r.value1(), BigDecimal.ZERO));
                        if (owed.signum() > 0) {
                            byUnit.merge(r.value2(), owed, BigDecimal::add);
                        }
                    }
                });
        return byUnit;
    }

    private void assertMoneyReconciles() {
        Map<String, BigDecimal> paid = dsl.select(PAYMENTS.UNIT_CODE, DSL.sum(PAYMENTS.AMOUNT))
                .from(PAYMENTS).where(PAYMENTS.VOIDED_ON.isNull()).groupBy(PAYMENTS.UNIT_CODE)
                .fetchMap(r -> r.value1(), r -> r.value2());
        Map<String, BigDecimal> allocated = dsl.select(PAYMENT_ALLOCATIONS.UNIT_CODE,
                        DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT))
                .from(PAYMENT_ALLOCATIONS).where(PAYMENT_ALLOCATIONS.PAYMENT_NO.isNotNull())
                .groupBy(PAYMENT_ALLOCATIONS.UNIT_CODE)
                .fetchMap(r -> r.value1(), r -> r.value2());
        Map<String, BigDecimal> credit = dsl.select(UNIT_CREDITS.UNIT_CODE, UNIT_CREDITS.CREDIT)
                .from(UNIT_CREDITS).fetchMap(r -> r.value1(), r -> r.value2());
        assertThat(paid).isNotEmpty();
        BigDecimal totalPaid = BigDecimal.ZERO;
        BigDecimal totalBooked = BigDecimal.ZERO;
        for (String unit : union(paid, allocated, credit)) {
            BigDecimal p = paid.getOrDefault(unit, BigDecimal.ZERO);
            BigDecimal booked = allocated.getOrDefault(unit, BigDecimal.ZERO)
                    .add(credit.getOrDefault(unit, BigDecimal.ZERO));
            assertThat(booked).as("allocated + credit of " + unit).isEqualByComparingTo(p);
            totalPaid = totalPaid.add(p);
            totalBooked = totalBooked.add(booked);
        }
        assertThat(totalBooked).isEqualByComparingTo(totalPaid).isPositive();
        // every allocation row names a payment that was not reversed
        assertThat(dsl.fetchCount(PAYMENT_ALLOCATIONS, PAYMENT_ALLOCATIONS.PAYMENT_NO.isNull()))
                .isZero();
        assertThat(dsl.fetchCount(dsl.selectOne().from(PAYMENT_ALLOCATIONS)
                .join(PAYMENTS).on(PAYMENTS.PAYMENT_NO.eq(PAYMENT_ALLOCATIONS.PAYMENT_NO))
                .where(PAYMENTS.VOIDED_ON.isNotNull()))).isZero();
        // no statement gets more than its amount
        assertThat(dsl.fetchCount(dsl.select(STATEMENTS.STATEMENT_NO).from(STATEMENTS)
                .join(PAYMENT_ALLOCATIONS).on(PAYMENT_ALLOCATIONS.STATEMENT_NO.eq(STATEMENTS.STATEMENT_NO))
                .groupBy(STATEMENTS.STATEMENT_NO, STATEMENTS.AMOUNT)
                .having(DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT).gt(STATEMENTS.AMOUNT)))).isZero();
    }

    @SafeVarargs
    private static java.util.Set<String> union(Map<String, BigDecimal>... maps) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Map<String, BigDecimal> m : maps) {
            keys.addAll(m.keySet());
        }
        return keys;
    }
}

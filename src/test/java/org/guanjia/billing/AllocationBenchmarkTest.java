package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNIT_CREDITS;

import java.math.BigDecimal;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * recomputeAll at demo scale: 2,000 units x 36 monthly statements (72,000) and 70,000
 * payments. Off by default (about a minute with the fixture); run with
 * {@code mvn -o -B test -Dtest=AllocationBenchmarkTest -Dguanjia.benchmark=true -DskipITs}.
 * The surefire "benchmark" tag exclusion is fixed in the pom, hence the system property.
 */
@SpringBootTest(properties = {
        "guanjia.db-path=${java.io.tmpdir}/guanjia-bench-${random.uuid}.duckdb",
        "guanjia.demo=false",
        "guanjia.admin-password=test-admin-password",
        "logging.level.org.guanjia.billing=debug"})
@EnabledIfSystemProperty(named = "guanjia.benchmark", matches = "true")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AllocationBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(AllocationBenchmarkTest.class);

    @Autowired
    AllocationService service;

    @Autowired
    DSLContext dsl;

    @Test
    void recompute_all_of_two_thousand_units_over_three_years_is_fast_and_balances() {
        givenTwoThousandUnitsWithThreeYearsOfFees();

        long[] millis = new long[3];
        Recomputed r = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            r = service.recomputeAll();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        log.info("recomputeAll of {} units, {} allocation rows: {} ms, {} ms, {} ms", r.units(),
                r.allocations(), millis[0], millis[1], millis[2]);

        long newMonth = timed(() -> {
            // the next month: a statement and a payment for every unit
            dsl.execute("""
                    insert into statements (statement_no, unit_code, period, amount, issued_on,
                                            due_on)
                    select 'S-' || lpad(i::varchar, 4, '0') || '-36', 'BU-' || lpad(i::varchar, 4, '0'),
                           '2025-01', 120.00, date '2025-01-01', date '2025-01-31'
                    from range(2000) t(i)""");
            dsl.execute("""
                    insert into payments (payment_no, unit_code, paid_on, amount)
                    select 'P-' || lpad(i::varchar, 4, '0') || '-35', 'BU-' || lpad(i::varchar, 4, '0'),
                           date '2025-01-20', 120.00
                    from range(2000) t(i)""");
        });
        long allChanged = timed(() -> dsl.execute("update payments set amount = amount + 1"));
        log.info("recomputeAll after a new month: {} ms; after every payment changed: {} ms",
                newMonth, allChanged);

        // every paid cent is either allocated or credit, and no statement is over-paid
        BigDecimal paid = dsl.select(DSL.sum(PAYMENTS.AMOUNT)).from(PAYMENTS)
                .where(PAYMENTS.VOIDED_ON.isNull()).fetchOne(0, BigDecimal.class);
        BigDecimal allocated = dsl.select(DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT))
                .from(PAYMENT_ALLOCATIONS).fetchOne(0, BigDecimal.class);
        BigDecimal credit = dsl.select(DSL.sum(UNIT_CREDITS.CREDIT)).from(UNIT_CREDITS)
                .fetchOne(0, BigDecimal.class);
        int overpaid = dsl.fetchCount(dsl.select(STATEMENTS.STATEMENT_NO).from(STATEMENTS)
                .join(PAYMENT_ALLOCATIONS)
                .on(PAYMENT_ALLOCATIONS.STATEMENT_NO.eq(STATEMENTS.STATEMENT_NO))
                .groupBy(STATEMENTS.STATEMENT_NO, STATEMENTS.AMOUNT)
                .having(DSL.sum(PAYMENT_ALLOCATIONS.AMOUNT).gt(STATEMENTS.AMOUNT)));

        assertThat(r.units()).isEqualTo(2000);
        assertThat(dsl.fetchCount(UNIT_CREDITS)).isEqualTo(2000);
        assertThat(allocated.add(credit)).isEqualByComparingTo(paid);
        assertThat(overpaid).isZero();
        assertThat(millis[millis.length - 1]).isLessThan(5_000);
    }

    /** Applies a change, then times recomputeAll. */
    private long timed(Runnable change) {
        change.run();
        long start = System.nanoTime();
        service.recomputeAll();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Fixture written by DuckDB itself (fixed SQL, no input): the point is to time the reads. */
    private void givenTwoThousandUnitsWithThreeYearsOfFees() {
        dsl.execute("insert into estates (estate_code, name) values ('BE', 'Bench')");
        dsl.execute("insert into clusters (cluster_code, estate_code, name) values ('BC', 'BE', 'Bench')");
        dsl.execute("""
                insert into buildings (building_code, cluster_code, name)
                select 'BB-' || i, 'BC', 'Building ' || i from range(20) t(i)""");
        dsl.execute("""
                insert into units (unit_code, building_code, area_sqm)
                select 'BU-' || lpad(i::varchar, 4, '0'), 'BB-' || (i % 20), 80.00
                from range(2000) t(i)""");
        dsl.execute("""
                insert into statements (statement_no, unit_code, period, amount, issued_on, due_on)
                select 'S-' || lpad(i::varchar, 4, '0') || '-' || lpad(m::varchar, 2, '0'),
                       'BU-' || lpad(i::varchar, 4, '0'),
                       strftime(date '2022-01-01' + to_months(m::integer), '%Y-%m'),
                       (100 + i % 200 + 0.5)::decimal(14,2),
                       (date '2022-01-01' + to_months(m::integer))::date,
                       last_day(date '2022-01-01' + to_months(m::integer))
                from range(2000) t(i), range(36) s(m)""");
        // a mix of part, exact, over- and double payments, a third naming their statement,
        // paid 0-44 days after the month's statement, and 1 in 50 voided
        dsl.execute("""
                insert into payments (payment_no, unit_code, paid_on, amount, statement_no,
                                      voided_on)
                select 'P-' || lpad(i::varchar, 4, '0') || '-' || lpad(k::varchar, 2, '0'),
                       'BU-' || lpad(i::varchar, 4, '0'),
                       (date '2022-01-01' + to_months(k::integer)
                           + to_days(((i * 7 + k * 13) % 45)::integer))::date,
                       ((100 + i % 200 + 0.5) * case (i + k) % 5 when 0 then 0.5 when 3 then 1.5
                           when 4 then 2 else 1 end)::decimal(14,2),
                       case when (i + k) % 3 = 0
                           then 'S-' || lpad(i::varchar, 4, '0') || '-' || lpad(k::varchar, 2, '0')
                       end,
                       case when (i + k) % 50 = 7 then date '2025-01-01' end
                from range(2000) t(i), range(35) s(k)""");
    }
}

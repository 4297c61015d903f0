package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one-pass allocation of new units (an import's path, which numbers the codes in the
 * database) against the per-unit replay of {@link AllocationService#recompute}: the same rows in
 * the same order and the same credits, on random units with the edge cases of KPI.md (targeted
 * payments, targets of another unit or issued later, advance payments, voids, several events on
 * one day) and codes whose order differs between UTF-16 and code points.
 */
@SpringBootTest(properties = {
        "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}.duckdb",
        "guanjia.demo=false",
        "guanjia.admin-password=test-admin-password"})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FreshAllocationTest {

    /** Code prefixes: a supplementary character sorts after U+E000..U+FFFF by code point. */
    private static final String[] PREFIXES = {"S", "S-1", "S-10", "S\uFF21", "S\uD83D\uDE00", "s", "S-2"};

    @Autowired
    AllocationService service;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_one_pass_gives_the_rows_and_credits_of_the_per_unit_replay() {
        List<String> units = givenRandomUnits(new Random(7), 60);

        Recomputed fresh = service.recomputeMany(units);
        List<List<Object>> freshRows = storedRows();
        List<List<Object>> freshCredits = storedCredits();

        dsl.deleteFrom(PAYMENT_ALLOCATIONS).execute();
        dsl.deleteFrom(UNIT_CREDITS).execute();
        Recomputed replayed = service.recompute(units);

        assertThat(freshRows).hasSizeGreaterThan(100).isEqualTo(storedRows());
        assertThat(freshCredits).isEqualTo(storedCredits());
        assertThat(fresh.allocations()).isEqualTo(replayed.allocations()).isEqualTo(freshRows.size());
        assertThat(fresh.credit()).isEqualByComparingTo(replayed.credit()).isPositive();
    }

    @Test
    void units_that_already_have_rows_are_replayed_per_unit_and_others_in_one_pass() {
        List<String> units = givenRandomUnits(new Random(11), 20);
        service.recompute(units.subList(0, 5));

        service.recomputeMany(units);
        List<List<Object>> mixed = storedRows();
        dsl.deleteFrom(PAYMENT_ALLOCATIONS).execute();
        dsl.deleteFrom(UNIT_CREDITS).execute();
        service.recompute(units);

        assertThat(sorted(mixed)).isEqualTo(sorted(storedRows()));
    }

    private List<String> givenRandomUnits(Random random, int count) {
        dsl.deleteFrom(PAYMENT_ALLOCATIONS).execute();
        dsl.deleteFrom(UNIT_CREDITS).execute();
        dsl.deleteFrom(PAYMENTS).execute();
        dsl.deleteFrom(STATEMENTS).execute();
        if (!dsl.fetchExists(ESTATES, ESTATES.ESTATE_CODE.eq("E-F"))) {
            dsl.insertInto(ESTATES, ESTATES.ESTATE_CODE, ESTATES.NAME).values("E-F", "Fresh").execute();
            dsl.insertInto(CLUSTERS, CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE, CLUSTERS.NAME)
                    .values("C-F", "E-F", "Fresh cluster").execute();
            dsl.insertInto(BUILDINGS, BUILDINGS.BUILDING_CODE, BUILDINGS.CLUSTER_CODE, BUILDINGS.NAME)
                    .values("B-F", "C-F", "Fresh building").execute();
        }
        List<String> units = new ArrayList<>();
        List<String> allStatements = new ArrayList<>();
        int serial = 0;
        for (int i = 0; i < count; i++) {
            // unit codes in an order that is not the order of creation
            String unit = "U-" + PREFIXES[i % PREFIXES.length] + "-" + (count - i);
            units.add(unit);
            if (!dsl.fetchExists(UNITS, UNITS.UNIT_CODE.eq(unit))) {
                dsl.insertInto(UNITS, UNITS.UNIT_CODE, UNITS.BUILDING_CODE, UNITS.AREA_SQM)
                        .values(unit, "B-F", new BigDecimal("80.00")).execute();
            }
            List<String> own = new ArrayList<>();
            LocalDate month = LocalDate.of(2024, 1, 1);
            for (int m = 0; m < 2 + random.nextInt(10); m++, month = month.plusMonths(1)) {
                int sameDay = random.nextInt(4) == 0 ? 2 : 1;
                for (int k = 0; k < sameDay; k++) {
                    String no = PREFIXES[random.nextInt(PREFIXES.length)] + "-" + (++serial);
                    LocalDate issued = month.plusDays(random.nextInt(3));
                    String period = random.nextInt(6) == 0 ? month.minusMonths(1).toString().substring(0, 7)
                            : month.toString().substring(0, 7);
                    dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                                    STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                            .values(no, unit, period, cents(random, 5_000, 40_000), issued,
                                    issued.withDayOfMonth(issued.lengthOfMonth()))
                            .execute();
                    own.add(no);
                    allStatements.add(no);
                }
            }
            LocalDate day = LocalDate.of(2023, 12, 20);
            for (int n = 0; n < random.nextInt(12); n++) {
                day = day.plusDays(random.nextInt(40));
                String target = switch (random.nextInt(5)) {
                    case 0 -> own.get(random.nextInt(own.size()));
                    // a statement of another unit: the name is ignored by the rule
                    case 1 -> allStatements.get(random.nextInt(allStatements.size()));
                    default -> null;
                };
                LocalDate voided = random.nextInt(8) == 0 ? day.plusDays(1) : null;
                dsl.insertInto(PAYMENTS, PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                                PAYMENTS.AMOUNT, PAYMENTS.STATEMENT_NO, PAYMENTS.VOIDED_ON)
                        .values("P" + PREFIXES[random.nextInt(PREFIXES.length)] + "-" + (++serial), unit, day,
                                cents(random, 1_000, 90_000), target, voided)
                        .execute();
            }
        }
        return units;
    }

    private static BigDecimal cents(Random random, int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(to - from), 2);
    }

    private List<List<Object>> storedRows() {
        return dsl.select(PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        PAYMENT_ALLOCATIONS.PAYMENT_NO, PAYMENT_ALLOCATIONS.ALLOCATED_ON, PAYMENT_ALLOCATIONS.AMOUNT)
                .from(PAYMENT_ALLOCATIONS)
                // a unit has one row per (statement, payment): a total order (ids carry none)
                .orderBy(PAYMENT_ALLOCATIONS.UNIT_CODE, PAYMENT_ALLOCATIONS.STATEMENT_NO,
                        PAYMENT_ALLOCATIONS.PAYMENT_NO)
                .fetch(r -> List.<Object>of(r.value1(), r.value2(), String.valueOf(r.value3()), r.value4(),
                        r.value5()));
    }

    private List<List<Object>> storedCredits() {
        return dsl.select(UNIT_CREDITS.UNIT_CODE, UNIT_CREDITS.CREDIT, UNIT_CREDITS.AS_OF).from(UNIT_CREDITS)
                .orderBy(UNIT_CREDITS.UNIT_CODE)
                .fetch(r -> List.<Object>of(r.value1(), r.value2(), String.valueOf(r.value3())));
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }
}

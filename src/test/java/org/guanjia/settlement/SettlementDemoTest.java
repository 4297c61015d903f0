package org.guanjia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.FEE_SCHEDULES;
import static org.guanjia.db.Tables.SERVICE_CHARGE_BUDGETS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_COSTS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_SETTLEMENTS;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.db.tables.records.ServiceChargeSettlementsRecord;
import org.guanjia.demo.DemoDataGenerator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's settlement years (scale 0.1, up to 27 November 2026): the stored final
 * settlements are exactly what the service computes from the demo's budgets, costs, units,
 * statuses, persons and prepayment statements.
 */
@SpringBootTest(properties = {
    "guanjia.db-path=${java.io.tmpdir}/guanjia-test-${random.uuid}.duckdb",
    "guanjia.demo=false",
    "guanjia.admin-password=test-admin-password",
    "vaadin.launch-browser=false",
    // a context of its own: the class fills the database with the demo company
    "test.context=settlement-demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SettlementDemoTest {

    static final LocalDate END = LocalDate.of(2026, 11, 27);

    @Autowired
    DemoDataGenerator generator;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DSLContext dsl;
    @Autowired
    SettlementService service;

    @BeforeAll
    void generate() {
        new TransactionTemplate(transactionManager).execute(status -> generator.generate(20250101L, 0.1, END));
    }

    @BeforeEach
    void signIn() {
        TestUsers.signIn("finance1", Role.FINANCE, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<ServiceChargeSettlementsRecord> finals() {
        return dsl.selectFrom(SERVICE_CHARGE_SETTLEMENTS).where(SERVICE_CHARGE_SETTLEMENTS.STATUS.eq("final"))
                .orderBy(SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO).fetch();
    }

    @Test
    void the_demo_has_completed_settlement_years_for_every_estate() {
        assertThat(finals()).extracting(ServiceChargeSettlementsRecord::getYear).containsExactly(2024, 2025, 2024, 2025);
    }

    @Test
    void every_final_settlement_is_what_the_service_computes() {
        for (ServiceChargeSettlementsRecord s : finals()) {
            List<SettlementCalculator.Line> computed = service.calculate(s.getEstateCode(), s.getYear());
            List<SettlementLine> stored = service.lines(s.getSettlementNo());

            assertThat(stored).as(s.getSettlementNo()).hasSize(computed.size()).isNotEmpty();
            for (SettlementCalculator.Line c : computed) {
                SettlementLine l = stored.stream().filter(x -> x.unitCode().equals(c.unitCode())).findFirst()
                        .orElseThrow();
                assertThat(List.of(l.areaSqm(), l.shareAmount(), l.prepaidAmount(), l.balance(), l.vacantShareAmount()))
                        .as(c.unitCode()).isEqualTo(List.of(c.areaSqm(), c.share(), c.prepaid(), c.balance(),
                                c.vacantShare()));
                assertThat(List.of(l.deliveredDays(), l.vacantDays(), l.payer())).as(c.unitCode())
                        .isEqualTo(List.of(c.deliveredDays(), c.vacantDays(), c.payer()));
                assertThat(service.details(s.getSettlementNo(), c.unitCode()))
                        .extracting(SettlementDetail::category, SettlementDetail::shareAmount, SettlementDetail::weight)
                        .as(c.unitCode()).containsExactlyElementsOf(c.details().stream()
                                .map(d -> org.assertj.core.groups.Tuple.tuple(d.category(), d.share(), d.weight()))
                                .toList());
            }
        }
    }

    @Test
    void the_shares_add_up_to_the_actual_costs_booked() {
        for (ServiceChargeSettlementsRecord s : finals()) {
            BigDecimal shares = service.lines(s.getSettlementNo()).stream().map(SettlementLine::shareAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal booked = dsl.select(DSL.sum(SERVICE_CHARGE_COSTS.AMOUNT)).from(SERVICE_CHARGE_COSTS)
                    .where(SERVICE_CHARGE_COSTS.ESTATE_CODE.eq(s.getEstateCode()))
                    .and(SERVICE_CHARGE_COSTS.YEAR.eq(s.getYear())).fetchOne(0, BigDecimal.class);
            BigDecimal actual = dsl.select(DSL.sum(SERVICE_CHARGE_BUDGETS.ACTUAL_AMOUNT)).from(SERVICE_CHARGE_BUDGETS)
                    .where(SERVICE_CHARGE_BUDGETS.ESTATE_CODE.eq(s.getEstateCode()))
                    .and(SERVICE_CHARGE_BUDGETS.YEAR.eq(s.getYear())).fetchOne(0, BigDecimal.class);
            assertThat(shares).as(s.getSettlementNo()).isEqualByComparingTo(booked).isEqualByComparingTo(actual);
        }
    }

    @Test
    void the_settled_years_have_refunds_top_ups_and_vacant_units_borne_by_their_owners() {
        for (ServiceChargeSettlementsRecord s : finals()) {
            List<SettlementLine> lines = service.lines(s.getSettlementNo());
            assertThat(lines).as(s.getSettlementNo()).anyMatch(l -> l.balance().signum() > 0)
                    .anyMatch(l -> l.balance().signum() < 0)
                    .anyMatch(l -> l.payer().equals("owner") && l.vacantShareAmount().signum() > 0);
        }
    }

    @Test
    void the_applied_prepayment_rate_is_the_one_the_budget_implies() {
        for (String estate : dsl.selectDistinct(SERVICE_CHARGE_BUDGETS.ESTATE_CODE).from(SERVICE_CHARGE_BUDGETS)
                .fetch(SERVICE_CHARGE_BUDGETS.ESTATE_CODE)) {
            for (int year = 2024; year <= 2026; year++) {
                BudgetSummary b = service.budget(estate, year);
                assertThat(b.appliedRate()).as(estate + " " + year).isNotNull()
                        .isEqualByComparingTo(b.prepaymentRate());
            }
        }
    }

    @Test
    void prepayment_statements_are_area_times_the_rate_of_their_year() {
        var schedules = dsl.selectFrom(FEE_SCHEDULES)
                .where(FEE_SCHEDULES.FEE_TYPE.eq("service_charge_prepayment")).fetch();
        var rows = dsl.select(STATEMENTS.PERIOD, STATEMENTS.AMOUNT, UNITS.AREA_SQM, CLUSTERS.ESTATE_CODE)
                .from(STATEMENTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(STATEMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(STATEMENTS.FEE_TYPE.eq("service_charge_prepayment"))
                .fetch();
        assertThat(rows).hasSizeGreaterThan(1000);
        for (var r : rows) {
            LocalDate first = YearMonth.parse(r.value1()).atDay(1);
            BigDecimal rate = schedules.stream()
                    .filter(f -> f.getEstateCode().equals(r.value4()) && !f.getValidFrom().isAfter(first)
                            && !f.getValidTo().isBefore(first))
                    .map(f -> f.getRate()).findFirst().orElseThrow();
            assertThat(r.value2()).isEqualTo(r.value3().multiply(rate).setScale(2, RoundingMode.HALF_UP));
        }
    }
}

package org.guanjia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guanjia.RecordBuildings;
import org.guanjia.TestClock;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import org.guanjia.base.CurrentUser;
import org.guanjia.billing.AllocationService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** bench-data at 2,000 units and one year: plausible counts, KPI.md's allocation, sane KPIs. */
@SpringBootTest(properties = "test.context=bench-data")
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchDataServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    BenchDataService bench;

    @Autowired
    AllocationService allocation;

    @Autowired
    KpiService kpis;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestClock clock;

    private BenchDataService.Report report;

    @BeforeAll
    void generate() {
        clock.set(TODAY);
        List<String> steps = new ArrayList<>();
        report = CurrentUser.asSystem(() -> bench.generate(2000, 1, 7, (step, rowsMs) -> steps.add(step)));
        assertThat(steps).contains("statements", "payments", "payment_allocations");
    }

    @Test
    void counts_are_in_the_proportions_of_the_demo() {
        Map<String, Long> c = report.counts();
        assertThat(c.get("units")).isEqualTo(2000);
        assertThat(c.get("owners")).isEqualTo(2000);
        // buildings of 150 units, clusters of three buildings, two butlers each
        assertThat(c.get("buildings")).isEqualTo(14);
        assertThat(c.get("clusters")).isEqualTo(5);
        assertThat(c.get("assignments")).isEqualTo(10);
        // one statement per unit and month after delivery: 12 months, one estate of five delivered lately
        assertThat(c.get("statements")).isBetween(2000L * 9, 2000L * 12);
        assertThat(c.get("payments")).isBetween(c.get("statements") * 7 / 10, c.get("statements"));
        assertThat(c.get("payment_allocations")).isGreaterThan(c.get("statements") * 8 / 10);
        assertThat(c.get("unit_credits")).isEqualTo(2000);
        // per unit and month: complaints ~2.5 %, repairs ~2 % plus common areas, visits ~4 %
        long unitMonths = c.get("statements");
        assertThat(c.get("complaints")).isBetween(unitMonths / 100, unitMonths / 20);
        assertThat(c.get("repairs")).isBetween(unitMonths / 100, unitMonths / 10);
        assertThat(c.get("visits")).isBetween(unitMonths / 50, unitMonths / 12);
        assertThat(c.get("collection_actions")).isBetween(unitMonths / 20, unitMonths / 3);
        assertThat(c.get("vacancy_inspections")).isPositive();
        assertThat(c.get("patrols")).isBetween(5L * 365 / 4, 5L * 365 / 2);
        assertThat(c.get("agenda_items")).isPositive();
        assertThat(count("select count(*) from payments where voided_on is not null"))
                .isPositive();
        assertThat(count("select count(*) from payments where statement_no is not null"))
                .isPositive();
        assertThat(count("select count(distinct status) from unit_status")).isEqualTo(3);
        assertThat(report.lastDay()).isEqualTo(TODAY.minusDays(1));
        assertThat(date("select max(paid_on) from payments")).isBefore(TODAY);
        assertThat(date("select max(cast(received_at as date)) from complaints"))
                .isBefore(TODAY);
    }

    @Test
    void complaints_and_visits_carry_their_units_building() {
        RecordBuildings.assertCarried(dsl);
    }

    @Test
    void allocations_equal_a_replay_by_the_allocation_service() {
        List<String> sample = dsl.fetch("select unit_code from units where hash(unit_code) % 40 = 0"
                + " order by unit_code").getValues(0, String.class);
        assertThat(sample).hasSizeGreaterThan(20);
        String rows = "select unit_code, statement_no, coalesce(payment_no, '-'), allocated_on, amount"
                + " from payment_allocations where hash(unit_code) % 40 = 0"
                + " order by unit_code, statement_no, 3, allocated_on, amount";
        String credits = "select unit_code, credit, as_of from unit_credits where hash(unit_code) % 40 = 0"
                + " order by unit_code";
        List<List<Object>> before = table(rows);
        List<List<Object>> creditsBefore = table(credits);
        assertThat(before).hasSizeGreaterThan(sample.size() * 5);
        CurrentUser.asSystem(() -> allocation.recompute(sample));
        assertThat(table(rows)).isEqualTo(before);
        assertThat(table(credits)).isEqualTo(creditsBefore);
    }

    @Test
    void the_kpi_views_give_sane_figures() {
        String to = "2026-05";
        KpiTable collection = dataset(KpiQuery.parse("collection", "estate", "month", "2025-09", to,
                "2026-05-31", null));
        int rate = collection.columns().indexOf("collection_rate");
        assertThat(collection.rows()).hasSize(5 * 9);
        for (List<Object> row : collection.rows()) {
            BigDecimal r = new BigDecimal(row.get(rate).toString());
            assertThat(r).as(row.toString()).isBetween(new BigDecimal("0.5"), BigDecimal.ONE);
        }
        KpiTable aging = dataset(KpiQuery.parse("aging", "estate", null, null, null, "2026-05-31", null));
        int arrears = aging.columns().indexOf("arrears");
        assertThat(aging.rows()).allSatisfy(row -> assertThat(new BigDecimal(row.get(arrears).toString()))
                .isPositive());
        KpiTable vacancy = dataset(KpiQuery.parse("vacancy", "estate", "month", "2026-01", to,
                "2026-05-31", null));
        int occupancy = vacancy.columns().indexOf("occupancy_rate");
        assertThat(vacancy.rows()).anySatisfy(row -> assertThat(new BigDecimal(row.get(occupancy).toString()))
                .isBetween(new BigDecimal("0.6"), new BigDecimal("0.95")));
        KpiTable workload = dataset(KpiQuery.parse("workload", "butler", "month", "2026-05", to,
                "2026-05-31", null));
        int patrols = workload.columns().indexOf("patrols");
        assertThat(workload.rows()).hasSize(10)
                .anySatisfy(row -> assertThat(((Number) row.get(patrols)).intValue()).isPositive());
    }

    @Test
    void a_database_with_data_is_refused_naming_the_table() {
        assertThat(bench.firstNonEmptyTable()).contains("estates");
        assertThatThrownBy(() -> CurrentUser.asSystem(() -> bench.generate(10, 1, 1, (s, r) -> { })))
                .hasMessageContaining("table estates");
    }

    private long count(String sql) {
        return dsl.fetchOne(sql).get(0, Long.class);
    }

    private LocalDate date(String sql) {
        return dsl.fetchOne(sql).get(0, LocalDate.class);
    }

    private KpiTable dataset(KpiQuery q) {
        return CurrentUser.asSystem(() -> kpis.dataset(q));
    }

    private List<List<Object>> table(String sql) {
        return dsl.fetch(sql).stream().map(r -> java.util.Arrays.asList(r.intoArray())).toList();
    }
}

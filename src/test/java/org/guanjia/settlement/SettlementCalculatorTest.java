package org.guanjia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.settlement.SettlementCalculator.CategoryCost;
import org.guanjia.settlement.SettlementCalculator.Detail;
import org.guanjia.settlement.SettlementCalculator.Line;
import org.guanjia.settlement.SettlementCalculator.StatusChange;
import org.guanjia.settlement.SettlementCalculator.UnitInput;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The settlement arithmetic on hand-made units, without a database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SettlementCalculatorTest {

    static final LocalDate BEFORE = LocalDate.of(2023, 5, 10);

    static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    static UnitInput unit(String code, String area, LocalDate delivered, String status) {
        return new UnitInput(code, money(area), delivered, List.of(new StatusChange(delivered, status)), null,
                money("0.00"));
    }

    static Line line(List<Line> lines, String code) {
        return lines.stream().filter(l -> l.unitCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void one_cent_over_three_equal_units_goes_to_the_first_code() {
        List<UnitInput> units = List.of(unit("U-2", "50.00", BEFORE, "occupied"),
                unit("U-1", "50.00", BEFORE, "occupied"), unit("U-3", "50.00", BEFORE, "occupied"));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("1.00"))), units);

        assertThat(lines).extracting(Line::unitCode, Line::share).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U-2", money("0.33")),
                org.assertj.core.groups.Tuple.tuple("U-1", money("0.34")),
                org.assertj.core.groups.Tuple.tuple("U-3", money("0.33")));
    }

    @Test
    void cents_go_to_the_largest_remainders_and_the_shares_add_up_to_the_costs() {
        // exact shares 100.01 x 1/6, 2/6, 3/6 = 16.668.., 33.336.., 50.005 -> floors 16.66, 33.33, 50.00
        // leave 2 cents: remainders .8333, .6667, .5 -> to U-A and U-B
        List<UnitInput> units = List.of(unit("U-A", "10.00", BEFORE, "occupied"),
                unit("U-B", "20.00", BEFORE, "occupied"), unit("U-C", "30.00", BEFORE, "occupied"));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("repairs", "area",
                money("100.01"))), units);

        assertThat(lines).extracting(Line::share)
                .containsExactly(money("16.67"), money("33.34"), money("50.00"));
        assertThat(lines.stream().map(Line::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.01");
    }

    @Test
    void many_odd_areas_still_add_up_exactly_in_every_category() {
        List<UnitInput> units = new java.util.ArrayList<>();
        for (int i = 0; i < 97; i++) {
            units.add(new UnitInput("U-" + (1000 + i), money("60.00").add(BigDecimal.valueOf(i * 137 % 9001, 2)),
                    BEFORE.plusDays(i * 5L), List.of(), i % 5 == 0 ? null : i % 6, money("0.00")));
        }
        List<CategoryCost> costs = List.of(new CategoryCost("waste", "head_count", money("12345.67")),
                new CategoryCost("management", "unit", money("999.99")),
                new CategoryCost("cleaning", "area", money("54321.09")));

        List<Line> lines = SettlementCalculator.settle(2024, costs, units);

        for (CategoryCost c : costs) {
            BigDecimal sum = lines.stream().flatMap(l -> l.details().stream())
                    .filter(d -> d.category().equals(c.category())).map(Detail::share)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(c.category()).isEqualByComparingTo(c.actual());
        }
        assertThat(lines.stream().map(Line::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("67666.75");
    }

    @Test
    void every_share_is_within_a_cent_of_its_exact_value() {
        List<UnitInput> units = List.of(unit("U-A", "77.77", BEFORE, "occupied"),
                unit("U-B", "123.45", LocalDate.of(2024, 3, 3), "vacant"), unit("U-C", "88.01", BEFORE, "vacant"));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("security", "area",
                money("9876.54"))), units);

        for (Line l : lines) {
            Detail d = l.details().get(0);
            BigDecimal exact = d.categoryActual().multiply(d.weight()).divide(d.totalWeight(), 10,
                    java.math.RoundingMode.HALF_UP);
            assertThat(d.share().subtract(exact).abs()).as(l.unitCode()).isLessThan(money("0.01"));
        }
    }

    @Test
    void a_unit_delivered_in_the_year_pays_for_its_days_only() {
        // 2024 has 366 days; U-N delivered on 2 July carries 183 days
        List<UnitInput> units = List.of(unit("U-O", "100.00", BEFORE, "occupied"),
                unit("U-N", "100.00", LocalDate.of(2024, 7, 2), "occupied"));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("549.00"))), units);

        assertThat(line(lines, "U-O").deliveredDays()).isEqualTo(366);
        assertThat(line(lines, "U-N").deliveredDays()).isEqualTo(183);
        assertThat(line(lines, "U-O").share()).isEqualByComparingTo("366.00");
        assertThat(line(lines, "U-N").share()).isEqualByComparingTo("183.00");
    }

    @Test
    void vacant_days_follow_the_status_history_and_a_unit_without_rows_is_vacant() {
        UnitInput moves = new UnitInput("U-M", money("50.00"), BEFORE, List.of(
                new StatusChange(BEFORE, "vacant"), new StatusChange(LocalDate.of(2024, 2, 1), "decorating"),
                new StatusChange(LocalDate.of(2024, 5, 1), "occupied"),
                new StatusChange(LocalDate.of(2024, 11, 1), "vacant")), null, money("0"));
        UnitInput noRows = new UnitInput("U-X", money("50.00"), BEFORE, List.of(), null, money("0"));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("100.00"))), List.of(moves, noRows));

        // January (31) + November and December (30 + 31); decorating is not vacant
        assertThat(line(lines, "U-M").vacantDays()).isEqualTo(92);
        assertThat(line(lines, "U-M").payer()).isEqualTo("split");
        assertThat(line(lines, "U-M").vacantShare()).isEqualByComparingTo("12.57"); // 50.00 x 92/366
        assertThat(line(lines, "U-X").vacantDays()).isEqualTo(366);
        assertThat(line(lines, "U-X").payer()).isEqualTo("owner");
        assertThat(line(lines, "U-X").vacantShare()).isEqualByComparingTo(line(lines, "U-X").share());
    }

    @Test
    void a_vacancy_does_not_change_what_the_occupied_units_pay() {
        List<CategoryCost> costs = List.of(new CategoryCost("cleaning", "area", money("2000.00")),
                new CategoryCost("management", "unit", money("300.00")),
                new CategoryCost("waste", "head_count", money("700.00")));
        List<UnitInput> occupied = List.of(unit("U-1", "90.00", BEFORE, "occupied"),
                unit("U-2", "60.00", BEFORE, "occupied"), unit("U-3", "120.00", BEFORE, "occupied"));
        List<UnitInput> oneVacant = List.of(unit("U-1", "90.00", BEFORE, "occupied"),
                unit("U-2", "60.00", BEFORE, "occupied"), unit("U-3", "120.00", BEFORE, "vacant"));

        List<Line> a = SettlementCalculator.settle(2024, costs, occupied);
        List<Line> b = SettlementCalculator.settle(2024, costs, oneVacant);

        assertThat(b).extracting(Line::share).containsExactlyElementsOf(a.stream().map(Line::share).toList());
        assertThat(line(b, "U-3").payer()).isEqualTo("owner");
        assertThat(line(b, "U-3").vacantShare()).isEqualByComparingTo(line(b, "U-3").share());
        assertThat(line(a, "U-3").payer()).isEqualTo("tenant");
        assertThat(line(a, "U-3").vacantShare()).isEqualByComparingTo("0.00");
    }

    @Test
    void head_count_counts_a_unit_without_persons_as_one() {
        List<UnitInput> units = List.of(
                new UnitInput("U-1", money("80.00"), BEFORE, List.of(), 3, money("0")),
                new UnitInput("U-2", money("80.00"), BEFORE, List.of(), null, money("0")),
                new UnitInput("U-3", money("80.00"), BEFORE, List.of(), 0, money("0")));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("waste", "head_count",
                money("500.00"))), units);

        assertThat(lines).extracting(Line::share)
                .containsExactly(money("300.00"), money("100.00"), money("100.00"));
        assertThat(line(lines, "U-1").details().get(0).basis()).isEqualByComparingTo("3");
    }

    @Test
    void balance_is_share_minus_prepaid_top_up_positive_refund_negative() {
        List<UnitInput> units = List.of(
                new UnitInput("U-1", money("100.00"), BEFORE, List.of(), null, money("400.00")),
                new UnitInput("U-2", money("100.00"), BEFORE, List.of(), null, money("650.00")));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("1000.00"))), units);

        assertThat(line(lines, "U-1").balance()).isEqualByComparingTo("100.00");
        assertThat(line(lines, "U-2").balance()).isEqualByComparingTo("-150.00");
    }

    @Test
    void units_not_delivered_in_the_year_are_left_out() {
        List<UnitInput> units = List.of(unit("U-1", "100.00", BEFORE, "occupied"),
                unit("U-2", "100.00", LocalDate.of(2025, 1, 1), "vacant"),
                new UnitInput("U-3", money("50.00"), null, List.of(), null, money("0")));

        List<Line> lines = SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("10.00"))), units);

        assertThat(lines).extracting(Line::unitCode).containsExactly("U-1");
    }

    @Test
    void costs_without_any_delivered_unit_are_refused() {
        assertThatThrownBy(() -> SettlementCalculator.settle(2024, List.of(new CategoryCost("other", "area",
                money("10.00"))), List.of(unit("U-2", "100.00", LocalDate.of(2025, 1, 1), "vacant"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_prepayment_rate_is_the_budget_over_area_over_twelve_months() {
        List<UnitInput> units = List.of(unit("U-1", "100.00", BEFORE, "occupied"),
                unit("U-2", "50.00", BEFORE, "vacant"));

        // 1,800.00 / 150 m2 / 12 = 1.0000
        assertThat(SettlementCalculator.prepaymentRate(2024, money("1800.00"), units)).contains(money("1.0000"));
        // 1,000.00 / 150 / 12 = 0.555555.. -> 0.5556 (half-up, 4 decimals)
        assertThat(SettlementCalculator.prepaymentRate(2024, money("1000.00"), units)).contains(money("0.5556"));
    }

    @Test
    void a_unit_delivered_during_the_year_counts_for_the_months_that_begin_after_its_delivery() {
        // U-2 delivered 15 March: billed April-December, 9 months
        List<UnitInput> units = List.of(unit("U-1", "100.00", BEFORE, "occupied"),
                unit("U-2", "100.00", LocalDate.of(2024, 3, 15), "vacant"),
                unit("U-3", "100.00", LocalDate.of(2024, 12, 31), "vacant"));

        assertThat(SettlementCalculator.areaMonths(2024, units)).isEqualByComparingTo("2100.00");
        assertThat(SettlementCalculator.prepaymentRate(2024, money("2100.00"), units)).contains(money("1.0000"));
        assertThat(SettlementCalculator.prepaymentRate(2024, money("2100.00"),
                List.of(unit("U-9", "10.00", LocalDate.of(2025, 2, 1), "vacant")))).isEmpty();
    }
}

package org.guanjia.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.guanjia.db.Tables.STATEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Sort;
import org.guanjia.billing.ArrearsSummary.ButlerArrears;
import org.guanjia.billing.ArrearsSummary.ClusterArrears;
import org.guanjia.estate.Owner;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Arrears and aging as of a date D (KPI.md) on hand-made statements and payments. */
class ArrearsServiceTest extends BillingServiceTestBase {

    static final LocalDate D = date("2025-06-30");

    @Autowired
    DSLContext dsl;

    /**
     * One statement per bucket limit, amounts powers of two so every bucket shows which
     * statements it holds: due D-1 (1), D-30 (2) | D-31 (4), D-90 (8) | D-91 (16), D-180 (32) |
     * D-181 (64), D-365 (128) | D-366 (256); due on D itself (512) is not overdue yet.
     */
    private String givenOneStatementOnEitherSideOfEveryLimit() {
        String u = unit("C1", "0101");
        int[] days = {1, 30, 31, 90, 91, 180, 181, 365, 366, 0};
        for (int i = 0; i < days.length; i++) {
            LocalDate due = D.minusDays(days[i]);
            statement(u, String.valueOf(1 << i), due, due);
        }
        return u;
    }

    @Test
    void every_bucket_limit_falls_on_the_right_side_and_a_statement_due_on_d_is_not_in_arrears() {
        String u = givenOneStatementOnEitherSideOfEveryLimit();
        clock.set(D);

        Aging a = arrears.ofUnit(u, D);

        assertThat(List.of(a.days1to30(), a.days31to90(), a.days91to180(), a.days181to365(),
                a.over365(), a.arrears())).containsExactly(money("3"), money("12"), money("48"),
                        money("192"), money("256"), money("511"));
        assertThat(a.households()).isEqualTo(1);
        // the next day the statement due on D is 1 day overdue
        assertThat(arrears.ofUnit(u, D.plusDays(1)).arrears()).isEqualTo(money("1023"));
    }

    @Test
    void an_allocation_dated_after_d_is_ignored_and_one_dated_d_counts() {
        String u = unit("C1", "0101");
        statement(u, "100.00", date("2025-05-01"), date("2025-05-31"));
        pay(u, D.plusDays(1), "100.00", null);
        String v = unit("C1", "0102");
        statement(v, "100.00", date("2025-05-01"), date("2025-05-31"));
        pay(v, D, "60.00", null);

        assertThat(arrears.ofUnit(u, D).arrears()).isEqualTo(money("100.00"));
        assertThat(arrears.ofUnit(u, D.plusDays(1)).arrears()).isEqualTo(money("0.00"));
        assertThat(arrears.ofUnit(v, D).arrears()).isEqualTo(money("40.00"));
        assertThat(arrears.ofUnit(v, D).days1to30()).isEqualTo(money("40.00"));
    }

    @Test
    void a_statement_issued_after_d_is_ignored_even_when_due_before_d() {
        String u = unit("C1", "0101");
        statement(u, "100.00", date("2025-05-01"), date("2025-05-31"));
        // an imported back-dated statement: issued after D although due before it
        dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE,
                        STATEMENTS.PERIOD, STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .values(p + "LATE", u, "2025-05", new BigDecimal("7.00"), D.plusDays(1),
                        date("2025-05-31"))
                .execute();

        assertThat(arrears.ofUnit(u, D).arrears()).isEqualTo(money("100.00"));
        assertThat(arrears.ofUnit(u, D.plusDays(1)).arrears()).isEqualTo(money("107.00"));
    }

    @Test
    void by_cluster_and_by_butler_add_up_to_the_total_and_households_are_counted() {
        givenTwoClustersInArrears();
        clock.set(D);
        ArrearsFilter all = ArrearsFilter.asOf(D);

        ArrearsSummary s = arrears.summary(all);

        Aging byCluster = s.byCluster().stream().map(ClusterArrears::aging)
                .reduce(Aging.NONE, Aging::plus);
        Aging byButler = s.byButler().stream().map(ButlerArrears::aging)
                .reduce(Aging.NONE, Aging::plus);
        assertThat(byCluster).isEqualTo(s.total());
        assertThat(byButler).isEqualTo(s.total());
        assertThat(s.total().households()).isEqualTo(arrears.countHouseholds(all));
        BigDecimal listed = arrears.households(all, Page.first(10_000), List.of()).stream()
                .map(h -> h.aging().arrears()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(listed).isEqualByComparingTo(s.total().arrears());
    }

    @Test
    void the_clusters_of_the_fixture_show_their_own_figures_and_butlers() {
        givenTwoClustersInArrears();
        clock.set(D);

        ArrearsSummary s = arrears.summary(ArrearsFilter.asOf(D));

        assertThat(s.byCluster()).filteredOn(c -> c.clusterCode().startsWith(p))
                .extracting(ClusterArrears::clusterCode, c -> c.aging().arrears(),
                        c -> c.aging().households(), ClusterArrears::butlers,
                        ClusterArrears::accountableStaffCode)
                .containsExactly(
                        tuple(p + "C1", money("150.00"), 2, List.of("Butler " + p, "Second " + p),
                                p + "S1"),
                        tuple(p + "C2", money("40.00"), 1, List.of(), null));
        assertThat(s.byButler()).filteredOn(b -> p.concat("S1").equals(b.staffCode()))
                .singleElement().satisfies(b -> {
                    assertThat(b.clusterCodes()).containsExactly(p + "C1");
                    assertThat(b.aging().arrears()).isEqualTo(money("150.00"));
                });
        assertThat(s.byButler()).noneMatch(b -> p.concat("S2").equals(b.staffCode()));
        assertThat(s.byButler()).filteredOn(b -> b.staffCode() == null).singleElement()
                .satisfies(b -> assertThat(b.clusterCodes()).contains(p + "C2"));
    }

    @Test
    void households_show_owner_oldest_due_date_and_buckets_most_owed_first() {
        givenTwoClustersInArrears();
        clock.set(D);
        ArrearsFilter c1 = new ArrearsFilter(D, p + "C1", null, null);

        List<Household> rows = arrears.households(c1, Page.first(50), List.of());

        assertThat(rows).extracting(Household::unitCode, Household::ownerName,
                Household::ownerPhone, Household::oldestDueOn, h -> h.aging().arrears(),
                h -> h.aging().days31to90(), h -> h.aging().days1to30())
                .containsExactly(
                        tuple(unit("C1", "0101"), "Owner One", "13900000001", date("2025-04-30"),
                                money("100.00"), money("100.00"), money("0.00")),
                        tuple(unit("C1", "0102"), null, null, date("2025-05-31"), money("50.00"),
                                money("0.00"), money("50.00")));
        assertThat(arrears.households(c1, Page.first(50), List.of(new Sort("unitCode", false))))
                .extracting(Household::unitCode)
                .containsExactly(unit("C1", "0102"), unit("C1", "0101"));
        assertThat(arrears.households(new ArrearsFilter(D, p + "C1", null, "Owner"),
                Page.first(50), List.of())).extracting(Household::unitCode)
                .containsExactly(unit("C1", "0101"));
        assertThat(arrears.countHouseholds(new ArrearsFilter(D, null, p + "C2-B1", null)))
                .isEqualTo(1);
    }

    @Test
    void a_butler_sees_the_arrears_of_their_clusters_only() {
        givenTwoClustersInArrears();
        clock.set(D);
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");

        ArrearsSummary s = arrears.summary(ArrearsFilter.asOf(D));

        assertThat(s.byCluster()).extracting(ClusterArrears::clusterCode).containsExactly(p + "C1");
        assertThat(s.total().arrears()).isEqualTo(money("150.00"));
        assertThat(arrears.households(ArrearsFilter.asOf(D), Page.first(50), List.of()))
                .extracting(Household::clusterCode).containsOnly(p + "C1");
        assertThatThrownBy(() -> arrears.summary(new ArrearsFilter(D, p + "C2", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> arrears.ofUnit(unit("C2", "0101"), D))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * {p}C1: 0101 owes April (100, 61 days overdue on D) with an owner, 0102 half of May (50);
     * {p}C2: 0101 owes 40 of May. C1 has a second butler since 2025-03-01; C2 has none.
     */
    private void givenTwoClustersInArrears() {
        TestUsers.signIn("admin1", Role.ADMIN, null);
        estates.saveOwner(new Owner(p + "O1", unit("C1", "0101"), "Owner One", "13900000001",
                false, false, null, false, LocalDate.of(2024, 1, 1)), true);
        staff.saveStaff(new Staff(p + "S2", "Second " + p, "butler", null, null, null, true), true);
        staff.saveAssignment(new Assignment(p + "S2", p + "C1", date("2025-03-01"), null), true);
        TestUsers.signIn("finance1", Role.FINANCE, null);
        statement(unit("C1", "0101"), "100.00", date("2025-04-01"), date("2025-04-30"));
        statement(unit("C1", "0102"), "100.00", date("2025-05-01"), date("2025-05-31"));
        statement(unit("C2", "0101"), "100.00", date("2025-05-01"), date("2025-05-31"));
        pay(unit("C1", "0102"), date("2025-06-05"), "50.00", null);
        pay(unit("C2", "0101"), date("2025-06-05"), "60.00", null);
    }
}

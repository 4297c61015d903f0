package org.guanjia.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.PAYMENT_ALLOCATIONS;
import static org.guanjia.db.Tables.STATEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.staff.StaffService;
import org.guanjia.user.UserService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statement run on a hand-made estate per test ({p}E: clusters C1 and C2, two units of
 * 88.50 m² each, delivered 2024-01-01; butler {p}S1 on C1) with a property fee of 2.50 per m².
 * Every run is for the test's own estate, so tests sharing the database do not meet.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatementRunServiceTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    @Autowired
    StatementRunService runs;
    @Autowired
    FeeScheduleService schedules;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    UserService users;
    @Autowired
    AllocationService allocations;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext dsl;

    String p;
    String butler;

    @BeforeEach
    void estate_with_a_property_fee() {
        p = "R" + UUID.randomUUID().toString().substring(0, 6) + "-";
        clock.set(LocalDate.of(2025, 3, 28));
        MasterDataFixtures.create(p, estates, staff);
        butler = FeesFixtures.butlerAccount(p, users);
        FeesFixtures.propertyFee(p, schedules, "2.50", LocalDate.of(2024, 1, 1));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    // --- helpers ----------------------------------------------------------------------------

    private void as(Role role) {
        TestUsers.signIn(role == Role.BUTLER ? butler : role == Role.SUPERVISOR ? p + "super"
                : role.name().toLowerCase(), role, role == Role.BUTLER ? p + "S1" : null);
    }

    private StatementRun generate(YearMonth period) {
        as(Role.SERVICE_DESK);
        return runs.generate(period, p + "E", false);
    }

    private void reviewAll(String runNo) {
        as(Role.SUPERVISOR);
        for (String c : List.of("C1", "C2")) {
            runs.review(runNo, p + c, null);
        }
    }

    private Released generateReviewRelease(YearMonth period) {
        String runNo = generate(period).runNo();
        reviewAll(runNo);
        as(Role.FINANCE);
        return runs.release(runNo, StatementRunService.Progress.NONE);
    }

    private List<String> unitCodes(RunPreview preview) {
        return preview.lines().stream().map(RunLine::unitCode).toList();
    }

    private int statementsOf(String unit, YearMonth period) {
        return dsl.fetchCount(STATEMENTS, STATEMENTS.UNIT_CODE.eq(unit)
                .and(STATEMENTS.PERIOD.eq(period.toString())));
    }

    private static String problem(ValidationException e) {
        return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
    }

    // --- amounts ----------------------------------------------------------------------------

    @Test
    void the_amount_is_area_times_rate_rounded_half_up_and_a_fixed_fee_is_the_rate() {
        // 88.85 m² × 2.50 = 222.125 exactly: half-up gives 222.13 (half-even would give 222.12)
        FeesFixtures.unit(p, estates, "X1", "C1", "88.85", "residential", LocalDate.of(2024, 6, 1));
        FeesFixtures.unit(p, estates, "K1", "C2", "12.50", "parking", LocalDate.of(2024, 6, 1));
        FeesFixtures.asFinance(() -> schedules.save(new FeeSchedule(p + "PK", p + "E", "parking",
                "parking", new BigDecimal("300"), LocalDate.of(2024, 1, 1), null), true));
        as(Role.SERVICE_DESK);

        RunPreview preview = runs.preview(APRIL, p + "E");

        assertThat(preview.lines()).extracting(RunLine::unitCode, RunLine::feeType, RunLine::amount)
                .contains(tuple(p + "X1", "property_fee", new BigDecimal("222.13")),
                        tuple(p + "C1-B1-0101", "property_fee", new BigDecimal("221.25")),
                        tuple(p + "K1", "parking", new BigDecimal("300.00")));
        assertThat(preview.lines()).filteredOn(l -> l.unitCode().equals(p + "K1"))
                .extracting(RunLine::feeType).containsExactly("parking");
        assertThat(StatementRunService.amount(FeeType.PER_SQM_MONTH, new BigDecimal("100.01"),
                new BigDecimal("1.2345"))).isEqualByComparingTo("123.46");
    }

    @Test
    void the_preview_totals_per_cluster_and_fee_type_and_writes_nothing() {
        as(Role.SERVICE_DESK);
        int runsBefore = runs.runs().size();

        RunPreview preview = runs.preview(APRIL, p + "E");

        assertThat(preview.totals()).containsExactly(
                new RunTotal(p + "C1", "property_fee", 2, new BigDecimal("442.50")),
                new RunTotal(p + "C2", "property_fee", 2, new BigDecimal("442.50")));
        assertThat(preview.total()).isEqualByComparingTo("885.00");
        assertThat(runs.runs()).hasSize(runsBefore);
        assertThat(statementsOf(p + "C1-B1-0101", APRIL)).isZero();
    }

    // --- rates over time --------------------------------------------------------------------

    @Test
    void a_rate_change_mid_year_applies_from_its_date_and_never_to_issued_statements() {
        clock.set(LocalDate.of(2025, 5, 28));
        generateReviewRelease(YearMonth.of(2025, 6));
        FeeSchedule newRate = FeesFixtures.asFinance(() -> schedules.changeRate(p + "PF",
                LocalDate.of(2025, 7, 1), new BigDecimal("3.00")));
        clock.set(LocalDate.of(2025, 6, 28));

        generateReviewRelease(YearMonth.of(2025, 7));

        String unit = p + "C1-B1-0101";
        assertThat(dsl.select(STATEMENTS.PERIOD, STATEMENTS.AMOUNT).from(STATEMENTS)
                .where(STATEMENTS.UNIT_CODE.eq(unit)).orderBy(STATEMENTS.PERIOD).fetch()
                .map(r -> tuple(r.value1(), r.value2())))
                .containsExactly(tuple("2025-06", new BigDecimal("221.25")),
                        tuple("2025-07", new BigDecimal("265.50")));
        assertThat(FeesFixtures.asFinance(() -> schedules.schedule(p + "PF")).orElseThrow().validTo())
                .isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(newRate.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        // July is billed now: a change from any day up to 1 July would reprice it
        assertThatThrownBy(() -> FeesFixtures.asFinance(() -> schedules.changeRate(newRate.code(),
                LocalDate.of(2025, 7, 1), new BigDecimal("3.20"))))
                .isInstanceOf(ValidationException.class);
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> FeesFixtures.asFinance(() -> schedules.changeRate(p + "PF",
                        LocalDate.of(2025, 6, 1), new BigDecimal("2.80"))));
        assertThat(problem(e)).isEqualTo("validFrom:fees.schedule.changeIssued");
        assertThat(e.problems().get(0).args()).containsExactly("2025-06");
    }

    // --- the window -------------------------------------------------------------------------

    @Test
    void the_run_may_be_generated_on_the_28th() {
        clock.set(LocalDate.of(2025, 3, 28));
        assertThat(generate(APRIL).status()).isEqualTo(StatementRun.GENERATED);
    }

    @Test
    void the_run_may_be_generated_on_the_31st() {
        clock.set(LocalDate.of(2025, 3, 31));
        assertThat(generate(APRIL).lines()).isEqualTo(4);
    }

    @Test
    void the_run_may_be_generated_on_the_30th_of_a_30_day_month_for_the_month_after() {
        clock.set(LocalDate.of(2025, 4, 30));
        assertThat(generate(YearMonth.of(2025, 5)).period()).isEqualTo("2025-05");
    }

    @Test
    void the_run_is_refused_on_the_27th_unless_an_administrator_overrides() {
        clock.set(LocalDate.of(2025, 3, 27));
        as(Role.SERVICE_DESK);

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.generate(APRIL, p + "E", false));
        assertThat(problem(e)).isEqualTo("period:fees.run.outsideWindow");
        assertThat(e.problems().get(0).args()).containsExactly("2025-03-28", "2025-03-31", "2025-04");
        assertThatThrownBy(() -> runs.generate(APRIL, p + "E", true))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(runs.window().open()).isFalse();

        as(Role.ADMIN);
        assertThat(runs.generate(APRIL, p + "E", true).lines()).isEqualTo(4);
    }

    @Test
    void in_the_window_only_next_month_is_generated() {
        as(Role.SERVICE_DESK);
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.generate(YearMonth.of(2025, 5), p + "E", false));
        assertThat(problem(e)).isEqualTo("period:fees.run.notNextMonth");
    }

    @Test
    void a_february_window_with_a_start_day_past_its_end_opens_on_the_last_day() {
        assertThat(RunWindow.of(LocalDate.of(2025, 2, 27), 30).open()).isFalse();
        assertThat(RunWindow.of(LocalDate.of(2025, 2, 28), 30).open()).isTrue();
        assertThat(RunWindow.of(LocalDate.of(2025, 2, 28), 28).nextPeriod()).isEqualTo(YearMonth.of(2025, 3));
    }

    // --- who is billed ----------------------------------------------------------------------

    @Test
    void undelivered_units_are_not_billed_and_a_unit_delivered_on_the_last_day_is() {
        FeesFixtures.unit(p, estates, "N1", "C1", "90.00", "residential", null);
        FeesFixtures.unit(p, estates, "N2", "C1", "90.00", "residential", LocalDate.of(2025, 5, 1));
        FeesFixtures.unit(p, estates, "N3", "C1", "90.00", "residential", LocalDate.of(2025, 4, 30));
        as(Role.SERVICE_DESK);

        List<String> billed = unitCodes(runs.preview(APRIL, p + "E"));

        assertThat(billed).contains(p + "N3").doesNotContain(p + "N1", p + "N2");
    }

    @Test
    void statements_exist_only_after_the_release() {
        StatementRun run = generate(APRIL);
        assertThat(statementsOf(p + "C1-B1-0101", APRIL)).isZero();

        reviewAll(run.runNo());
        as(Role.FINANCE);
        Released released = runs.release(run.runNo(), StatementRunService.Progress.NONE);

        assertThat(released.statements()).isEqualTo(4);
        var st = dsl.selectFrom(STATEMENTS).where(STATEMENTS.UNIT_CODE.eq(p + "C1-B1-0101")).fetchSingle();
        assertThat(st.getStatementNo()).matches("ST-202504-\\d{6}");
        assertThat(st.getIssuedOn()).isEqualTo(LocalDate.of(2025, 3, 28));
        assertThat(st.getDueOn()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(st.getRunNo()).isEqualTo(run.runNo()).matches("RUN-2025-04-\\d{3}");
        assertThat(st.getAmount()).isEqualByComparingTo("221.25");
        assertThat(runs.run(run.runNo()).orElseThrow().status()).isEqualTo(StatementRun.RELEASED);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("release")
                .and(AUDIT_LOG.ENTITY_KEY.eq(run.runNo()))
                .and(AUDIT_LOG.DETAILS.contains("statements=4")))).isEqualTo(1);
    }

    // --- idempotence ------------------------------------------------------------------------

    @Test
    void running_the_period_again_makes_no_duplicates_and_bills_only_a_newly_delivered_unit() {
        Released first = generateReviewRelease(APRIL);
        as(Role.SERVICE_DESK);
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.generate(APRIL, p + "E", false));
        assertThat(problem(e)).isEqualTo("period:fees.run.nothingToBill");
        assertThatThrownBy(() -> runs.release(first.runNo(), StatementRunService.Progress.NONE))
                .isInstanceOf(ValidationException.class);

        FeesFixtures.unit(p, estates, "NEW", "C2", "50.00", "residential", LocalDate.of(2025, 4, 10));
        clock.set(LocalDate.of(2025, 3, 30));
        StatementRun second = generate(APRIL);
        assertThat(second.runNo()).isNotEqualTo(first.runNo());
        as(Role.SUPERVISOR);
        runs.review(second.runNo(), p + "C2", "new unit handed over on 10 April");
        as(Role.FINANCE);
        Released again = runs.release(second.runNo(), StatementRunService.Progress.NONE);

        assertThat(again.statements()).isEqualTo(1);
        assertThat(statementsOf(p + "NEW", APRIL)).isEqualTo(1);
        for (String unit : List.of("C1-B1-0101", "C1-B1-0102", "C2-B1-0101", "C2-B1-0102")) {
            assertThat(statementsOf(p + unit, APRIL)).as(unit).isEqualTo(1);
        }
    }

    @Test
    void generating_again_before_the_release_replaces_the_lines_and_asks_for_new_reviews() {
        StatementRun run = generate(APRIL);
        as(Role.BUTLER);
        runs.review(run.runNo(), p + "C1", null);
        FeesFixtures.unit(p, estates, "LATE", "C1", "60.00", "residential", LocalDate.of(2025, 4, 2));

        StatementRun again = generate(APRIL);

        assertThat(again.runNo()).isEqualTo(run.runNo());
        assertThat(again.lines()).isEqualTo(5);
        assertThat(again.reviewedClusters()).isZero();
        assertThat(runs.runs()).filteredOn(r -> r.runNo().equals(run.runNo())).hasSize(1);
    }

    @Test
    void an_all_estates_run_is_refused_while_an_estate_run_of_the_period_awaits_release() {
        clock.set(LocalDate.of(2031, 1, 29));
        StatementRun estateRun = generate(YearMonth.of(2031, 2));
        as(Role.SERVICE_DESK);

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.generate(YearMonth.of(2031, 2), null, false));

        assertThat(problem(e)).isEqualTo("estateCode:fees.run.overlapping");
        assertThat(e.problems().get(0).args()).containsExactly(estateRun.runNo());
    }

    // --- review and release -----------------------------------------------------------------

    @Test
    void a_butler_reviews_only_their_clusters_and_sees_only_their_lines() {
        StatementRun run = generate(APRIL);
        as(Role.BUTLER);

        assertThatThrownBy(() -> runs.review(run.runNo(), p + "C2", null))
                .isInstanceOf(AccessDeniedException.class);
        ClusterReview mine = runs.review(run.runNo(), p + "C1", "checked with the owners' list");

        assertThat(mine.reviewedBy()).isEqualTo(butler);
        assertThat(mine.note()).isEqualTo("checked with the owners' list");
        assertThat(runs.clusterReviews(run.runNo())).extracting(ClusterReview::clusterCode)
                .containsExactly(p + "C1");
        assertThat(runs.lines(run.runNo(), null, Page.first(50))).extracting(RunLine::clusterCode)
                .containsOnly(p + "C1").hasSize(2);
        assertThat(runs.countLines(run.runNo(), p + "C2")).isZero();
        as(Role.FINANCE);
        assertThatThrownBy(() -> runs.review(run.runNo(), p + "C2", null))
                .isInstanceOf(AccessDeniedException.class);
        as(Role.BUTLER);
        assertThatThrownBy(() -> runs.generate(APRIL, p + "E", false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.release(run.runNo(), StatementRunService.Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_release_is_refused_until_every_cluster_with_lines_is_reviewed() {
        StatementRun run = generate(APRIL);
        as(Role.BUTLER);
        runs.review(run.runNo(), p + "C1", null);
        as(Role.SERVICE_DESK);

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.release(run.runNo(), StatementRunService.Progress.NONE));
        assertThat(problem(e)).isEqualTo("run:fees.run.notReviewed");
        assertThat(e.problems().get(0).args()).containsExactly(p + "C2");
        assertThat(statementsOf(p + "C1-B1-0101", APRIL)).isZero();

        as(Role.SUPERVISOR);
        runs.review(run.runNo(), p + "C2", null);
        as(Role.SERVICE_DESK);
        List<int[]> steps = new ArrayList<>();
        Released released = runs.release(run.runNo(), (done, total) -> steps.add(new int[] {done, total}));

        assertThat(released.statements()).isEqualTo(4);
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(steps.size() - 1)).containsExactly(2, 2);
    }

    @Test
    void the_release_is_refused_when_an_area_changed_after_the_run_was_generated() {
        StatementRun run = generate(APRIL);
        reviewAll(run.runNo());
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        estates.saveUnit(new Unit(p + "C2-B1-0102", p + "C2-B1", 1, "0102", new BigDecimal("90.00"),
                "residential", LocalDate.of(2024, 1, 1)), false, null);
        as(Role.FINANCE);

        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> runs.release(run.runNo(), StatementRunService.Progress.NONE));

        assertThat(problem(e)).isEqualTo("run:fees.run.stale");
        assertThat(e.problems().get(0).args()).containsExactly(p + "C2-B1-0102");
    }

    @Test
    void the_release_lets_open_credit_pay_the_new_statements_on_their_issue_day() {
        String unit = p + "C1-B1-0101";
        dsl.insertInto(PAYMENTS, PAYMENTS.PAYMENT_NO, PAYMENTS.UNIT_CODE, PAYMENTS.PAID_ON,
                        PAYMENTS.AMOUNT, PAYMENTS.CHANNEL)
                .values(p + "PAY", unit, LocalDate.of(2025, 3, 10), new BigDecimal("500.00"), "transfer")
                .execute();
        as(Role.FINANCE);
        allocations.recompute(List.of(unit));
        clock.set(LocalDate.of(2025, 3, 29));

        generateReviewRelease(APRIL);

        String statementNo = dsl.select(STATEMENTS.STATEMENT_NO).from(STATEMENTS)
                .where(STATEMENTS.UNIT_CODE.eq(unit)).fetchSingle().value1();
        assertThat(dsl.selectFrom(PAYMENT_ALLOCATIONS).where(PAYMENT_ALLOCATIONS.UNIT_CODE.eq(unit)).fetch())
                .extracting(a -> a.getStatementNo(), a -> a.getPaymentNo(), a -> a.getAllocatedOn(),
                        a -> a.getAmount())
                .containsExactly(tuple(statementNo, p + "PAY", LocalDate.of(2025, 3, 29),
                        new BigDecimal("221.25")));
        assertThat(allocations.ledger(unit).orElseThrow().credit()).isEqualByComparingTo("278.75");
    }
}

package org.guanjia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.FEE_SCHEDULES;
import static org.guanjia.db.Tables.STATEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.pdf.PdfText;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
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
 * A hand-made estate settled for 2024 (366 days): cluster C1 with units A (100 m², 3 persons)
 * and B (50 m², 1 person), cluster C2 with V (50 m², vacant all year, no persons entered) and
 * P (75.50 m², 2 persons, vacant from 1 October: 92 days). Total area 275.50 m², 7 persons
 * counted. Butler S1 looks after C1, butler S2 after C2.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SettlementServiceTest {

    static final LocalDate DELIVERED = LocalDate.of(2023, 6, 1);

    @Autowired
    SettlementService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String estate;
    String a;
    String b;
    String v;
    String pp;

    static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @BeforeEach
    void given_an_estate_with_four_units_and_a_2024_budget() {
        clock.set(LocalDate.of(2025, 2, 10));
        p = "S" + UUID.randomUUID().toString().substring(0, 6) + "-";
        estate = p + "E";
        a = p + "C1-A";
        b = p + "C1-B";
        v = p + "C2-V";
        pp = p + "C2-P";
        TestUsers.signIn("admin1", Role.ADMIN, null);
        estates.saveEstate(new Estate(estate, "Lotus Garden " + p, "Shenzhen", null, null), true);
        for (String c : new String[] {"C1", "C2"}) {
            estates.saveCluster(new Cluster(p + c, estate, "Cluster " + c), true);
            estates.saveBuilding(new Building(p + c + "-B", p + c, "Building", 10), true);
        }
        unit(a, "C1", "100.00", "occupied");
        unit(b, "C1", "50.00", "occupied");
        unit(v, "C2", "50.00", "vacant");
        unit(pp, "C2", "75.50", "occupied");
        estates.saveStatus(new UnitStatus(pp, LocalDate.of(2024, 10, 1), "vacant", null));
        staff.saveStaff(new Staff(p + "S1", "Butler one", "butler", null, "13800000001", null, true), true);
        staff.saveStaff(new Staff(p + "S2", "Butler two", "butler", null, "13800000002", null, true), true);
        staff.saveAssignment(new Assignment(p + "S1", p + "C1", DELIVERED, null), true);
        staff.saveAssignment(new Assignment(p + "S2", p + "C2", DELIVERED, null), true);
        TestUsers.signIn("finance1", Role.FINANCE, null);
        budget("waste", "head_count", "1000.00");
        budget("management", "unit", "400.00");
        budget("cleaning", "area", "1500.00");
        budget("repairs", "area", "406.00");
        // actual costs: two entries for cleaning
        cost("waste", "700.00");
        cost("waste", "300.00");
        cost("management", "400.00");
        cost("cleaning", "2750.00");
        cost("repairs", "1000.01");
        service.savePersons(a, 2024, 3);
        service.savePersons(b, 2024, 1);
        service.savePersons(pp, 2024, 2);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void unit(String code, String cluster, String area, String status) {
        estates.saveUnit(new Unit(code, p + cluster + "-B", 1, code.substring(code.length() - 1), money(area),
                "residential", DELIVERED), true, new UnitStatus(null, DELIVERED, status, null));
    }

    private void budget(String category, String key, String amount) {
        service.saveBudgetLine(new BudgetLine(estate, 2024, category, key, money(amount), null));
    }

    private void cost(String category, String amount) {
        service.addCost(new CostEntry(null, estate, 2024, category, LocalDate.of(2024, 12, 20), money(amount),
                "INV-" + category, null));
    }

    private void statement(String unit, String period, String feeType, String amount) {
        dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                        STATEMENTS.FEE_TYPE, STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                .values(p + "ST-" + unit.substring(unit.length() - 1) + "-" + period + "-" + feeType.charAt(0),
                        unit, period, feeType, money(amount), java.time.YearMonth.parse(period).minusMonths(1).atDay(28),
                        java.time.YearMonth.parse(period).atEndOfMonth())
                .execute();
    }

    private SettlementLine line(List<SettlementLine> lines, String unit) {
        return lines.stream().filter(l -> l.unitCode().equals(unit)).findFirst().orElseThrow();
    }

    private SettlementDetail detail(String no, String unit, String category) {
        return service.details(no, unit).stream().filter(d -> d.category().equals(category)).findFirst()
                .orElseThrow();
    }

    private List<SettlementLine> computed() {
        Settlement s = service.compute(estate, 2024, x -> { });
        return service.lines(s.settlementNo());
    }

    // --- budget, costs, prepayment ------------------------------------------------------------

    @Test
    void the_actual_costs_are_the_sum_of_the_cost_entries_and_each_entry_is_audited() {
        BudgetSummary s = service.budget(estate, 2024);

        assertThat(s.lines()).extracting(BudgetLine::category, BudgetLine::allocationKey, BudgetLine::actualAmount)
                .containsExactly(tuple("waste", "head_count", money("1000.00")),
                        tuple("repairs", "area", money("1000.01")),
                        tuple("cleaning", "area", money("2750.00")),
                        tuple("management", "unit", money("400.00")));
        assertThat(s.actualTotal()).isEqualByComparingTo("5150.01");
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("service_charge_cost")
                .and(AUDIT_LOG.DETAILS.startsWith(estate + "/2024/")))).isEqualTo(5);
    }

    @Test
    void deleting_a_cost_entry_lowers_the_actual_costs() {
        CostEntry wrong = service.costs(estate, 2024).stream().filter(c -> c.amount().compareTo(money("300.00")) == 0)
                .findFirst().orElseThrow();

        service.deleteCost(wrong.id());

        assertThat(service.budget(estate, 2024).lines()).filteredOn(l -> l.category().equals("waste"))
                .extracting(BudgetLine::actualAmount).containsExactly(money("700.00"));
    }

    @Test
    void a_cost_that_would_make_the_actual_negative_is_refused_on_the_amount() {
        assertThatThrownBy(() -> service.addCost(new CostEntry(null, estate, 2024, "management",
                LocalDate.of(2024, 12, 31), money("-400.01"), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("amount"));
    }

    @Test
    void the_prepayment_rate_is_the_budget_over_the_area_over_twelve_months() {
        // 3,306.00 / 275.50 m2 / 12 = 1.0000
        BudgetSummary s = service.budget(estate, 2024);

        assertThat(s.budgetTotal()).isEqualByComparingTo("3306.00");
        assertThat(s.areaMonths()).isEqualByComparingTo("3306.00");
        assertThat(s.prepaymentRate()).isEqualByComparingTo("1.0000");
        assertThat(s.appliedRate()).isNull();
    }

    @Test
    void applying_the_rate_writes_a_fee_schedule_for_the_whole_year_when_nothing_is_billed() {
        clock.set(LocalDate.of(2023, 12, 10));

        PrepaymentSchedule s = service.applyPrepaymentRate(estate, 2024);

        assertThat(s.validFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(dsl.selectFrom(FEE_SCHEDULES).where(FEE_SCHEDULES.ESTATE_CODE.eq(estate)).fetch())
                .extracting(r -> r.getFeeType(), r -> r.getUnitType(), r -> r.getRate(), r -> r.getValidFrom(),
                        r -> r.getValidTo())
                .containsExactly(tuple("service_charge_prepayment", "residential", money("1.0000"),
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(service.budget(estate, 2024).appliedRate()).isEqualByComparingTo("1.0000");
    }

    @Test
    void a_new_rate_applies_from_the_first_month_not_yet_billed_and_closes_the_old_schedule() {
        service.applyPrepaymentRate(estate, 2024);
        statement(a, "2024-03", "property_fee", "250.00");
        budget("repairs", "area", "1067.20"); // budget 3,967.20 -> 1.2000

        PrepaymentSchedule s = service.applyPrepaymentRate(estate, 2024);

        assertThat(s.rate()).isEqualByComparingTo("1.2000");
        assertThat(s.validFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(dsl.selectFrom(FEE_SCHEDULES).where(FEE_SCHEDULES.ESTATE_CODE.eq(estate))
                        .orderBy(FEE_SCHEDULES.VALID_FROM).fetch())
                .extracting(r -> r.getRate(), r -> r.getValidFrom(), r -> r.getValidTo())
                .containsExactly(tuple(money("1.0000"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)),
                        tuple(money("1.2000"), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 12, 31)));
    }

    // --- the settlement -----------------------------------------------------------------------

    @Test
    void the_area_key_shares_by_m2_over_all_units_vacant_ones_included() {
        List<SettlementLine> lines = computed();
        String no = lines.get(0).settlementNo();

        // 2,750.00 x area / 275.50
        assertThat(detail(no, a, "cleaning").shareAmount()).isEqualByComparingTo("998.19");
        assertThat(detail(no, b, "cleaning").shareAmount()).isEqualByComparingTo("499.09");
        assertThat(detail(no, v, "cleaning").shareAmount()).isEqualByComparingTo("499.09");
        assertThat(detail(no, pp, "cleaning").shareAmount()).isEqualByComparingTo("753.63");
        assertThat(detail(no, a, "cleaning").basis()).isEqualByComparingTo("100.00");
        assertThat(detail(no, a, "cleaning").totalWeight()).isEqualByComparingTo("100833.00"); // 275.5 x 366
    }

    @Test
    void the_unit_key_shares_equally_and_the_head_count_key_by_persons() {
        List<SettlementLine> lines = computed();
        String no = lines.get(0).settlementNo();

        for (String u : List.of(a, b, v, pp)) {
            assertThat(detail(no, u, "management").shareAmount()).as(u).isEqualByComparingTo("100.00");
        }
        // 1,000.00 over 3 + 1 + 1 (V, no entry) + 2 = 7 persons: 428.571.., 142.857.. x2, 285.714..
        // floors 428.57 + 142.85 + 142.85 + 285.71 = 999.98; the two cents go to the largest
        // remainders, B and V (.714 each, ahead of P .429 and A .143)
        assertThat(detail(no, a, "waste").shareAmount()).isEqualByComparingTo("428.57");
        assertThat(detail(no, b, "waste").shareAmount()).isEqualByComparingTo("142.86");
        assertThat(detail(no, v, "waste").shareAmount()).isEqualByComparingTo("142.86");
        assertThat(detail(no, pp, "waste").shareAmount()).isEqualByComparingTo("285.71");
    }

    @Test
    void the_lines_add_up_exactly_to_the_actual_costs() {
        List<SettlementLine> lines = computed();

        BigDecimal share = lines.stream().map(SettlementLine::shareAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(share).isEqualByComparingTo("5150.01");
        for (String category : List.of("waste", "management", "cleaning", "repairs")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (SettlementLine l : lines) {
                sum = sum.add(detail(l.settlementNo(), l.unitCode(), category).shareAmount());
            }
            BigDecimal actual = service.budget(estate, 2024).lines().stream()
                    .filter(x -> x.category().equals(category)).findFirst().orElseThrow().actualAmount();
            assertThat(sum).as(category).isEqualByComparingTo(actual);
        }
    }

    @Test
    void the_vacant_unit_keeps_its_share_and_the_owner_bears_it() {
        List<SettlementLine> lines = computed();

        SettlementLine vacant = line(lines, v);
        assertThat(vacant.vacantDays()).isEqualTo(366);
        assertThat(vacant.payer()).isEqualTo("owner");
        assertThat(vacant.vacantShareAmount()).isEqualByComparingTo(vacant.shareAmount());
        SettlementLine partly = line(lines, pp);
        assertThat(partly.vacantDays()).isEqualTo(92);
        assertThat(partly.payer()).isEqualTo("split");
        assertThat(partly.vacantShareAmount()).isEqualByComparingTo(partly.shareAmount()
                .multiply(BigDecimal.valueOf(92)).divide(BigDecimal.valueOf(366), 2, java.math.RoundingMode.HALF_UP));
        assertThat(line(lines, a).payer()).isEqualTo("tenant");
        assertThat(line(lines, a).vacantShareAmount()).isEqualByComparingTo("0.00");
    }

    @Test
    void the_occupied_units_shares_are_the_same_whether_or_not_a_unit_is_vacant() {
        List<SettlementLine> withVacancy = computed();
        TestUsers.signIn("admin1", Role.ADMIN, null);
        estates.saveStatus(new UnitStatus(v, DELIVERED, "occupied", null));
        TestUsers.signIn("finance1", Role.FINANCE, null);

        List<SettlementLine> allOccupied = computed();

        for (String u : List.of(a, b, pp)) {
            assertThat(line(allOccupied, u).shareAmount()).as(u).isEqualByComparingTo(line(withVacancy, u).shareAmount());
        }
        assertThat(line(allOccupied, v).shareAmount()).isEqualByComparingTo(line(withVacancy, v).shareAmount());
        assertThat(line(allOccupied, v).vacantDays()).isZero();
    }

    @Test
    void prepayments_are_the_prepayment_statements_billed_for_the_year_and_the_balance_is_share_minus_prepaid() {
        for (int m = 1; m <= 12; m++) {
            String period = String.format("2024-%02d", m);
            statement(a, period, "service_charge_prepayment", "100.00");
            statement(b, period, "service_charge_prepayment", "80.00");
            statement(b, period, "property_fee", "150.00");
        }
        statement(a, "2025-01", "service_charge_prepayment", "100.00");

        List<SettlementLine> lines = computed();

        SettlementLine topUp = line(lines, a);
        assertThat(topUp.prepaidAmount()).isEqualByComparingTo("1200.00");
        assertThat(topUp.balance()).isPositive().isEqualByComparingTo(topUp.shareAmount().subtract(money("1200.00")));
        SettlementLine refund = line(lines, b);
        // share 142.86 + 100.00 + 499.09 + 181.49 = 923.44
        assertThat(refund.prepaidAmount()).isEqualByComparingTo("960.00");
        assertThat(refund.balance()).isEqualByComparingTo("-36.56");
        assertThat(line(lines, v).prepaidAmount()).isEqualByComparingTo("0.00");
        assertThat(lines).allSatisfy(l -> assertThat(l.balance())
                .isEqualByComparingTo(l.shareAmount().subtract(l.prepaidAmount())));
    }

    @Test
    void a_draft_is_recomputed_in_place() {
        List<SettlementLine> first = computed();
        cost("repairs", "275.50");

        List<SettlementLine> second = computed();

        assertThat(second).hasSize(4);
        assertThat(second.get(0).settlementNo()).isEqualTo(first.get(0).settlementNo());
        assertThat(line(second, a).shareAmount().subtract(line(first, a).shareAmount()))
                .isEqualByComparingTo("100.00");
        assertThat(service.settlement(estate, 2024)).get().extracting(Settlement::status).isEqualTo("draft");
    }

    @Test
    void a_final_settlement_is_locked_with_its_budget_costs_and_persons() {
        computed();

        Settlement s = service.makeFinal(estate, 2024);

        assertThat(s.status()).isEqualTo("final");
        assertThat(s.finalizedAt()).isNotNull();
        assertThatThrownBy(() -> service.compute(estate, 2024, x -> { })).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cost("repairs", "1.00")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> budget("repairs", "area", "1.00")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.savePersons(a, 2024, 4)).isInstanceOf(ValidationException.class);
        assertThat(service.lines(s.settlementNo())).hasSize(4);
    }

    @Test
    void a_year_not_over_cannot_be_made_final() {
        clock.set(LocalDate.of(2024, 12, 31));

        assertThatThrownBy(() -> service.makeFinal(estate, 2024))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("settle.error.yearNotOver"));
    }

    // --- roles --------------------------------------------------------------------------------

    @Test
    void a_butler_cannot_write() {
        TestUsers.signIn("butler1", Role.BUTLER, p + "S1");

        assertThatThrownBy(() -> cost("repairs", "1.00")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> budget("repairs", "area", "1.00")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.compute(estate, 2024, x -> { })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.savePersons(a, 2024, 4)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.applyPrepaymentRate(estate, 2024)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_butler_reads_only_the_lines_and_letters_of_their_clusters() {
        String no = computed().get(0).settlementNo();
        TestUsers.signIn("butler2", Role.BUTLER, p + "S2");

        assertThat(service.lines(no)).extracting(SettlementLine::unitCode).containsExactly(pp, v);
        assertThatThrownBy(() -> service.letter(no, a, Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.details(no, a)).isInstanceOf(AccessDeniedException.class);
        assertThat(PdfText.of(service.letter(no, v, Locale.ENGLISH))).contains(v);
        assertThatThrownBy(() -> service.calculate(estate, 2024)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_butler_of_another_estate_and_the_service_desk_see_nothing() {
        String no = computed().get(0).settlementNo();
        TestUsers.signIn("butler9", Role.BUTLER, "NOBODY");
        assertThatThrownBy(() -> service.lines(no)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.budget(estate, 2024)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk1", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> service.lines(no)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void managers_and_supervisors_read_everything_but_cannot_write() {
        String no = computed().get(0).settlementNo();
        TestUsers.signIn("manager1", Role.MANAGER, null);
        assertThat(service.lines(no)).hasSize(4);
        assertThatThrownBy(() -> cost("repairs", "1.00")).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("supervisor1", Role.SUPERVISOR, null);
        assertThat(service.calculate(estate, 2024)).hasSize(4);
        assertThatThrownBy(() -> service.makeFinal(estate, 2024)).isInstanceOf(AccessDeniedException.class);
    }

    // --- letters ------------------------------------------------------------------------------

    @Test
    void the_letter_shows_the_breakdown_prepayments_and_balance_in_the_estates_currency() {
        for (int m = 1; m <= 12; m++) {
            statement(a, String.format("2024-%02d", m), "service_charge_prepayment", "100.00");
        }
        List<SettlementLine> lines = computed();
        Settlement s = service.makeFinal(estate, 2024);
        SettlementLine l = line(service.lines(s.settlementNo()), a);

        String text = PdfText.of(service.letter(s.settlementNo(), a, Locale.ENGLISH)).replaceAll("\\s+", " ");

        assertThat(lines).isNotEmpty();
        assertThat(text).contains("Service-charge settlement 2024", a, "Lotus Garden", s.settlementNo(),
                "Waste disposal", "Cleaning", "Management", "Repairs and maintenance", "By persons", "Per unit",
                "By m²", "CN¥2,750.00", "CN¥998.19", "CN¥1,200.00", "Top-up to pay",
                "CN¥" + String.format(Locale.US, "%,.2f", l.balance()), "2025-03-12");
        assertThat(l.balance()).isPositive();
        String chinese = PdfText.of(service.letter(s.settlementNo(), a, Locale.SIMPLIFIED_CHINESE))
                .replaceAll("\\s+", " ");
        assertThat(chinese).contains("2024 年度物业服务费结算单", "垃圾清运", "¥2,750.00", "应补缴");
    }

    @Test
    void the_letter_of_a_vacant_unit_says_the_owner_bears_its_share_and_a_refund_is_a_refund() {
        for (int m = 1; m <= 12; m++) {
            statement(v, String.format("2024-%02d", m), "service_charge_prepayment", "200.00");
        }
        String no = computed().get(0).settlementNo();

        String text = PdfText.of(service.letter(no, v, Locale.ENGLISH)).replaceAll("\\s+", " ");

        assertThat(text).contains("DRAFT", "vacant for 366 days", "Refund to you", "CN¥2,400.00");
    }

    @Test
    void amounts_follow_the_estates_currency() {
        TestUsers.signIn("admin1", Role.ADMIN, null);
        estates.saveEstate(new Estate(estate, "Lotus Garden " + p, "Hong Kong", null, "HKD"), false);
        TestUsers.signIn("finance1", Role.FINANCE, null);
        String no = computed().get(0).settlementNo();

        String text = PdfText.of(service.letter(no, a, Locale.ENGLISH));

        assertThat(text).contains("HK$2,750.00").doesNotContain("CN¥");
    }

    @Test
    void all_letters_make_one_file_with_a_page_per_unit() {
        String no = computed().get(0).settlementNo();

        byte[] pdf = service.allLetters(no, Locale.TRADITIONAL_CHINESE);

        assertThat(PdfText.pages(pdf)).isEqualTo(4);
        List<String> pages = new ArrayList<>(List.of(PdfText.of(pdf).split("\f")));
        assertThat(pages.get(0)).contains(a).doesNotContain(b);
        assertThat(pages.get(3)).contains(v, "物業服務費結算單");
    }
}

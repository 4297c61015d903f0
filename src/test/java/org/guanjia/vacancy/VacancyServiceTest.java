package org.guanjia.vacancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.VACANCY_INSPECTIONS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
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

@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VacancyServiceTest {

    @Autowired
    VacancyService service;
    @Autowired
    FollowUpService followUps;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    /** Vacant since 2025-02-01 (cluster 1). */
    String vacant;
    /** Occupied throughout (cluster 1). */
    String occupied;
    /** Vacant since 2025-02-01 (cluster 2, outside the butler's clusters). */
    String otherCluster;

    @BeforeEach
    void given_vacant_and_occupied_units_and_an_engineering_department() {
        p = "VC" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        vacant = p + "C1-B1-0101";
        occupied = p + "C1-B1-0102";
        otherCluster = p + "C2-B1-0101";
        if (dsl.fetchCount(DEPARTMENTS, DEPARTMENTS.KIND.eq("engineering")) == 0) {
            dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                    .values("D-ENG", "Engineering", "engineering").execute();
        }
        admin();
        status(vacant, LocalDate.of(2025, 2, 1), "vacant");
        status(otherCluster, LocalDate.of(2025, 2, 1), "vacant");
        TestUsers.signOut();
        clock.set(LocalDate.of(2025, 3, 31));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void admin() {
        TestUsers.signIn("admin", Role.ADMIN, null);
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private void status(String unit, LocalDate from, String status) {
        estates.saveStatus(new UnitStatus(unit, from, status, null));
    }

    private void unit(String room, String initialStatus) {
        estates.saveUnit(new Unit(p + "C1-B1-" + room, p + "C1-B1", 1, room, new BigDecimal("90.00"),
                "residential", LocalDate.of(2024, 1, 1)), true,
                new UnitStatus(null, LocalDate.of(2024, 1, 1), initialStatus, null));
    }

    private static NewInspection allOk(String unit, LocalDate on) {
        return new NewInspection(unit, on, true, true, true, true, "All shut", null, null, null);
    }

    private List<String> due() {
        return service.dueThisMonth(null).units().stream().map(VacantUnit::unitCode).toList();
    }

    private int inspectionsOf(String unit) {
        return dsl.fetchCount(VACANCY_INSPECTIONS, VACANCY_INSPECTIONS.UNIT_CODE.eq(unit));
    }

    private static List<String> fields(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::field).toList();
    }

    @Test
    void an_inspection_on_the_last_day_of_last_month_leaves_the_unit_due_this_month() {
        butler();
        service.record(allOk(vacant, null));
        assertThat(due()).doesNotContain(vacant);

        clock.set(LocalDate.of(2025, 4, 1));

        DueInspections d = service.dueThisMonth(null);
        assertThat(d.month()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(d.daysLeft()).isEqualTo(30);
        assertThat(d.units()).extracting(VacantUnit::unitCode).contains(vacant).doesNotContain(occupied);
        assertThat(d.units()).filteredOn(u -> u.unitCode().equals(vacant)).singleElement()
                .satisfies(u -> {
                    assertThat(u.lastInspectedOn()).isEqualTo(LocalDate.of(2025, 3, 31));
                    assertThat(u.vacantSince()).isEqualTo(LocalDate.of(2025, 2, 1));
                });
    }

    @Test
    void an_inspection_on_the_first_day_of_the_month_marks_the_unit_done() {
        clock.set(LocalDate.of(2025, 4, 1));
        butler();
        assertThat(due()).contains(vacant);

        Inspection i = service.record(allOk(vacant, null));

        assertThat(i.no()).matches("VI-202504-\\d{5}");
        assertThat(i.inspectedOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(i.staffCode()).isEqualTo(p + "S1");
        assertThat(i.followUpNo()).isNull();
        assertThat(due()).doesNotContain(vacant);
        clock.set(LocalDate.of(2025, 4, 30));
        assertThat(service.dueThisMonth(null).daysLeft()).isEqualTo(1);
        assertThat(due()).doesNotContain(vacant);
    }

    @Test
    void a_failed_check_opens_an_engineering_follow_up_kept_on_the_inspection_and_audited() {
        butler();

        Inspection i = service.record(new NewInspection(vacant, null, true, true, false, true, "Water under the sink",
                null, null, null));

        assertThat(i.passed()).isFalse();
        assertThat(i.failedChecks()).containsExactly("noLeak");
        assertThat(i.followUpNo()).isNotNull();
        assertThat(i.followUpStatus()).isEqualTo("open");
        FollowUp f = followUps.followUp(i.followUpNo()).orElseThrow();
        assertThat(f.source()).isEqualTo("vacancy_inspection");
        assertThat(f.sourceRef()).isEqualTo(i.no());
        assertThat(f.unitCode()).isEqualTo(vacant);
        assertThat(f.clusterCode()).isEqualTo(p + "C1");
        assertThat(dsl.fetchValue(DEPARTMENTS.KIND, DEPARTMENTS.DEPARTMENT_CODE.eq(f.departmentCode())))
                .isEqualTo("engineering");
        assertThat(f.description()).contains("有渗漏").contains("Water under the sink");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("vacancy_inspection")
                .and(AUDIT_LOG.ENTITY_KEY.eq(i.no())))).isEqualTo(1);
    }

    @Test
    void an_unanswered_check_is_refused_on_its_field_and_nothing_is_written() {
        butler();
        int followUpsBefore = dsl.fetchCount(FOLLOW_UPS);

        assertThatThrownBy(() -> service.record(new NewInspection(vacant, null, true, null, false, true, null, null,
                null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("utilitiesOffOk"));

        assertThat(inspectionsOf(vacant)).isZero();
        assertThat(dsl.fetchCount(FOLLOW_UPS)).isEqualTo(followUpsBefore);
    }

    @Test
    void the_owner_informed_date_may_not_precede_the_inspection_nor_lie_in_the_future() {
        butler();
        LocalDate on = LocalDate.of(2025, 3, 28);

        assertThatThrownBy(() -> service.record(new NewInspection(vacant, on, true, true, true, true, null, null,
                on.minusDays(1), "phone")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("ownerInformedOn"));
        assertThatThrownBy(() -> service.record(new NewInspection(vacant, on, true, true, true, true, null, null,
                null, "sms")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("ownerInformedOn"));
        assertThat(inspectionsOf(vacant)).isZero();

        Inspection i = service.record(new NewInspection(vacant, on, true, true, true, true, null, null, on, "sms"));
        assertThat(i.ownerInformedOn()).isEqualTo(on);
        assertThat(i.ownerInformedMethod()).isEqualTo("sms");

        Inspection later = service.record(allOk(vacant, on));
        assertThatThrownBy(() -> service.informOwner(later.no(), new OwnerInformed(on.plusDays(4), "phone")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("ownerInformedOn"));
        assertThatThrownBy(() -> service.informOwner(later.no(), new OwnerInformed(on, "fax")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("ownerInformedMethod"));
        Inspection told = service.informOwner(later.no(), new OwnerInformed(on.plusDays(1), "visit"));
        assertThat(told.ownerInformedOn()).isEqualTo(on.plusDays(1));
        assertThat(told.ownerInformedMethod()).isEqualTo("visit");
    }

    @Test
    void a_unit_not_vacant_on_the_day_or_a_future_day_is_refused() {
        butler();

        assertThatThrownBy(() -> service.record(allOk(occupied, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("unitCode"));
        // vacant today, but still occupied in January
        assertThatThrownBy(() -> service.record(allOk(vacant, LocalDate.of(2025, 1, 20))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("unitCode"));
        assertThatThrownBy(() -> service.record(allOk(vacant, LocalDate.of(2025, 4, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("inspectedOn"));
        assertThat(inspectionsOf(vacant) + inspectionsOf(occupied)).isZero();
    }

    @Test
    void a_butler_sees_and_inspects_only_their_clusters_and_other_roles_are_refused() {
        butler();
        assertThat(due()).contains(vacant).doesNotContain(otherCluster);
        assertThatThrownBy(() -> service.record(allOk(otherCluster, null))).isInstanceOf(AccessDeniedException.class);
        Inspection i = service.record(allOk(vacant, null));

        TestUsers.signIn("b2", Role.BUTLER, p + "S-none");
        assertThat(service.inspection(i.no())).isEmpty();
        assertThatThrownBy(() -> service.informOwner(i.no(), new OwnerInformed(LocalDate.of(2025, 3, 31), "sms")))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThat(due()).contains(otherCluster);
        assertThat(service.record(allOk(otherCluster, null)).clusterCode()).isEqualTo(p + "C2");

        for (Role wrong : List.of(Role.FINANCE, Role.SERVICE_DESK)) {
            TestUsers.signIn("x", wrong, null);
            assertThatThrownBy(() -> service.dueThisMonth(null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.record(allOk(vacant, null))).isInstanceOf(AccessDeniedException.class);
        }
        TestUsers.signIn("adm", Role.ADMIN, null);
        assertThat(service.inspection(i.no())).isPresent();
        assertThatThrownBy(() -> service.record(allOk(vacant, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void move_ins_are_counted_per_iso_week_and_agree_with_the_monthly_vacancy_view() {
        admin();
        // 0101: vacant from 02-01 (set up), decorating 03-03, moves in 03-12 (week 11)
        status(vacant, LocalDate.of(2025, 3, 3), "decorating");
        status(vacant, LocalDate.of(2025, 3, 12), "occupied");
        // 0102: vacant 02-10, moves in on Sunday 03-16 (still week 11)
        status(occupied, LocalDate.of(2025, 2, 10), "vacant");
        status(occupied, LocalDate.of(2025, 3, 16), "occupied");
        // 0103: vacant since delivery, moves in 03-24 (week 13)
        unit("0103", "vacant");
        status(p + "C1-B1-0103", LocalDate.of(2025, 3, 24), "occupied");
        // 0104: stays vacant; 0105: occupied, a second occupied row is no move-in
        unit("0104", "vacant");
        unit("0105", "occupied");
        status(p + "C1-B1-0105", LocalDate.of(2025, 3, 18), "occupied");
        clock.set(LocalDate.of(2025, 4, 10));
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        service.record(allOk(p + "C1-B1-0104", LocalDate.of(2025, 3, 20)));
        butler();

        List<WeeklyMoveIns> weeks = service.weeklyMoveIns(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 31));

        assertThat(weeks).extracting(WeeklyMoveIns::clusterCode).containsOnly(p + "C1");
        assertThat(weeks).extracting(WeeklyMoveIns::week, WeeklyMoveIns::moveIns).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025-W10", 0), org.assertj.core.groups.Tuple.tuple("2025-W11", 2),
                org.assertj.core.groups.Tuple.tuple("2025-W12", 0), org.assertj.core.groups.Tuple.tuple("2025-W13", 1),
                org.assertj.core.groups.Tuple.tuple("2025-W14", 0));
        assertThat(weeks.get(1).monday()).isEqualTo(LocalDate.of(2025, 3, 10));

        List<MonthlyVacancy> months = service.monthlyVacancy(YearMonth.of(2025, 2), YearMonth.of(2025, 3));
        assertThat(months).extracting(MonthlyVacancy::clusterCode).containsOnly(p + "C1");
        MonthlyVacancy march = months.stream().filter(m -> m.month().equals(YearMonth.of(2025, 3))).findFirst()
                .orElseThrow();
        assertThat(march.deliveredUnits()).isEqualTo(5);
        assertThat(march.vacantUnits()).isEqualTo(1);
        assertThat(march.vacancyRate()).isEqualByComparingTo("0.2000");
        assertThat(march.moveIns()).isEqualTo(weeks.stream().mapToInt(WeeklyMoveIns::moveIns).sum());
        assertThat(march.inspectionCoverage()).isEqualByComparingTo("1.0000");
        MonthlyVacancy february = months.stream().filter(m -> m.month().equals(YearMonth.of(2025, 2))).findFirst()
                .orElseThrow();
        // end of February: 0101, 0102, 0103 and 0104 vacant
        assertThat(february.vacantUnits()).isEqualTo(4);
        assertThat(february.inspectionCoverage()).isEqualByComparingTo("0.0000");
    }
}

package org.guanjia.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.REPAIRS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
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

@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RepairServiceTest {

    static final LocalDateTime REPORTED = LocalDateTime.of(2025, 3, 3, 9, 0);

    @Autowired
    RepairService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String u1;
    String engineer;

    @BeforeEach
    void given_an_estate_and_an_engineer() {
        p = "RP" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        engineer = p + "E1";
        TestUsers.signIn("admin", Role.ADMIN, null);
        staff.saveStaff(new Staff(engineer, "Engineer " + p, "engineer", null, null, null, true), true);
        TestUsers.signOut();
        clock.set(REPORTED);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private static String keyOf(ValidationException e, String field) {
        return e.problems().stream().filter(x -> x.field().equals(field))
                .map(ValidationException.Problem::messageKey).findFirst().orElse(null);
    }

    @Test
    void a_repair_goes_from_report_to_engineer_to_completion_to_return_visit() {
        butler();
        Repair r = service.report(new NewRepair(u1, null, null, "plumbing", "Kitchen tap leaks"));
        assertThat(r.no()).matches("RP-202503-\\d{5}");
        assertThat(r.buildingCode()).isEqualTo(p + "C1-B1");
        assertThat(r.status()).isEqualTo("reported");
        assertThat(r.reportedAt()).isEqualTo(REPORTED);
        assertThat(service.engineers()).extracting(Engineer::code).contains(engineer);

        clock.set(REPORTED.plusMinutes(30));
        r = service.assign(r.no(), new Assignment(engineer, null, true));
        assertThat(r.status()).isEqualTo("assigned");
        assertThat(r.engineerName()).isEqualTo("Engineer " + p);
        assertThat(r.butlerAccompanied()).isTrue();

        clock.set(REPORTED.plusHours(3));
        r = service.complete(r.no(), new Completion(null, null));
        assertThat(r.status()).isEqualTo("completed");
        assertThat(r.completedAt()).isEqualTo(REPORTED.plusHours(3));

        clock.set(REPORTED.plusDays(2));
        r = service.returnVisit(r.no(), new ReturnVisit(null, 5, 4, null, "Quick and tidy"));
        assertThat(r.status()).isEqualTo("closed");
        assertThat(r.returnVisitAt()).isEqualTo(REPORTED.plusDays(2));
        assertThat(r.returnVisitBy()).isEqualTo(p + "S1");
        assertThat(r.score()).isEqualByComparingTo(new BigDecimal("4.50"));
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("repair").and(AUDIT_LOG.ENTITY_KEY.eq(r.no()))))
                .isEqualTo(4);
    }

    @Test
    void a_common_area_repair_names_the_building_and_needs_one() {
        butler();
        Repair r = service.report(new NewRepair(null, p + "C1-B1", null, "lighting", "Stairwell light"));
        assertThat(r.isCommonArea()).isTrue();
        assertThat(r.clusterCode()).isEqualTo(p + "C1");

        assertThatThrownBy(() -> service.report(new NewRepair(null, null, null, "lighting", "x")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "unitCode")).isEqualTo("repair.validation.unitOrBuilding"));
    }

    @Test
    void forbidden_steps_scores_outside_one_to_five_and_early_times_are_refused() {
        butler();
        Repair r = service.report(new NewRepair(u1, null, null, "electrical", "Socket trips"));
        String no = r.no();
        clock.set(REPORTED.plusHours(1));

        assertThatThrownBy(() -> service.complete(no, new Completion(null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "status")).isEqualTo("repair.validation.when.reported"));
        assertThatThrownBy(() -> service.returnVisit(no, new ReturnVisit(null, 5, 5, 5, null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.assign(no, new Assignment(p + "S1", null, false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "engineerCode")).isEqualTo("repair.validation.notEngineer"));
        assertThatThrownBy(() -> service.assign(no, new Assignment(engineer, REPORTED.minusMinutes(5), false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "assignedAt")).isEqualTo("repair.validation.beforeReported"));
        service.assign(no, new Assignment(engineer, null, false));
        service.complete(no, new Completion(null, null));

        assertThatThrownBy(() -> service.returnVisit(no, new ReturnVisit(null, 6, 4, 4, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "scoreAttitude")).isEqualTo("validation.range"));
        assertThatThrownBy(() -> service.returnVisit(no, new ReturnVisit(null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "scoreQuality")).isEqualTo("repair.validation.noScore"));
        assertThatThrownBy(() -> service.returnVisit(no, new ReturnVisit(REPORTED, 4, 4, 4, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "returnVisitAt")).isEqualTo("repair.validation.beforeCompleted"));
        assertThat(dsl.fetchValue(REPAIRS.STATUS, REPAIRS.REPAIR_NO.eq(no))).isEqualTo("completed");
        assertThat(dsl.fetchValue(REPAIRS.SCORE_ATTITUDE, REPAIRS.REPAIR_NO.eq(no))).isNull();
    }

    @Test
    void a_butler_of_another_cluster_and_finance_are_refused_by_the_service() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        Repair other = service.report(new NewRepair(p + "C2-B1-0101", null, null, "plumbing", "Leak"));

        butler();
        assertThatThrownBy(() -> service.report(new NewRepair(p + "C2-B1-0102", null, null, "plumbing", "x")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "unitCode")).isEqualTo("repair.validation.outOfScope"));
        assertThatThrownBy(() -> service.report(new NewRepair(null, p + "C2-B1", null, "lighting", "x")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "buildingCode")).isEqualTo("repair.validation.outOfScope"));
        assertThatThrownBy(() -> service.assign(other.no(), new Assignment(engineer, null, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.repair(other.no())).isEmpty();
        assertThat(service.list(new RepairFilter(null, null, null, p), Page.first(10))).isEmpty();
        assertThat(service.buildings()).contains(p + "C1-B1").doesNotContain(p + "C2-B1");

        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.list(new RepairFilter(null, null, null, null), Page.first(1)))
                .isInstanceOf(AccessDeniedException.class);
    }
}

package org.guanjia.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;

import java.time.LocalDate;
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
class FollowUpServiceTest {

    @Autowired
    FollowUpService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String dept;

    @BeforeEach
    void given_an_estate_and_a_department() {
        p = "FU" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        dept = "D-CL-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Cleaning " + p, "cleaning").execute();
        clock.set(LocalDateTime.of(2025, 3, 3, 9, 30));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private FollowUp raise(String unit) {
        return service.create(new NewFollowUp("patrol", "PT-1", null, unit, dept, null,
                "Rubbish in the stairwell", LocalDate.of(2025, 3, 4)));
    }

    private FollowUpFilter openOf(String cluster) {
        return new FollowUpFilter(true, cluster, null, null, null, null);
    }

    @Test
    void a_follow_up_takes_its_cluster_and_building_from_the_unit_and_is_audited() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");

        FollowUp f = raise(p + "C1-B1-0101");

        assertThat(f.no()).startsWith("FU-2025-");
        assertThat(f.clusterCode()).isEqualTo(p + "C1");
        assertThat(f.buildingCode()).isEqualTo(p + "C1-B1");
        assertThat(f.departmentName()).isEqualTo("Cleaning " + p);
        assertThat(f.raisedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 9, 30));
        assertThat(f.status()).isEqualTo("open");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("follow_up").and(AUDIT_LOG.ENTITY_KEY.eq(f.no()))))
                .isEqualTo(1);
    }

    @Test
    void the_open_list_filters_by_department_and_source_and_the_users_clusters() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        FollowUp c1 = raise(p + "C1-B1-0101");
        FollowUp c2 = raise(p + "C2-B1-0101");

        assertThat(service.list(new FollowUpFilter(true, null, dept, "patrol", null, null), Page.first(50)))
                .extracting(FollowUp::no).containsExactly(c1.no(), c2.no());
        assertThat(service.list(new FollowUpFilter(true, null, dept, "collection", null, null), Page.first(50)))
                .isEmpty();
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        assertThat(service.list(new FollowUpFilter(true, null, dept, null, null, null), Page.first(50)))
                .extracting(FollowUp::no).containsExactly(c1.no());
        assertThat(service.count(new FollowUpFilter(true, null, dept, null, null, null))).isEqualTo(1);
        assertThat(service.followUp(c2.no())).isEmpty();
    }

    @Test
    void progress_then_resolution_with_the_reply_closes_it() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        FollowUp f = raise(p + "C1-B1-0101");

        clock.set(LocalDateTime.of(2025, 3, 3, 11, 0));
        assertThat(service.updateStatus(f.no(), "in_progress", "Cleaner on the way").status())
                .isEqualTo("in_progress");
        clock.set(LocalDateTime.of(2025, 3, 3, 15, 0));
        FollowUp resolved = service.resolve(f.no(), "Stairwell cleaned", null);
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.resolvedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 15, 0));
        clock.set(LocalDateTime.of(2025, 3, 4, 10, 0));
        FollowUp closed = service.resolve(f.no(), "Stairwell cleaned", "Told the owner by phone");

        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.resolvedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 15, 0));
        assertThat(closed.repliedAt()).isEqualTo(LocalDateTime.of(2025, 3, 4, 10, 0));
        assertThat(closed.replyToOwner()).isEqualTo("Told the owner by phone");
        assertThat(service.notes(f.no())).extracting(FollowUpNote::note)
                .containsExactly("Cleaner on the way", "Told the owner by phone");
        assertThat(service.list(openOf(p + "C1"), Page.first(10))).isEmpty();
        assertThatThrownBy(() -> service.resolve(f.no(), "again", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_resolution_is_required() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        FollowUp f = raise(p + "C1-B1-0101");

        assertThatThrownBy(() -> service.resolve(f.no(), " ", "ok"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("resolution"));
        assertThat(service.followUp(f.no()).orElseThrow().status()).isEqualTo("open");
    }

    @Test
    void a_butler_of_another_cluster_and_finance_cannot_work_on_it() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        FollowUp f = raise(p + "C2-B1-0101");

        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        assertThatThrownBy(() -> service.resolve(f.no(), "done", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> raise(p + "C2-B1-0102")).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.updateStatus(f.no(), "in_progress", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.followUp(f.no()).orElseThrow().status()).isEqualTo("open");
    }

    @Test
    void open_units_of_a_source_as_of_a_day() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        FollowUp f = service.create(new NewFollowUp("collection", "CA-1", null, p + "C1-B1-0102", dept,
                null, "Leak", null));

        assertThat(service.unitsWithOpen("collection", java.util.List.of(p + "C1-B1-0102", p + "C1-B1-0101"),
                LocalDate.of(2025, 3, 3))).containsExactly(p + "C1-B1-0102");
        assertThat(service.unitsWithOpen("patrol", java.util.List.of(p + "C1-B1-0102"),
                LocalDate.of(2025, 3, 3))).isEmpty();
        assertThat(service.unitsWithOpen("collection", java.util.List.of(p + "C1-B1-0102"),
                LocalDate.of(2025, 3, 2))).isEmpty();
        clock.set(LocalDateTime.of(2025, 3, 5, 8, 0));
        service.resolve(f.no(), "Fixed", "Told");
        assertThat(service.unitsWithOpen("collection", java.util.List.of(p + "C1-B1-0102"),
                LocalDate.of(2025, 3, 5))).isEmpty();
        assertThat(service.unitsWithOpen("collection", java.util.List.of(p + "C1-B1-0102"),
                LocalDate.of(2025, 3, 4))).containsExactly(p + "C1-B1-0102");
    }
}

package org.guanjia.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.FOLLOW_UPS;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.billing.AllocationService;
import org.guanjia.estate.EstateService;
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
class CollectionServiceTest {

    @Autowired
    CollectionService service;
    @Autowired
    FollowUpService followUps;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    AllocationService allocations;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    CollectionFixtures f;

    @BeforeEach
    void given_an_estate() {
        f = new CollectionFixtures("CS" + UUID.randomUUID().toString().substring(0, 6) + "-", estates,
                staff, dsl, allocations);
        f.quarterTwo();
        clock.set(LocalDate.of(2025, 5, 16));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private NewCollectionAction call(String unit, String reason, LocalDate promised) {
        return new NewCollectionAction(unit, null, "phone", reason, promised, "Called the owner", null,
                null);
    }

    private int actionsOf(String unit) {
        return dsl.fetchCount(COLLECTION_ACTIONS, COLLECTION_ACTIONS.UNIT_CODE.eq(unit));
    }

    @Test
    void a_butler_logs_a_call_for_a_unit_of_their_cluster_dated_today_by_default() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        CollectionAction a = service.log(call(f.u12, "forgot", LocalDate.of(2025, 5, 20)));

        assertThat(a.actionOn()).isEqualTo(LocalDate.of(2025, 5, 16));
        assertThat(a.staffCode()).isEqualTo(f.s1);
        assertThat(a.actionNo()).startsWith("CA-2025-");
        assertThat(service.actions(f.u12)).singleElement().satisfies(x -> {
            assertThat(x.method()).isEqualTo("phone");
            assertThat(x.reason()).isEqualTo("forgot");
            assertThat(x.promisedOn()).isEqualTo(LocalDate.of(2025, 5, 20));
            assertThat(x.staffName()).isEqualTo("Butler " + f.p);
        });
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("collection_action")
                .and(AUDIT_LOG.ENTITY_KEY.eq(a.actionNo())))).isEqualTo(1);
    }

    @Test
    void a_butler_of_another_cluster_is_refused_by_the_service_and_nothing_is_written() {
        TestUsers.signIn("b3", Role.BUTLER, f.s3);

        assertThatThrownBy(() -> service.log(call(f.u12, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.actions(f.u12)).isInstanceOf(AccessDeniedException.class);
        assertThat(actionsOf(f.u12)).isZero();
    }

    @Test
    void a_role_that_does_not_collect_is_refused() {
        TestUsers.signIn("m", Role.MANAGER, null);

        assertThatThrownBy(() -> service.log(call(f.u12, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actionsOf(f.u12)).isZero();
    }

    @Test
    void the_service_desk_and_finance_log_for_every_cluster() {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        service.log(call(f.u12, null, null));
        TestUsers.signIn("fin", Role.FINANCE, null);
        service.log(call(f.u31, null, null));

        assertThat(actionsOf(f.u12)).isEqualTo(1);
        assertThat(actionsOf(f.u31)).isEqualTo(1);
    }

    @Test
    void dates_are_checked_and_named_on_their_fields() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        assertThatThrownBy(() -> service.log(new NewCollectionAction(f.u12, LocalDate.of(2025, 5, 17),
                "phone", null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("actionOn"));
        assertThatThrownBy(() -> service.log(new NewCollectionAction(f.u12, LocalDate.of(2025, 5, 16),
                "phone", null, LocalDate.of(2025, 5, 15), null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("promisedOn"));
        assertThatThrownBy(() -> service.log(new NewCollectionAction(f.u12, null, "telepathy", null,
                null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("method"));
        assertThat(actionsOf(f.u12)).isZero();
    }

    @Test
    void a_lawyers_letter_cannot_be_logged_without_the_letter() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);

        assertThatThrownBy(() -> service.log(new NewCollectionAction(f.u12, null, "lawyer_letter",
                "malicious", null, null, null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_service_issue_opens_a_follow_up_and_flags_the_unit_until_it_is_resolved() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        CollectionAction a = service.log(new NewCollectionAction(f.u12, null, "visit", "service_issue",
                LocalDate.of(2025, 5, 30), "Water leaks from the ceiling", null, f.dept));

        FollowUp ticket = followUps.followUp(a.followUpNo()).orElseThrow();
        assertThat(ticket.source()).isEqualTo("collection");
        assertThat(ticket.sourceRef()).isEqualTo(a.actionNo());
        assertThat(ticket.unitCode()).isEqualTo(f.u12);
        assertThat(ticket.clusterCode()).isEqualTo(f.c1);
        assertThat(ticket.departmentCode()).isEqualTo(f.dept);
        assertThat(ticket.description()).isEqualTo("Water leaks from the ceiling");
        assertThat(ticket.status()).isEqualTo("open");
        assertThat(service.flaggedUnits(f.units())).containsExactly(f.u12);
        assertThat(service.flaggedUnitsOfClusters(List.of(f.c1), LocalDate.of(2025, 5, 16)))
                .containsExactly(f.u12);
        assertThat(service.flaggedUnitsOfClusters(List.of(f.c2), LocalDate.of(2025, 5, 16))).isEmpty();
        assertThat(service.actions(f.u12).get(0).followUpStatus()).isEqualTo("open");
        assertThat(service.unit(f.u12).orElseThrow().flagged()).isTrue();

        clock.set(LocalDate.of(2025, 5, 18));
        followUps.updateStatus(ticket.no(), "in_progress", "Engineer booked");
        assertThat(service.flaggedUnits(f.units())).containsExactly(f.u12);

        clock.set(LocalDate.of(2025, 5, 20));
        followUps.resolve(ticket.no(), "Pipe replaced", "Called the owner, fixed");

        assertThat(service.flaggedUnits(f.units())).isEmpty();
        assertThat(service.unit(f.u12).orElseThrow().flagged()).isFalse();
        assertThat(service.actions(f.u12).get(0).followUpStatus()).isEqualTo("closed");
        // as of a day before the resolution the unit was still flagged
        assertThat(service.flaggedUnits(f.units(), LocalDate.of(2025, 5, 19))).containsExactly(f.u12);
        assertThat(service.flaggedUnits(f.units(), LocalDate.of(2025, 5, 15))).isEmpty();
    }

    @Test
    void a_service_issue_needs_the_department_and_a_description_and_writes_nothing_without() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);

        assertThatThrownBy(() -> service.log(new NewCollectionAction(f.u12, null, "phone",
                "service_issue", null, " ", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("departmentCode", "note"));
        assertThat(actionsOf(f.u12)).isZero();
        assertThat(dsl.fetchCount(FOLLOW_UPS, FOLLOW_UPS.UNIT_CODE.eq(f.u12))).isZero();
    }

    @Test
    void the_unit_page_shows_what_is_owed_and_the_log_newest_first() {
        TestUsers.signIn("b1", Role.BUTLER, f.s1);
        clock.set(LocalDate.of(2025, 5, 14));
        service.log(call(f.u12, null, LocalDate.of(2025, 5, 25)));
        clock.set(LocalDate.of(2025, 5, 16));
        CollectionAction second = service.log(call(f.u12, "financial", null));

        UnitCollection u = service.unit(f.u12).orElseThrow();

        // April and May issued by 16 May, unpaid; April is overdue
        assertThat(u.outstanding()).isEqualByComparingTo("200.00");
        assertThat(u.overdue()).isEqualByComparingTo("100.00");
        assertThat(u.oldestDueOn()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(u.ownerName()).isEqualTo("Owner " + f.u12);
        assertThat(u.promisedOn()).isEqualTo(LocalDate.of(2025, 5, 25));
        assertThat(u.actions()).extracting(CollectionAction::actionNo).startsWith(second.actionNo());
        assertThat(u.actions()).extracting(CollectionAction::actionOn)
                .containsExactly(LocalDate.of(2025, 5, 16), LocalDate.of(2025, 5, 14));
        assertThat(service.unit("nope-" + f.p)).isEmpty();
    }
}

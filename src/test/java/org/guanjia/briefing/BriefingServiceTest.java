package org.guanjia.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.BRIEFING_ITEMS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
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
class BriefingServiceTest {

    @Autowired
    BriefingService service;
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
    String dept;

    @BeforeEach
    void given_an_estate_and_an_engineering_department() {
        p = "MB" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        dept = "D-EN-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Engineering " + p, "engineering").execute();
        clock.set(LocalDateTime.of(2025, 4, 1, 9, 40));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    @Test
    void the_days_briefing_takes_items_and_those_needing_action_become_follow_ups() {
        butler();
        Briefing b = service.today(p + "C1");
        assertThat(b.no()).startsWith("MB-202504-");
        assertThat(b.briefingOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(b.heldAt()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 40));
        assertThat(service.today(p + "C1").no()).as("one briefing per cluster and day").isEqualTo(b.no());

        Briefing held = service.held(b.no(), LocalTime.of(9, 30), "All five sources asked");
        assertThat(held.heldAt()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 30));
        BriefingItem quiet = service.addItem(b.no(), new NewBriefingItem("security", "Quiet night", false, false,
                null, null, null));
        assertThat(quiet.followUpNo()).isNull();
        BriefingItem lift = service.addItem(b.no(), new NewBriefingItem("maintenance", "Lift 8 stuck at 23:10",
                true, true, p + "C1-B1-0101", dept, LocalDate.of(2025, 4, 2)));
        FollowUp f = followUps.followUp(lift.followUpNo()).orElseThrow();
        assertThat(f.source()).isEqualTo("briefing");
        assertThat(f.sourceRef()).isEqualTo(b.no());
        assertThat(f.departmentCode()).isEqualTo(dept);
        assertThat(f.unitCode()).isEqualTo(p + "C1-B1-0101");
        assertThat(lift.urgent()).isTrue();
        assertThat(lift.followUpStatus()).isEqualTo("open");

        assertThatThrownBy(() -> service.held(b.no(), LocalTime.of(9, 35), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("brief.validation.heldFixed"));
        held = service.briefing(b.no()).orElseThrow();
        assertThat(held.note()).isEqualTo("All five sources asked");
        assertThat(held.items()).isEqualTo(2);
        assertThat(held.openFollowUps()).isEqualTo(1);
        assertThat(service.items(b.no())).extracting(BriefingItem::source).containsExactly("security", "maintenance");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("morning_briefing")
                .and(AUDIT_LOG.ENTITY_KEY.eq(b.no())))).isEqualTo(4);

        clock.set(LocalDateTime.of(2025, 4, 2, 9, 30));
        assertThatThrownBy(() -> service.addItem(b.no(), new NewBriefingItem("security", "late", false, false,
                null, null, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("brief.validation.notToday"));
        assertThat(service.today(p + "C1").no()).isNotEqualTo(b.no());
    }

    @Test
    void bad_items_and_times_are_refused_on_their_field_and_nothing_is_written() {
        butler();
        Briefing b = service.today(p + "C1");
        int followUpsBefore = dsl.fetchCount(FOLLOW_UPS);
        assertThatThrownBy(() -> service.addItem(b.no(), new NewBriefingItem("gardener", " ", false, true, null,
                null, LocalDate.of(2025, 3, 31)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("source", "description", "departmentCode", "dueOn"));
        assertThatThrownBy(() -> service.addItem(b.no(), new NewBriefingItem("security", "Stranger", false, true,
                p + "C2-B1-0101", dept, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).field()).isEqualTo("unitCode"));
        assertThatThrownBy(() -> service.held(b.no(), LocalTime.of(11, 0), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("brief.validation.heldInFuture"));
        assertThat(dsl.fetchCount(FOLLOW_UPS)).isEqualTo(followUpsBefore);
        assertThat(dsl.fetchCount(BRIEFING_ITEMS, BRIEFING_ITEMS.BRIEFING_NO.eq(b.no()))).isZero();
        assertThat(service.briefing(b.no()).orElseThrow().heldAt()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 40));
    }

    @Test
    void a_butler_of_another_cluster_and_wrong_roles_are_refused_by_the_service() {
        TestUsers.signIn("sup", Role.SUPERVISOR, p + "S1");
        Briefing other = service.today(p + "C2");

        butler();
        assertThatThrownBy(() -> service.today(p + "C2")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addItem(other.no(), new NewBriefingItem("security", "x", false, false,
                null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.items(other.no())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.briefing(other.no())).isEmpty();
        assertThat(service.list(new BriefingFilter(p + "C2", null, null, false), Page.first(5))).isEmpty();

        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> service.list(BriefingFilter.all(), Page.first(5)))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThatThrownBy(() -> service.today(p + "C1")).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(new BriefingFilter(p + "C2", null, null, false), Page.first(5)))
                .extracting(Briefing::no).containsExactly(other.no());
    }
}

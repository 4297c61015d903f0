package org.guanjia.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.RECTIFICATION_ITEMS;

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
class RectificationServiceTest {

    @Autowired
    RectificationService service;
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
    String u1;
    String dept;

    @BeforeEach
    void given_an_estate_and_an_engineering_department() {
        p = "RI" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        dept = "D-EN-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Engineering " + p, "engineering").execute();
        clock.set(LocalDateTime.of(2025, 4, 1, 10, 0));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    @Test
    void an_item_is_a_follow_up_until_it_is_closed_with_the_feedback_to_the_owner() {
        butler();
        RectificationItem i = service.raise(new NewRectification(u1, LocalDate.of(2025, 3, 28),
                "Crack in the living-room wall", dept));
        assertThat(i.no()).startsWith("RI-202503-");
        assertThat(i.status()).isEqualTo("open");
        FollowUp f = followUps.followUp(i.followUpNo()).orElseThrow();
        assertThat(f.source()).isEqualTo(RectificationService.FOLLOW_UP_SOURCE);
        assertThat(f.sourceRef()).isEqualTo(i.no());
        assertThat(f.departmentCode()).isEqualTo(dept);
        assertThat(f.isOpen()).isTrue();

        clock.set(LocalDateTime.of(2025, 4, 3, 15, 0));
        i = service.addNote(i.no(), "Contractor came to look", false);
        assertThat(i.status()).isEqualTo("in_progress");
        assertThat(followUps.followUp(f.no()).orElseThrow().status()).isEqualTo("in_progress");
        service.addNote(i.no(), "Owner happy with the plan", true);
        assertThat(service.notes(i.no())).extracting(RectificationNote::returnVisit).containsExactly(false, true);

        clock.set(LocalDateTime.of(2025, 4, 10, 11, 0));
        i = service.close(i.no(), new RectificationClosing(null, "Wall repaired and repainted"));
        assertThat(i.status()).isEqualTo("closed");
        assertThat(i.closedOn()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(i.feedbackToOwner()).isEqualTo("Wall repaired and repainted");
        FollowUp done = followUps.followUp(f.no()).orElseThrow();
        assertThat(done.status()).isEqualTo("closed");
        assertThat(done.replyToOwner()).isEqualTo("Wall repaired and repainted");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("rectification_item")
                .and(AUDIT_LOG.ENTITY_KEY.eq(i.no())))).isEqualTo(4);

        String no = i.no();
        assertThatThrownBy(() -> service.addNote(no, "more", false)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.close(no, new RectificationClosing(null, "again")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void nothing_is_written_without_a_department_or_for_a_closing_before_the_item_was_raised() {
        butler();
        assertThatThrownBy(() -> service.raise(new NewRectification(u1, null, "Door", null)))
                .isInstanceOf(ValidationException.class);
        assertThat(dsl.fetchCount(RECTIFICATION_ITEMS, RECTIFICATION_ITEMS.UNIT_CODE.eq(u1))).isZero();

        RectificationItem i = service.raise(new NewRectification(u1, null, "Door", dept));
        assertThatThrownBy(() -> service.close(i.no(), new RectificationClosing(LocalDate.of(2025, 3, 1), "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("repair.validation.beforeRaised"));
        assertThat(service.item(i.no()).orElseThrow().status()).isEqualTo("open");
    }

    @Test
    void a_butler_of_another_cluster_is_refused_by_the_service() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        RectificationItem other = service.raise(new NewRectification(p + "C2-B1-0101", null, "Window", dept));

        butler();
        assertThatThrownBy(() -> service.raise(new NewRectification(p + "C2-B1-0102", null, "x", dept)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.addNote(other.no(), "x", false)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.item(other.no())).isEmpty();
        assertThat(service.list(new RectificationFilter(false, null, p), Page.first(10))).isEmpty();
    }
}

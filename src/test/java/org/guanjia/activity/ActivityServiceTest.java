package org.guanjia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.ACTIVITY_SIGNUPS;
import static org.guanjia.db.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.Estate;
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
class ActivityServiceTest {

    static final LocalDate TODAY = LocalDate.of(2025, 5, 6);
    static final LocalDateTime STARTS = LocalDateTime.of(2025, 5, 17, 9, 30);

    @Autowired
    ActivityService service;
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
    String u2;
    String u3;

    @BeforeEach
    void given_an_estate_with_a_butler_on_cluster_one() {
        p = "AC" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        u2 = p + "C1-B1-0102";
        u3 = p + "C2-B1-0101";
        clock.set(TODAY);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private void supervisor() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
    }

    private Activity planned(Integer capacity) {
        return service.create(new ActivityPlan(p + "E", "Dragon boat dumplings", STARTS, "Square", capacity));
    }

    private static List<String> fields(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::field).toList();
    }

    @Test
    void an_activity_goes_from_planned_to_announced_to_held_with_its_summary_audited() {
        butler();
        Activity a = planned(20);
        assertThat(a.no()).matches("AC-202505-\\d{5}");
        assertThat(a.status()).isEqualTo("planned");

        assertThatThrownBy(() -> service.markHeld(a.no())).isInstanceOf(ValidationException.class);
        assertThat(service.announce(a.no(), null).status()).isEqualTo("announced");
        assertThat(service.activity(a.no()).orElseThrow().noticeOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> service.markHeld(a.no()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("status"));

        clock.set(STARTS.plusHours(3));
        assertThat(service.markHeld(a.no()).status()).isEqualTo("held");
        assertThat(service.saveSummary(a.no(), "Forty owners came").summary()).isEqualTo("Forty owners came");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("activity").and(AUDIT_LOG.ENTITY_KEY.eq(a.no()))))
                .isEqualTo(4);
    }

    @Test
    void the_notice_may_not_come_after_the_activity_day_nor_lie_in_the_future() {
        butler();
        Activity a = planned(null);
        assertThatThrownBy(() -> service.announce(a.no(), TODAY.plusDays(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("noticeOn"));
        clock.set(LocalDate.of(2025, 5, 20));
        assertThatThrownBy(() -> service.announce(a.no(), LocalDate.of(2025, 5, 18)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("noticeOn"));
        assertThat(service.activity(a.no()).orElseThrow().status()).isEqualTo("planned");
    }

    @Test
    void capacity_counts_heads_and_a_sign_up_beyond_it_is_refused_on_the_head_count() {
        butler();
        Activity a = planned(5);
        assertThat(service.signUp(a.no(), new NewSignup(u1, 3)).heads()).isEqualTo(3);

        assertThatThrownBy(() -> service.signUp(a.no(), new NewSignup(u2, 3)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactly("headCount");
                    assertThat(e.problems().get(0).args()).containsExactly(2);
                });
        assertThat(service.signUp(a.no(), new NewSignup(u2, 2)).heads()).isEqualTo(5);
        assertThatThrownBy(() -> service.changeSignup(a.no(), new NewSignup(u1, 4)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("headCount"));
        assertThat(service.changeSignup(a.no(), new NewSignup(u1, 1)).heads()).isEqualTo(3);
        assertThatThrownBy(() -> service.update(a.no(), new ActivityPlan(null, "Dragon boat dumplings", STARTS,
                "Square", 2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("capacity"));
    }

    @Test
    void a_unit_signs_up_once() {
        butler();
        Activity a = planned(30);
        service.signUp(a.no(), new NewSignup(u1, 2));

        assertThatThrownBy(() -> service.signUp(a.no(), new NewSignup(u1, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("unitCode"));
        assertThat(dsl.fetchCount(ACTIVITY_SIGNUPS, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(a.no()))).isEqualTo(1);
    }

    @Test
    void sign_ups_close_once_held_or_cancelled_and_attendance_opens() {
        butler();
        Activity a = planned(30);
        Activity b = planned(30);
        service.signUp(a.no(), new NewSignup(u1, 2));
        assertThatThrownBy(() -> service.recordResult(a.no(), u1, new SignupResult(true, 2, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("attended"));
        service.announce(a.no(), null);
        clock.set(STARTS.plusHours(2));
        service.markHeld(a.no());

        assertThatThrownBy(() -> service.signUp(a.no(), new NewSignup(u2, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("unitCode"));
        assertThatThrownBy(() -> service.changeSignup(a.no(), new NewSignup(u1, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("headCount"));

        Signup s = service.recordResult(a.no(), u1, new SignupResult(true, 2, 4, "Lovely", "Start later", null));
        assertThat(s.attended()).isTrue();
        assertThat(s.feedbackOn()).isEqualTo(STARTS.toLocalDate());
        Activity after = service.activity(a.no()).orElseThrow();
        assertThat(after.attendedHeads()).isEqualTo(2);
        assertThat(after.meanScore()).isEqualByComparingTo("4.00");

        service.cancel(b.no(), "Rain");
        assertThatThrownBy(() -> service.signUp(b.no(), new NewSignup(u1, 1))).isInstanceOf(ValidationException.class);
        assertThat(dsl.fetchCount(ACTIVITY_SIGNUPS, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(b.no()))).isZero();
    }

    @Test
    void the_feedback_score_is_from_one_to_five_and_an_absent_unit_has_no_attendees() {
        butler();
        Activity a = planned(30);
        service.signUp(a.no(), new NewSignup(u1, 2));
        service.announce(a.no(), null);
        clock.set(STARTS.plusDays(1));
        service.markHeld(a.no());

        assertThatThrownBy(() -> service.recordResult(a.no(), u1, new SignupResult(true, 2, 6, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("feedbackScore"));
        assertThatThrownBy(() -> service.recordResult(a.no(), u1, new SignupResult(true, 2, 0, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("feedbackScore"));
        assertThatThrownBy(() -> service.recordResult(a.no(), u1, new SignupResult(false, 2, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("attendedCount"));
        assertThat(service.signups(a.no()).get(0).attended()).isNull();
        assertThat(service.recordResult(a.no(), u1, new SignupResult(true, 1, 5, null, null, null)).feedbackScore())
                .isEqualTo(5);
    }

    @Test
    void a_butler_manages_their_estate_signs_up_only_their_clusters_and_other_roles_are_refused() {
        butler();
        Activity a = planned(30);
        assertThatThrownBy(() -> service.signUp(a.no(), new NewSignup(u3, 1))).isInstanceOf(AccessDeniedException.class);

        supervisor();
        service.signUp(a.no(), new NewSignup(u3, 2));
        assertThat(service.signups(a.no())).extracting(Signup::unitCode).containsExactly(u3);

        butler();
        service.signUp(a.no(), new NewSignup(u1, 1));
        // the butler sees the sign-ups of their clusters, the totals count everyone
        assertThat(service.signups(a.no())).extracting(Signup::unitCode).containsExactly(u1);
        assertThat(service.activity(a.no()).orElseThrow().heads()).isEqualTo(3);

        // a butler of another estate neither sees nor changes it
        admin();
        estates.saveEstate(new Estate(p + "X", "Other " + p, "Shenzhen", null, null), true);
        estates.saveCluster(new Cluster(p + "X1", p + "X", "Other cluster"), true);
        TestUsers.signIn("bx", Role.BUTLER, p + "S-other");
        assertThat(service.activity(a.no())).isEmpty();
        assertThat(service.list(null, null, null, Page.first(100))).extracting(Activity::no).doesNotContain(a.no());
        assertThatThrownBy(() -> service.announce(a.no(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(new ActivityPlan(p + "E", "Film night", STARTS, null, null)))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.list(null, null, null, Page.first(10))).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThat(service.activity(a.no())).isPresent();
        assertThatThrownBy(() -> service.signUp(a.no(), new NewSignup(u2, 1))).isInstanceOf(AccessDeniedException.class);
    }

    private void admin() {
        TestUsers.signIn("admin", Role.ADMIN, null);
    }

    @Test
    void a_plan_needs_title_estate_and_a_future_start() {
        butler();
        assertThatThrownBy(() -> service.create(new ActivityPlan(null, " ", TODAY.minusDays(1).atTime(9, 0), null, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("title", "estateCode", "capacity", "startsAt"));
    }
}

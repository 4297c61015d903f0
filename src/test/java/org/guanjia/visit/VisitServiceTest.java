package org.guanjia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.VISITS;
import static org.guanjia.db.Tables.VISIT_PLANS;
import static org.guanjia.db.Tables.VISIT_REQUESTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
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
class VisitServiceTest {

    static final LocalDate TODAY = LocalDate.of(2025, 5, 20);

    @Autowired
    VisitService service;
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
    String u2;
    String dept;

    @BeforeEach
    void given_an_estate_with_a_butler_on_cluster_one_and_an_owner() {
        p = "VS" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        u2 = p + "C2-B1-0101";
        dept = "D-EN-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Engineering " + p, "engineering").execute();
        TestUsers.signIn("admin", Role.ADMIN, null);
        estates.saveOwner(new Owner(p + "O1", u1, "Wang", null, false, false, null, false, null), true);
        TestUsers.signOut();
        clock.set(TODAY);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private static NewVisit visit(String unit, LocalDate on, Integer satisfaction, List<NewVisitRequest> requests) {
        return new NewVisit(unit, on, null, "scheduled", "Greening of the courtyard", satisfaction, "Friendly",
                false, null, null, requests);
    }

    private static NewVisitRequest answered(String text) {
        return new NewVisitRequest(text, false, "Explained the rules", null, null);
    }

    private NewVisitRequest escalated(String text) {
        return new NewVisitRequest(text, true, null, dept, TODAY.plusDays(3));
    }

    private static List<String> fields(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::field).toList();
    }

    private int audits(String entity, String key) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_KEY.eq(key)));
    }

    @Test
    void a_butler_records_a_visit_dated_today_as_their_own_and_it_is_audited() {
        butler();

        Visit v = service.record(visit(u1, null, 4, List.of()));

        assertThat(v.no()).matches("VS-202505-\\d{5}");
        assertThat(v.visitedOn()).isEqualTo(TODAY);
        assertThat(v.staffCode()).isEqualTo(p + "S1");
        assertThat(v.kind()).isEqualTo("scheduled");
        assertThat(v.satisfaction()).isEqualTo(4);
        assertThat(v.clusterCode()).isEqualTo(p + "C1");
        assertThat(v.ownerName()).isEqualTo("Wang");
        assertThat(audits("visit", v.no())).isEqualTo(1);
    }

    @Test
    void requests_are_answered_on_the_spot_or_escalated_as_follow_ups_tracked_to_the_reply() {
        butler();

        Visit v = service.record(visit(u1, TODAY.minusDays(1), null,
                List.of(answered("How do I rent a parking space?"), escalated("Corridor light broken"))));

        assertThat(v.requests()).isEqualTo(2);
        assertThat(v.openEscalations()).isEqualTo(1);
        List<VisitRequest> rs = service.requests(v.no());
        assertThat(rs).extracting(VisitRequest::answeredOnSpot).containsExactly(true, false);
        assertThat(rs.get(0).answer()).isEqualTo("Explained the rules");
        VisitRequest esc = rs.get(1);
        assertThat(esc.followUpNo()).isNotNull();
        assertThat(esc.departmentName()).isEqualTo("Engineering " + p);
        assertThat(esc.dueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(esc.followUpStatus()).isEqualTo("open");
        var f = dsl.fetchSingle(FOLLOW_UPS, FOLLOW_UPS.FOLLOW_UP_NO.eq(esc.followUpNo()));
        assertThat(f.getSource()).isEqualTo("visit");
        assertThat(f.getSourceRef()).isEqualTo(v.no());
        assertThat(f.getUnitCode()).isEqualTo(u1);
        assertThat(f.getDescription()).isEqualTo("Corridor light broken");
        assertThat(service.list(new VisitFilter(null, null, null, null, false, false, true, null, null, p),
                Page.first(10))).extracting(Visit::no).containsExactly(v.no());

        followUps.resolve(esc.followUpNo(), "Light replaced", null);
        assertThat(service.requests(v.no()).get(1).followUpStatus()).isEqualTo("resolved");
        assertThat(service.visit(v.no()).orElseThrow().openEscalations()).as("the owner has no answer yet")
                .isEqualTo(1);
        followUps.resolve(esc.followUpNo(), "Light replaced", "Told the owner it is fixed");

        assertThat(service.requests(v.no()).get(1).followUpStatus()).isEqualTo("closed");
        assertThat(service.requests(v.no()).get(1).replyToOwner()).isEqualTo("Told the owner it is fixed");
        assertThat(service.visit(v.no()).orElseThrow().openEscalations()).isZero();
        assertThat(service.list(new VisitFilter(null, null, null, null, false, false, true, null, null, p),
                Page.first(10))).isEmpty();
    }

    @Test
    void bad_input_names_each_field_and_writes_nothing() {
        butler();
        int before = dsl.fetchCount(VISITS);
        int followUpsBefore = dsl.fetchCount(FOLLOW_UPS);

        NewVisit bad = new NewVisit(u1, TODAY.plusDays(1), null, "scheduled", "x", 6, null, false, null, null,
                List.of(escalated("ok"), new NewVisitRequest("No department", true, null, null, null),
                        new NewVisitRequest("No answer", false, " ", null, null)));

        assertThatThrownBy(() -> service.record(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(fields(e)).containsExactlyInAnyOrder("visitedOn", "satisfaction",
                    "requests.1.departmentCode", "requests.2.answer");
            assertThat(e.problems()).filteredOn(x -> x.field().equals("satisfaction"))
                    .extracting(ValidationException.Problem::messageKey).containsExactly("validation.range");
            assertThat(e.problems()).filteredOn(x -> x.field().equals("visitedOn"))
                    .extracting(ValidationException.Problem::messageKey).containsExactly("visit.validation.future");
        });
        assertThat(dsl.fetchCount(VISITS)).isEqualTo(before);
        assertThat(dsl.fetchCount(FOLLOW_UPS)).isEqualTo(followUpsBefore);
    }

    @Test
    void an_escalation_due_before_today_is_refused_on_its_field() {
        butler();
        NewVisit bad = visit(u1, null, null, List.of(new NewVisitRequest("Leak", true, null, dept,
                TODAY.minusDays(1))));

        assertThatThrownBy(() -> service.record(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(fields(e)).containsExactly("requests.0.dueOn"));
        assertThat(dsl.fetchCount(VISITS, VISITS.UNIT_CODE.eq(u1))).isZero();
    }

    @Test
    void a_butler_of_another_cluster_is_refused_by_the_service() {
        TestUsers.signIn("sup", Role.SUPERVISOR, p + "S1");
        Visit other = service.record(visit(u2, null, 5, List.of()));

        butler();
        assertThatThrownBy(() -> service.record(visit(u2, null, 3, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("visit.validation.outOfScope"));
        assertThatThrownBy(() -> service.update(other.no(), new VisitChange(null, "chance", null, 1, null, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addRequest(other.no(), answered("x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.requests(other.no())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.visit(other.no())).isEmpty();
        assertThat(service.list(new VisitFilter(null, null, null, null, false, false, false, null, null, p),
                Page.first(10))).isEmpty();
        assertThat(dsl.fetchValue(VISITS.SATISFACTION, VISITS.VISIT_NO.eq(other.no()))).isEqualTo(5);
    }

    @Test
    void a_butler_records_only_their_own_visits_and_supervisors_see_every_cluster() {
        butler();
        assertThatThrownBy(() -> service.record(new NewVisit(u1, null, p + "OTHER", "chance", null, null, null,
                false, null, null, List.of()))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly("staffCode"));
        Visit mine = service.record(visit(u1, null, null, List.of()));

        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        Visit other = service.record(new NewVisit(u2, null, p + "S1", "return", null, 2, null, true, null, null,
                List.of()));
        assertThat(service.list(new VisitFilter(null, null, null, null, false, false, false, null, null, p),
                Page.first(10))).extracting(Visit::no).containsExactlyInAnyOrder(mine.no(), other.no());
    }

    @Test
    void wrong_roles_are_refused() {
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.record(visit(u1, null, null, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(VisitFilter.all(), Page.first(5)))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> service.record(visit(u1, null, null, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.count(VisitFilter.ofUnit(u1))).isZero();
        assertThat(dsl.fetchCount(VISITS, VISITS.UNIT_CODE.eq(u1))).isZero();
    }

    @Test
    void a_correction_is_audited_and_checked_like_a_new_visit() {
        butler();
        Visit v = service.record(visit(u1, TODAY.minusDays(2), 3, List.of()));

        Visit changed = service.update(v.no(), new VisitChange(TODAY.minusDays(1), "return", "Parking", 5, null, false));

        assertThat(changed.visitedOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(changed.kind()).isEqualTo("return");
        assertThat(changed.satisfaction()).isEqualTo(5);
        assertThat(changed.note()).isNull();
        assertThat(audits("visit", v.no())).isEqualTo(2);
        assertThatThrownBy(() -> service.update(v.no(), new VisitChange(TODAY.plusDays(1), "return", null, 0, null,
                false))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("visitedOn", "satisfaction"));
        assertThat(service.visit(v.no()).orElseThrow().satisfaction()).isEqualTo(5);
    }

    @Test
    void a_request_added_later_to_a_visit_with_requests_is_kept() {
        butler();
        Visit v = service.record(visit(u1, null, null, List.of(escalated("Door bell"))));

        Visit after = service.addRequest(v.no(), answered("Opening hours of the service hall"));

        assertThat(after.requests()).isEqualTo(2);
        assertThat(dsl.fetchCount(VISIT_REQUESTS, VISIT_REQUESTS.VISIT_NO.eq(v.no()))).isEqualTo(2);
        // the visit is referenced by its requests: a correction must still be possible
        assertThat(service.update(v.no(), new VisitChange(null, "chance", "t", 4, "n", false)).kind())
                .isEqualTo("chance");
    }

    @Test
    void strong_opinions_and_the_key_customer_flag_are_kept_on_the_owner() {
        butler();
        Visit v = service.record(new NewVisit(u1, null, null, "scheduled", "Fees", 2, "Angry about fees", true,
                true, null, List.of()));

        assertThat(v.strongOpinion()).isTrue();
        assertThat(v.keyCustomer()).isTrue();
        assertThat(v.ownerStrongOpinion()).isTrue();
        var o = dsl.fetchSingle(OWNERS, OWNERS.OWNER_CODE.eq(p + "O1"));
        assertThat(o.getKeyCustomer()).isTrue();
        assertThat(o.getStrongOpinion()).isTrue();
        assertThat(audits("owner", p + "O1")).isEqualTo(2); // created + flagged
        assertThat(service.list(new VisitFilter(null, null, null, null, false, true, false, null, null, p),
                Page.first(10))).extracting(Visit::no).containsExactly(v.no());
        assertThat(service.list(new VisitFilter(null, null, null, null, true, false, false, null, null, p),
                Page.first(10))).extracting(Visit::no).containsExactly(v.no());
    }

    @Test
    void the_summary_gives_the_mean_satisfaction_of_the_scored_visits() {
        butler();
        service.record(visit(u1, TODAY.minusDays(3), 5, List.of(escalated("A"))));
        service.record(visit(u1, TODAY.minusDays(2), 4, List.of()));
        service.record(visit(p + "C1-B1-0102", TODAY.minusDays(1), null, List.of()));
        service.record(visit(u1, TODAY.minusDays(40), 1, List.of()));

        VisitSummary s = service.summary(new VisitFilter(null, p + "C1", TODAY.minusDays(30), TODAY, false, false,
                false, null, null, null));

        assertThat(s.visits()).isEqualTo(3);
        assertThat(s.scored()).isEqualTo(2);
        assertThat(s.meanSatisfaction()).isEqualByComparingTo(new BigDecimal("4.50"));
        assertThat(s.escalated()).isEqualTo(1);
        assertThat(s.openEscalations()).isEqualTo(1);
    }

    @Test
    void a_planned_visit_is_done_by_the_visit_that_carries_it_out() {
        butler();
        VisitPlan plan = service.plan(new NewVisitPlan(u1, TODAY.plusDays(2), null, "Fee dispute"));
        assertThat(plan.status()).isEqualTo("planned");
        assertThat(plan.staffCode()).isEqualTo(p + "S1");
        assertThat(dsl.fetchCount(VISITS, VISITS.UNIT_CODE.eq(u1))).as("a plan is not a visit").isZero();
        assertThat(service.plans(true, null, p, Page.first(10))).extracting(VisitPlan::no).containsExactly(plan.no());

        clock.set(TODAY.plusDays(2));
        assertThatThrownBy(() -> service.record(new NewVisit(p + "C1-B1-0102", null, null, "scheduled", null, null,
                null, false, null, plan.no(), List.of()))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly("unitCode"));
        Visit v = service.record(new NewVisit(u1, null, null, "scheduled", "Fee dispute", 3, null, false, null,
                plan.no(), List.of()));

        VisitPlan done = service.plan(plan.no()).orElseThrow();
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.visitNo()).isEqualTo(v.no());
        assertThat(service.plans(true, null, p, Page.first(10))).isEmpty();
        assertThat(audits("visit_plan", plan.no())).isEqualTo(2);
        assertThatThrownBy(() -> service.record(new NewVisit(u1, null, null, "scheduled", null, null, null, false,
                null, plan.no(), List.of()))).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_plan_cannot_lie_in_the_past_and_a_cancellation_needs_a_reason() {
        butler();
        assertThatThrownBy(() -> service.plan(new NewVisitPlan(u1, TODAY.minusDays(1), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("plannedOn"));
        assertThatThrownBy(() -> service.plan(new NewVisitPlan(u2, TODAY, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("unitCode"));
        VisitPlan plan = service.plan(new NewVisitPlan(u1, TODAY, null, null));

        assertThatThrownBy(() -> service.cancelPlan(plan.no(), " ")).isInstanceOf(ValidationException.class);
        VisitPlan cancelled = service.cancelPlan(plan.no(), "Owner travelling");

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.cancelledOn()).isEqualTo(TODAY);
        assertThat(dsl.fetchValue(VISIT_PLANS.NOTE, VISIT_PLANS.PLAN_NO.eq(plan.no()))).isEqualTo("Owner travelling");
        TestUsers.signIn("b2", Role.BUTLER, p + "NOBODY");
        assertThatThrownBy(() -> service.cancelPlan(plan.no(), "x")).isInstanceOf(AccessDeniedException.class);
    }
}

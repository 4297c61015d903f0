package org.guanjia.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.pdf.PdfText;
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
class ComplaintServiceTest {

    @Autowired
    ComplaintService service;
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
    static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 7, 14, 20, 5);

    @BeforeEach
    void given_an_estate_with_a_butler_on_cluster_one() {
        p = "CP" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        u1 = p + "C1-B1-0101";
        u2 = p + "C2-B1-0101";
        clock.set(RECEIVED);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Complaint take(String unit) {
        return service.intake(new NewComplaint(unit, null, "phone", "noise", "Loud music upstairs"));
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private static String keyOf(ValidationException e, String field) {
        return e.problems().stream().filter(x -> x.field().equals(field)).map(ValidationException.Problem::messageKey)
                .findFirst().orElse(null);
    }

    @Test
    void intake_defaults_to_now_numbers_by_month_and_is_audited() {
        butler();

        Complaint c = take(u1);

        assertThat(c.no()).matches("CP-202507-\\d{5}");
        assertThat(c.receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.status()).isEqualTo("received");
        assertThat(c.clusterCode()).isEqualTo(p + "C1");
        assertThat(c.responseMinutes()).isEqualTo(30);
        assertThat(c.resolutionHours()).isEqualTo(48);
        assertThat(take(u1).no()).isNotEqualTo(c.no());
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("complaint").and(AUDIT_LOG.ENTITY_KEY.eq(c.no()))))
                .isEqualTo(1);
    }

    @Test
    void the_whole_workflow_records_the_times_the_kpis_read() {
        butler();
        Complaint c = take(u1);

        clock.set(RECEIVED.plusMinutes(12));
        c = service.respond(c.no(), new FirstResponse(null, "on_site", null));
        assertThat(c.status()).isEqualTo("responded");
        assertThat(c.firstResponseAt()).isEqualTo(RECEIVED.plusMinutes(12));
        assertThat(c.responderCode()).isEqualTo(p + "S1");
        assertThat(c.responseBreached(LocalDateTime.now(clock))).isFalse();

        c = service.classify(c.no(), new Classification(true, "Security", "Guard Li", "Talk to the neighbour"));
        assertThat(c.status()).isEqualTo("in_progress");
        assertThat(c.valid()).isTrue();

        clock.set(RECEIVED.plusHours(3));
        c = service.resolve(c.no(), new Resolution(RECEIVED.plusHours(2), "Music stopped at 21:00", null));
        assertThat(c.status()).isEqualTo("resolved");
        assertThat(c.resolvedAt()).isEqualTo(RECEIVED.plusHours(2));
        assertThat(c.repliedAt()).isEqualTo(RECEIVED.plusHours(2));

        clock.set(RECEIVED.plusDays(1));
        c = service.signOff(c.no(), new SignOff(true, null, 4, "Night patrol on floor 5", null));
        assertThat(c.status()).isEqualTo("closed");
        assertThat(c.ownerSigned()).isTrue();
        assertThat(c.satisfaction()).isEqualTo(4);
        assertThat(c.returnVisitAt()).isEqualTo(RECEIVED.plusDays(1));
        assertThat(c.closedAt()).isEqualTo(RECEIVED.plusDays(1));
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("complaint").and(AUDIT_LOG.ENTITY_KEY.eq(c.no()))))
                .isEqualTo(5);
    }

    @Test
    void forbidden_transitions_are_refused_and_nothing_changes() {
        butler();
        Complaint c = take(u1);
        String no = c.no();
        clock.set(RECEIVED.plusHours(1));

        assertThatThrownBy(() -> service.resolve(no, new Resolution(null, "done", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "status")).isEqualTo("complaint.validation.when.received"));
        assertThatThrownBy(() -> service.signOff(no, new SignOff(true, null, 5, null, null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.reopen(no, "again")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.classify(no, new Classification(false, null, null, null)))
                .isInstanceOf(ValidationException.class);
        service.respond(no, new FirstResponse(null, "phone", null));
        assertThatThrownBy(() -> service.respond(no, new FirstResponse(null, "phone", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keyOf(e, "status")).isEqualTo("complaint.validation.when.responded"));
        // resolving needs the butler's classification first
        assertThatThrownBy(() -> service.resolve(no, new Resolution(null, "done", null)))
                .isInstanceOf(ValidationException.class);
        assertThat(service.complaint(no).orElseThrow().status()).isEqualTo("responded");
    }

    @Test
    void a_time_before_receipt_or_in_the_future_is_refused_on_its_field() {
        butler();
        Complaint c = take(u1);
        clock.set(RECEIVED.plusHours(1));

        assertThatThrownBy(() -> service.respond(c.no(), new FirstResponse(RECEIVED.minusMinutes(1), "phone", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "respondedAt"))
                        .isEqualTo("complaint.validation.beforeReceived"));
        assertThatThrownBy(() -> service.respond(c.no(), new FirstResponse(RECEIVED.plusHours(2), "phone", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "respondedAt"))
                        .isEqualTo("complaint.validation.future"));
        service.respond(c.no(), new FirstResponse(RECEIVED.plusMinutes(20), "phone", null));
        service.classify(c.no(), new Classification(false, null, null, null));
        assertThatThrownBy(() -> service.resolve(c.no(), new Resolution(RECEIVED.minusHours(1), "x", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "resolvedAt"))
                        .isEqualTo("complaint.validation.beforeReceived"));
        assertThat(dsl.fetchValue(COMPLAINTS.RESOLVED_AT, COMPLAINTS.COMPLAINT_NO.eq(c.no()))).isNull();
        assertThatThrownBy(() -> service.intake(new NewComplaint(u1, RECEIVED.plusDays(1), "phone", "noise", "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "receivedAt"))
                        .isEqualTo("complaint.validation.future"));
    }

    @Test
    void a_satisfaction_outside_one_to_five_is_refused_and_the_complaint_stays_resolved() {
        butler();
        Complaint c = resolved(u1);
        clock.set(RECEIVED.plusDays(1));

        assertThatThrownBy(() -> service.signOff(c.no(), new SignOff(true, null, 6, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "satisfaction"))
                        .isEqualTo("validation.range"));
        assertThatThrownBy(() -> service.signOff(c.no(), new SignOff(true, RECEIVED.plusHours(1), 4, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keyOf(e, "returnVisitAt"))
                        .isEqualTo("complaint.validation.beforeResolved"));
        assertThat(service.complaint(c.no()).orElseThrow().status()).isEqualTo("resolved");
    }

    private Complaint resolved(String unit) {
        Complaint c = take(unit);
        clock.set(RECEIVED.plusMinutes(10));
        service.respond(c.no(), new FirstResponse(null, "phone", null));
        service.classify(c.no(), new Classification(true, "Engineering", null, "Fix it"));
        clock.set(RECEIVED.plusHours(5));
        return service.resolve(c.no(), new Resolution(null, "Fixed", null));
    }

    @Test
    void reopening_clears_the_resolution_and_counts() {
        butler();
        Complaint c = resolved(u1);
        clock.set(RECEIVED.plusDays(1));
        service.signOff(c.no(), new SignOff(false, null, 2, null, null));

        Complaint r = service.reopen(c.no(), "Noise is back");

        assertThat(r.status()).isEqualTo("in_progress");
        assertThat(r.reopenCount()).isEqualTo(1);
        assertThat(r.resolvedAt()).isNull();
        assertThat(r.satisfaction()).isNull();
        assertThat(r.closedAt()).isNull();
        assertThat(r.firstResponseAt()).isEqualTo(RECEIVED.plusMinutes(10));
        clock.set(RECEIVED.plusDays(2));
        assertThat(service.resolve(c.no(), new Resolution(null, "Fixed again", null)).resolvedAt())
                .isEqualTo(RECEIVED.plusDays(2));
    }

    @Test
    void a_corrective_action_with_a_department_raises_a_follow_up() {
        String dept = "D-SEC-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Security " + p, "security").execute();
        butler();
        Complaint c = resolved(u1);
        clock.set(RECEIVED.plusDays(1));

        service.signOff(c.no(), new SignOff(true, null, 5, "Train the night shift", dept));

        assertThat(dsl.fetchCount(FOLLOW_UPS, FOLLOW_UPS.SOURCE.eq("complaint")
                .and(FOLLOW_UPS.SOURCE_REF.eq(c.no())).and(FOLLOW_UPS.DEPARTMENT_CODE.eq(dept)))).isEqualTo(1);
    }

    @Test
    void a_butler_of_another_cluster_and_finance_are_refused_by_the_service() {
        butler();
        assertThatThrownBy(() -> take(u2)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keyOf(e, "unitCode")).isEqualTo("complaint.validation.outOfScope"));

        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        Complaint other = take(u2);
        assertThatThrownBy(() -> service.respond(other.no(), new FirstResponse(null, "phone", null)))
                .isInstanceOf(AccessDeniedException.class);

        butler();
        clock.set(RECEIVED.plusMinutes(5));
        assertThatThrownBy(() -> service.respond(other.no(), new FirstResponse(null, "phone", p + "S1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.complaint(other.no())).isEmpty();
        assertThat(service.list(new ComplaintFilter(null, null, null, false, p), Page.first(50))).isEmpty();

        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> take(u1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(ComplaintFilter.all(), Page.first(5)))
                .isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThat(service.respond(other.no(), new FirstResponse(null, "phone", null)).status())
                .isEqualTo("responded");
    }

    @Test
    void the_breach_filter_follows_the_category_levels_which_managers_edit() {
        TestUsers.signIn("mgr", Role.MANAGER, null);
        Complaint late = take(u1);
        Complaint waiting = service.intake(new NewComplaint(u2, null, "app", "parking", "Blocked"));
        clock.set(RECEIVED.plusMinutes(40));
        ComplaintFilter breached = new ComplaintFilter(null, null, null, true, p);

        assertThat(service.list(breached, Page.first(10))).extracting(Complaint::no)
                .containsExactlyInAnyOrder(late.no(), waiting.no());

        service.saveServiceLevel(new ServiceLevel("parking", 60, 24));
        try {
            assertThat(service.list(breached, Page.first(10))).extracting(Complaint::no).containsExactly(late.no());
            assertThat(service.count(breached)).isEqualTo(1);
            Complaint w = service.complaint(waiting.no()).orElseThrow();
            assertThat(w.responseMinutes()).isEqualTo(60);
            assertThat(w.responseBreached(LocalDateTime.now(clock))).isFalse();
            // exactly at the deadline without a response counts as late (KPI.md)
            assertThat(w.responseBreached(RECEIVED.plusMinutes(60))).isTrue();

            assertThatThrownBy(() -> service.saveServiceLevel(new ServiceLevel("parking", 0, 24)))
                    .isInstanceOf(ValidationException.class);
            butler();
            assertThatThrownBy(() -> service.saveServiceLevel(new ServiceLevel("parking", 10, 24)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            TestUsers.signIn("mgr", Role.MANAGER, null);
            service.saveServiceLevel(new ServiceLevel("parking", 30, 48));
        }
    }

    @Test
    void the_printed_record_form_holds_the_complaint_and_a_signature_line() {
        butler();
        Complaint c = resolved(u1);

        String text = PdfText.of(service.pdf(c.no(), Locale.SIMPLIFIED_CHINESE));

        assertThat(text).contains("投诉记录表", c.no(), u1, "Loud music upstairs", "Fixed", "业主签字");
        assertThat(PdfText.of(service.pdf(c.no(), Locale.ENGLISH))).contains("Complaint record",
                "Owner's signature", "Engineering");
    }
}

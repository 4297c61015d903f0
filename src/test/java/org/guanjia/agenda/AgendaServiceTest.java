package org.guanjia.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AGENDA_ITEMS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.agenda.internal.AgendaRepository;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.NewComplaint;
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

/**
 * The agenda service on a real database with an injected clock: items come from the records
 * and go when the record that satisfies them is made; the job records what fell due and when
 * it was done; only overseers open another butler's agenda. The rules' windows are tested
 * day by day in sql/tests/agenda.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgendaServiceTest {

    @Autowired
    AgendaRepository items;
    @Autowired
    AgendaService agenda;
    @Autowired
    ComplaintService complaints;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String butler;
    /** A Monday evening: the briefing and patrol of the day are due too. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2025, 7, 14, 20, 5);

    @BeforeEach
    void given_an_estate_with_a_butler_on_cluster_one() {
        p = "AG" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        butler = p + "S1";
        clock.set(MONDAY);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Complaint complaintOn(String unit) {
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        Complaint c = complaints.intake(new NewComplaint(unit, null, "phone", "noise", "Loud music"));
        TestUsers.signOut();
        return c;
    }

    private List<AgendaItem> items(Agenda a, String kind) {
        return a.items().stream().filter(i -> i.kind().equals(kind)).toList();
    }

    @Test
    void a_complaint_waits_for_its_first_response_and_goes_when_answered() {
        Complaint c = complaintOn(p + "C1-B1-0101");
        TestUsers.signIn("b1", Role.BUTLER, butler);

        Agenda today = agenda.mine();
        assertThat(today.day()).isEqualTo(MONDAY.toLocalDate());
        assertThat(items(today, "complaint_response")).singleElement().satisfies(i -> {
            assertThat(i.recordRef()).isEqualTo(c.no());
            assertThat(i.unitCode()).isEqualTo(p + "C1-B1-0101");
            assertThat(i.deadline()).isEqualTo(MONDAY.plusMinutes(30));
        });
        // the cluster's 9:30 briefing and patrol of the day are not recorded either
        assertThat(items(today, "morning_briefing")).extracting(AgendaItem::recordRef)
                .containsExactly(p + "C1");
        assertThat(items(today, "patrol")).extracting(AgendaItem::recordRef).containsExactly(p + "C1");
        assertThat(today.dueToday()).isGreaterThanOrEqualTo(3);

        clock.set(MONDAY.plusMinutes(20));
        complaints.respond(c.no(), new FirstResponse(null, "phone", null));

        Agenda after = agenda.mine();
        assertThat(items(after, "complaint_response")).isEmpty();
        // answered: now its resolution is due (48 hours after receipt)
        assertThat(items(after, "complaint_resolution")).singleElement()
                .satisfies(i -> assertThat(i.dueOn()).isEqualTo(LocalDate.of(2025, 7, 16)));
    }

    @Test
    void a_complaint_of_another_cluster_is_not_on_the_butlers_agenda() {
        complaintOn(p + "C2-B1-0101");
        TestUsers.signIn("b1", Role.BUTLER, butler);
        assertThat(items(agenda.mine(), "complaint_response")).isEmpty();
    }

    @Test
    void only_overseers_open_another_butlers_agenda() {
        complaintOn(p + "C1-B1-0101");
        TestUsers.signIn("b2", Role.BUTLER, p + "S9");
        assertThatThrownBy(() -> agenda.of(butler)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agenda.butlers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agenda.record(MONDAY.toLocalDate()))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> agenda.of(butler)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agenda.mine()).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThat(agenda.butlers()).extracting(Butler::staffCode).contains(butler);
        assertThat(items(agenda.of(butler), "complaint_response")).hasSize(1);
    }

    @Test
    void the_job_records_what_fell_due_and_the_day_it_was_done() {
        Complaint c = complaintOn(p + "C1-B1-0101");
        String key = "complaint_response:" + c.no() + ":2025-07-14:" + butler;

        clock.set(MONDAY.plusDays(2).withHour(9));
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        agenda.record(LocalDate.of(2025, 7, 16));
        assertThat(dsl.fetchOne(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(key)))
                .satisfies(r -> {
                    assertThat(r.getKind()).isEqualTo("complaint_response");
                    assertThat(r.getStaffCode()).isEqualTo(butler);
                    assertThat(r.getClusterCode()).isEqualTo(p + "C1");
                    assertThat(r.getDueOn()).isEqualTo(LocalDate.of(2025, 7, 14));
                    assertThat(r.getDoneOn()).isNull();
                });
        // the briefings of Monday to Wednesday fell due and were not held
        assertThat(dsl.fetchCount(AGENDA_ITEMS, AGENDA_ITEMS.STAFF_CODE.eq(butler)
                .and(AGENDA_ITEMS.KIND.eq("morning_briefing"))
                .and(AGENDA_ITEMS.DUE_ON.between(LocalDate.of(2025, 7, 14), LocalDate.of(2025, 7, 16)))
                .and(AGENDA_ITEMS.DONE_ON.isNull()))).isEqualTo(3);

        complaints.respond(c.no(), new FirstResponse(null, "on_site", null));
        agenda.record(LocalDate.of(2025, 7, 16));
        agenda.record(LocalDate.of(2025, 7, 16));
        assertThat(dsl.fetchOne(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(key)).getDoneOn())
                .isEqualTo(LocalDate.of(2025, 7, 16));
        assertThat(dsl.fetchCount(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(key))).isEqualTo(1);
        assertThat(agenda.recorded(butler, LocalDate.of(2025, 7, 14), LocalDate.of(2025, 7, 14)))
                .extracting(AgendaItem::kind).contains("complaint_response", "morning_briefing", "patrol");
    }

    @Test
    void collection_steps_are_recorded_once_per_key_with_the_last_done_day() {
        LocalDate opens = LocalDate.of(2025, 7, 1);
        LocalDate due = LocalDate.of(2025, 7, 5);
        String unit = p + "C1-B1-0101";
        AgendaItem open = new AgendaItem(AgendaItem.COLLECTION_CALL, "call/" + unit, butler, p + "C1",
                unit, opens, due, null, null);
        AgendaItem done = new AgendaItem(AgendaItem.COLLECTION_CALL, "call/" + unit, butler, p + "C1",
                unit, opens, due, null, due);
        AgendaItem other = new AgendaItem(AgendaItem.COLLECTION_CALL, "call/" + unit, butler, p + "C1",
                unit, opens, due.plusDays(1), null, null);

        items.record(List.of(open, done, other)); // one key twice: one row, the last done day
        assertThat(dsl.fetchCount(AGENDA_ITEMS, AGENDA_ITEMS.STAFF_CODE.eq(butler)
                .and(AGENDA_ITEMS.KIND.eq(AgendaItem.COLLECTION_CALL)))).isEqualTo(2);
        assertThat(dsl.fetchOne(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(open.key())))
                .satisfies(r -> {
                    assertThat(r.getDoneOn()).isEqualTo(due);
                    assertThat(r.getUnitCode()).isEqualTo(unit);
                    assertThat(r.getClusterCode()).isEqualTo(p + "C1");
                    assertThat(r.getOpensOn()).isEqualTo(opens);
                });

        items.record(List.of(open)); // recorded again as open: the done day goes
        assertThat(dsl.fetchOne(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(open.key())).getDoneOn()).isNull();
        assertThat(dsl.fetchOne(AGENDA_ITEMS, AGENDA_ITEMS.ITEM_KEY.eq(other.key())).getDoneOn()).isNull();
    }
}

package org.guanjia.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.CUSTOMER_DOCUMENTS;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.UNIT_STATUS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
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
class DocumentServiceTest {

    @Autowired
    DocumentService service;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestClock clock;

    String p;
    String occupied;
    String key;
    String vacant;
    String keyButVacant;

    /** Cluster C1: 0101 occupied, 0102 occupied key customer; C2: 0101 vacant, 0102 vacant key customer. */
    @BeforeEach
    void given_units_of_each_kind() {
        p = "DC" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        occupied = p + "C1-B1-0101";
        key = p + "C1-B1-0102";
        vacant = p + "C2-B1-0101";
        keyButVacant = p + "C2-B1-0102";
        owner(occupied, false);
        owner(key, true);
        owner(vacant, false);
        owner(keyButVacant, true);
        for (String u : List.of(vacant, keyButVacant)) {
            dsl.insertInto(UNIT_STATUS, UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE, UNIT_STATUS.STATUS)
                    .values(u, LocalDate.of(2024, 6, 1), "vacant").execute();
        }
        clock.set(LocalDate.of(2025, 3, 1));
    }

    private void owner(String unit, boolean keyCustomer) {
        dsl.insertInto(OWNERS, OWNERS.OWNER_CODE, OWNERS.UNIT_CODE, OWNERS.NAME, OWNERS.KEY_CUSTOMER,
                OWNERS.MAILING_ADDRESS).values("O-" + unit, unit, "Owner " + unit, keyCustomer, "Road 1").execute();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void supervisor() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private Document statement(Set<String> units) {
        return service.create(new NewDocument("statement", "Q1 statement", LocalDate.of(2025, 3, 1), null, null,
                null, null, null, units));
    }

    private Map<String, String> methods(String no) {
        return service.deliveries(no).stream().collect(Collectors.toMap(Delivery::unitCode, Delivery::method));
    }

    @Test
    void each_unit_gets_its_method_by_the_rule() {
        supervisor();
        Document d = statement(Set.of(occupied, key, vacant, keyButVacant));

        assertThat(methods(d.no())).containsExactlyInAnyOrderEntriesOf(Map.of(
                occupied, "with_security", key, "in_person", vacant, "post", keyButVacant, "post"));
        assertThat(d.units()).isEqualTo(4);
    }

    @Test
    void the_method_follows_the_unit_status_on_the_issue_date() {
        dsl.insertInto(UNIT_STATUS, UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE, UNIT_STATUS.STATUS)
                .values(vacant, LocalDate.of(2025, 2, 1), "occupied").execute();
        supervisor();
        Document before = service.create(new NewDocument("other", "Old", LocalDate.of(2025, 1, 15), null, null,
                null, null, null, Set.of(vacant)));
        Document after = statement(Set.of(vacant));

        assertThat(methods(before.no())).containsEntry(vacant, "post");
        assertThat(methods(after.no())).containsEntry(vacant, "with_security");
    }

    @Test
    void a_cluster_batch_takes_all_its_units() {
        butler();
        Document d = service.create(new NewDocument("fee_standard", "New fees", LocalDate.of(2025, 3, 1), null, null,
                null, p + "C1", null, null));

        assertThat(methods(d.no())).containsOnlyKeys(occupied, key);
    }

    @Test
    void an_outage_notice_needs_its_window_in_order_and_nothing_is_written_otherwise() {
        supervisor();
        int before = dsl.fetchCount(CUSTOMER_DOCUMENTS);
        assertThatThrownBy(() -> service.create(new NewDocument("water_outage", "Water off", LocalDate.of(2025, 3, 1),
                null, null, null, null, p + "C1-B1", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactlyInAnyOrder("outageFrom", "outageTo"));
        LocalDateTime from = LocalDateTime.of(2025, 3, 4, 9, 0);
        assertThatThrownBy(() -> service.create(new NewDocument("power_outage", "Power off", LocalDate.of(2025, 3, 1),
                from, from.minusHours(1), null, null, p + "C1-B1", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("outageTo"));
        assertThat(dsl.fetchCount(CUSTOMER_DOCUMENTS)).isEqualTo(before);

        Document ok = service.create(new NewDocument("gas_outage", "Gas off", LocalDate.of(2025, 3, 1), from,
                from.plusHours(4), null, null, p + "C1-B1", null));
        assertThat(ok.outageFrom()).isEqualTo(from);
        assertThat(ok.outageTo()).isEqualTo(from.plusHours(4));
    }

    @Test
    void a_batch_needs_exactly_one_target() {
        supervisor();
        assertThatThrownBy(() -> service.create(new NewDocument("other", "x", LocalDate.of(2025, 3, 1), null, null,
                null, p + "C1", p + "C1-B1", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("target"));
    }

    @Test
    void an_unclaimed_copy_comes_on_the_call_list_after_more_than_14_days() {
        supervisor();
        Document d = statement(Set.of(occupied));
        service.dispatch(d.no(), List.of(occupied), LocalDate.of(2025, 3, 1));
        service.delivered(d.no(), occupied, LocalDate.of(2025, 3, 1)); // at the security post, not collected

        clock.set(LocalDate.of(2025, 3, 14)); // day 13
        assertThat(units(service.callList(p + "C1"))).isEmpty();
        clock.set(LocalDate.of(2025, 3, 15)); // day 14: exactly two weeks, not more
        assertThat(units(service.callList(p + "C1"))).isEmpty();
        clock.set(LocalDate.of(2025, 3, 16)); // day 15
        assertThat(units(service.callList(p + "C1"))).containsExactly(occupied);
        assertThat(service.document(d.no()).orElseThrow().unclaimed()).isEqualTo(1);
    }

    @Test
    void collected_or_delivered_in_person_copies_are_not_on_the_call_list() {
        supervisor();
        Document d = statement(Set.of(occupied, key));
        service.dispatch(d.no(), List.of(occupied, key), LocalDate.of(2025, 3, 1));
        clock.set(LocalDate.of(2025, 4, 1));
        service.delivered(d.no(), key, LocalDate.of(2025, 3, 2));
        service.collected(d.no(), occupied, LocalDate.of(2025, 3, 10));

        assertThat(units(service.callList(p + "C1"))).isEmpty();
    }

    @Test
    void a_recorded_call_takes_the_copy_off_the_list() {
        supervisor();
        Document d = statement(Set.of(occupied));
        service.dispatch(d.no(), List.of(occupied), LocalDate.of(2025, 3, 1));
        clock.set(LocalDate.of(2025, 3, 20));
        butler();

        Delivery called = service.recordCall(new NewCall(d.no(), occupied, LocalDate.of(2025, 3, 20),
                "Owner will collect at the gate"));

        assertThat(called.callOn()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(called.callNote()).isEqualTo("Owner will collect at the gate");
        assertThat(units(service.callList(null))).doesNotContain(occupied);
    }

    @Test
    void a_call_needs_a_note_and_cannot_be_in_the_future_or_before_dispatch() {
        supervisor();
        Document d = statement(Set.of(occupied));
        service.dispatch(d.no(), List.of(occupied), LocalDate.of(2025, 3, 1));
        clock.set(LocalDate.of(2025, 3, 20));
        assertThatThrownBy(() -> service.recordCall(new NewCall(d.no(), occupied, LocalDate.of(2025, 3, 21), " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactlyInAnyOrder("callOn", "callNote"));
        assertThat(service.deliveries(d.no())).singleElement().satisfies(x -> assertThat(x.callOn()).isNull());
    }

    @Test
    void a_butler_sees_and_writes_only_the_copies_of_their_clusters() {
        supervisor();
        Document d = statement(Set.of(occupied, vacant));
        butler();

        assertThat(units(service.deliveries(d.no()))).containsExactly(occupied);
        assertThat(service.document(d.no()).orElseThrow().units()).isEqualTo(1);
        assertThatThrownBy(() -> service.dispatch(d.no(), List.of(vacant), LocalDate.of(2025, 3, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> statement(Set.of(vacant))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void finance_is_refused_and_an_administrator_only_reads() {
        supervisor();
        Document d = statement(Set.of(occupied));
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.callList(null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThat(service.deliveries(d.no())).hasSize(1);
        assertThatThrownBy(() -> service.dispatch(d.no(), List.of(occupied), LocalDate.of(2025, 3, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static List<String> units(List<Delivery> list) {
        return list.stream().map(Delivery::unitCode).toList();
    }
}

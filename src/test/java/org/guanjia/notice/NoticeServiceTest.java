package org.guanjia.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FACILITY_CHECKS;
import static org.guanjia.db.Tables.NOTICES;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpService;
import org.guanjia.staff.Assignment;
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
class NoticeServiceTest {

    @Autowired
    NoticeService service;
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

    @BeforeEach
    void given_an_estate_with_boards_and_a_facility() {
        p = "NT" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        for (String kind : new String[] {"engineering", "cleaning"}) {
            if (dsl.fetchCount(DEPARTMENTS, DEPARTMENTS.KIND.eq(kind)) == 0) {
                dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                        .values("D-" + kind, kind, kind).execute();
            }
        }
        clock.set(LocalDate.of(2025, 3, 10));
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        service.saveBoard(new Board(p + "NB1", p + "C1", p + "C1-B1", "Lobby"), true);
        service.saveBoard(new Board(p + "NB2", p + "C2", null, "Gate"), true);
        service.saveFacility(new Facility(p + "F1", p + "C1", "Playground", "playground", true, null, null), true);
        TestUsers.signOut();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    private Notice post(String title, LocalDate posted, LocalDate expires, String... boards) {
        return service.saveNotice(new NoticeForm(null, title, "body", posted, expires, Set.of(boards)), true);
    }

    private List<String> dueTitles() {
        return service.takeDownList(p + "C1").stream().map(Notice::title).toList();
    }

    @Test
    void a_notice_expiring_today_stays_up_and_one_expired_yesterday_is_on_the_take_down_list() {
        butler();
        post("expires today", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), p + "NB1");
        post("expired yesterday", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 9), p + "NB1");
        post("no expiry", LocalDate.of(2025, 3, 1), null, p + "NB1");

        assertThat(dueTitles()).containsExactly("expired yesterday");

        clock.set(LocalDate.of(2025, 3, 11));
        assertThat(dueTitles()).containsExactlyInAnyOrder("expired yesterday", "expires today");
    }

    @Test
    void taking_a_notice_down_records_day_and_butler_and_removes_it_from_the_list() {
        butler();
        Notice n = post("expired", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5), p + "NB1");

        Notice down = service.takeDown(n.no());

        assertThat(down.takenDownOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(down.takenDownBy()).isEqualTo(p + "S1");
        assertThat(down.takenDownByName()).isEqualTo("Butler " + p);
        assertThat(dueTitles()).isEmpty();
        assertThatThrownBy(() -> service.takeDown(n.no())).isInstanceOf(ValidationException.class);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("notice").and(AUDIT_LOG.ENTITY_KEY.eq(n.no()))))
                .isEqualTo(2);
    }

    @Test
    void a_new_notice_is_posted_today_by_default_on_its_boards() {
        butler();
        Notice n = service.saveNotice(new NoticeForm(null, "Lift maintenance", null, null, null,
                Set.of(p + "NB1")), true);

        assertThat(n.postedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(n.boardCodes()).containsExactly(p + "NB1");
        assertThat(n.no()).startsWith("NT-2025-");
    }

    @Test
    void expiry_before_posting_and_a_notice_without_board_are_refused_on_their_fields() {
        butler();
        assertThatThrownBy(() -> post("bad", LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 4), p + "NB1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("expiresOn"));
        assertThatThrownBy(() -> service.saveNotice(new NoticeForm(null, "no board", null, null, null, Set.of()), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("boardCodes"));
        assertThat(dsl.fetchCount(NOTICES, NOTICES.TITLE.in("bad", "no board"))).isZero();
    }

    @Test
    void a_butler_sees_and_posts_only_in_their_clusters() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        Notice other = post("other cluster", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), p + "NB2");
        butler();

        assertThat(service.notices(new NoticeFilter(null, false, false, p), Page.first(50)))
                .extracting(Notice::no).doesNotContain(other.no());
        assertThat(service.takeDownList(null)).extracting(Notice::no).doesNotContain(other.no());
        assertThatThrownBy(() -> post("outside", LocalDate.of(2025, 3, 1), null, p + "NB2"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.takeDown(other.no())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.boards(null)).extracting(Board::code).contains(p + "NB1").doesNotContain(p + "NB2");
        assertThatThrownBy(() -> service.saveBoard(new Board(p + "NB3", p + "C1", null, null), true))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void finance_and_the_service_desk_are_refused() {
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.takeDownList(null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> post("desk", LocalDate.of(2025, 3, 1), null, p + "NB1"))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThatThrownBy(() -> post("admin", LocalDate.of(2025, 3, 1), null, p + "NB1"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_damaged_facility_opens_an_engineering_follow_up_kept_on_the_check() {
        butler();
        FacilityCheck c = service.check(new NewFacilityCheck(p + "F1", true, false, true, "Swing chain broken"));

        assertThat(c.followUpNo()).isNotNull();
        assertThat(c.checkedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(c.staffCode()).isEqualTo(p + "S1");
        FollowUp fu = followUps.followUp(c.followUpNo()).orElseThrow();
        assertThat(fu.source()).isEqualTo("facility_check");
        assertThat(fu.sourceRef()).isEqualTo(c.no());
        assertThat(fu.clusterCode()).isEqualTo(p + "C1");
        assertThat(kindOf(fu.departmentCode())).isEqualTo("engineering");
        assertThat(fu.description()).contains("Swing chain broken");
        assertThat(service.facilities(p + "C1", null)).singleElement()
                .satisfies(f -> assertThat(f.lastCheckOk()).isFalse());
    }

    @Test
    void a_dirty_facility_goes_to_cleaning_and_a_good_check_raises_nothing() {
        butler();
        FacilityCheck dirty = service.check(new NewFacilityCheck(p + "F1", false, true, true, "Litter"));
        assertThat(kindOf(followUps.followUp(dirty.followUpNo()).orElseThrow().departmentCode())).isEqualTo("cleaning");

        FacilityCheck ok = service.check(new NewFacilityCheck(p + "F1", true, true, true, null));
        assertThat(ok.followUpNo()).isNull();
        assertThat(ok.allOk()).isTrue();
    }

    @Test
    void a_check_needs_all_three_answers_and_a_note_for_a_problem_and_writes_nothing_otherwise() {
        butler();
        int before = dsl.fetchCount(FACILITY_CHECKS);
        assertThatThrownBy(() -> service.check(new NewFacilityCheck(p + "F1", true, null, false, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).contains("undamagedOk", "note"));
        assertThat(dsl.fetchCount(FACILITY_CHECKS)).isEqualTo(before);
    }

    @Test
    void a_butler_cannot_check_a_facility_of_another_cluster() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        service.saveFacility(new Facility(p + "F2", p + "C2", "Court", "sports_court", true, null, null), true);
        butler();
        assertThatThrownBy(() -> service.check(new NewFacilityCheck(p + "F2", true, true, true, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.facilities(null, p)).extracting(Facility::code).containsExactly(p + "F1");
    }

    @Test
    void the_building_card_shows_the_butler_and_the_24_hour_service_phone() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        staff.saveStaff(new Staff(p + "S1", "王管家", "butler", null, "13912345678", null, true), false);
        staff.saveStaff(new Staff(p + "S9", "李前任", "butler", null, "13700000000", null, true), true);
        staff.saveAssignment(new Assignment(p + "S9", p + "C1", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 2, 28)), true);
        butler();

        String text = PdfText.of(service.cardPdf(p + "C1-B1", Locale.SIMPLIFIED_CHINESE));

        assertThat(text).contains("王管家").contains("13912345678").contains("Building 1")
                .doesNotContain("李前任");
        assertThatThrownBy(() -> service.cardPdf(p + "C2-B1", Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }

    private String kindOf(String departmentCode) {
        return dsl.select(DEPARTMENTS.KIND).from(DEPARTMENTS).where(DEPARTMENTS.DEPARTMENT_CODE.eq(departmentCode))
                .fetchOne(DEPARTMENTS.KIND);
    }
}

package org.guanjia.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.AUDIT_LOG;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FOLLOW_UPS;
import static org.guanjia.db.Tables.PATROLS;
import static org.guanjia.db.Tables.PATROL_CHECKS;
import static org.guanjia.db.Tables.PATROL_FINDINGS;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.imageio.ImageIO;
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
class PatrolServiceTest {

    @Autowired
    PatrolService service;
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
    void given_an_estate_and_a_security_department() {
        p = "PT" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        dept = "D-SE-" + p;
        dsl.insertInto(DEPARTMENTS, DEPARTMENTS.DEPARTMENT_CODE, DEPARTMENTS.NAME, DEPARTMENTS.KIND)
                .values(dept, "Security " + p, "security").execute();
        clock.set(LocalDateTime.of(2025, 4, 1, 10, 0));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void butler() {
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private void checkAllOk(String no) {
        for (PatrolCheck c : service.checklist(no)) {
            if (!c.isChecked()) {
                service.check(no, c.item().code(), PatrolCheck.OK, null);
            }
        }
    }

    @Test
    void a_patrol_walks_the_checklist_raises_a_follow_up_per_finding_and_finishes() throws Exception {
        butler();
        Patrol patrol = service.start(p + "C1", null);
        assertThat(patrol.no()).startsWith("PT-202504-");
        assertThat(patrol.staffCode()).isEqualTo(p + "S1");
        assertThat(patrol.patrolOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(service.checklist(patrol.no())).extracting(c -> c.item().code())
                .startsWith("staff_on_duty", "staff_appearance", "staff_attitude").contains("renovation");

        clock.set(LocalDateTime.of(2025, 4, 1, 10, 20));
        service.check(patrol.no(), "goods_log", PatrolCheck.NOT_APPLICABLE, "no goods today");
        Finding f = service.addFinding(patrol.no(), new NewFinding("security_hazards", "Bikes in the fire exit",
                null, dept, LocalDate.of(2025, 4, 2), png()));
        assertThat(f.followUpNo()).isNotNull();
        assertThat(f.photoKey()).endsWith(".png");
        assertThat(service.photo(f.id())).hasValueSatisfying(b -> assertThat(b).startsWith((byte) 0x89));
        FollowUp fu = followUps.followUp(f.followUpNo()).orElseThrow();
        assertThat(fu.source()).isEqualTo("patrol");
        assertThat(fu.sourceRef()).isEqualTo(patrol.no());
        assertThat(fu.departmentCode()).isEqualTo(dept);
        assertThat(fu.dueOn()).isEqualTo(LocalDate.of(2025, 4, 2));
        assertThat(fu.clusterCode()).isEqualTo(p + "C1");
        Finding renovation = service.addFinding(patrol.no(), new NewFinding("renovation",
                "No renovation permit on the door", p + "C1-B1-0102", dept, null, null));
        assertThat(renovation.unitCode()).isEqualTo(p + "C1-B1-0102");
        assertThat(followUps.followUp(renovation.followUpNo()).orElseThrow().unitCode()).isEqualTo(p + "C1-B1-0102");

        checkAllOk(patrol.no());
        clock.set(LocalDateTime.of(2025, 4, 1, 11, 5));
        Patrol done = service.finish(patrol.no(), "Greeted two owners");
        assertThat(done.finishedAt()).isEqualTo(LocalDateTime.of(2025, 4, 1, 11, 5));
        assertThat(done.findings()).isEqualTo(2);
        assertThat(done.openFollowUps()).isEqualTo(2);
        assertThat(service.checklist(patrol.no())).filteredOn(c -> c.item().code().equals("security_hazards"))
                .extracting(PatrolCheck::result).containsExactly(PatrolCheck.ISSUE);
        // the category summary the rest of the system may read
        assertThat(dsl.select(PATROL_CHECKS.RESULT).from(PATROL_CHECKS).where(PATROL_CHECKS.PATROL_NO
                .eq(patrol.no())).and(PATROL_CHECKS.ITEM.eq("goods_log")).fetchOne(0, String.class))
                .isEqualTo("not_applicable");
        assertThat(dsl.fetchCount(PATROL_CHECKS, PATROL_CHECKS.PATROL_NO.eq(patrol.no()))).isEqualTo(12);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY.eq("patrol").and(AUDIT_LOG.ENTITY_KEY.eq(patrol.no()))))
                .isEqualTo(1 + 12 + 1);

        assertThatThrownBy(() -> service.check(patrol.no(), "cleanliness", PatrolCheck.OK, null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_photo_is_not_kept_when_the_finding_is_not_saved(@Autowired org.guanjia.base.photo.PhotoStore photos)
            throws Exception {
        butler();
        Patrol patrol = service.start(p + "C1", null);
        long before = countPhotos(photos);
        // the photo is fine, the department does not exist: nothing may stay behind
        assertThatThrownBy(() -> service.addFinding(patrol.no(), new NewFinding("cleanliness", "Litter", null,
                "NO-SUCH-DEPT", null, png()))).isInstanceOf(ValidationException.class);
        assertThat(countPhotos(photos)).isEqualTo(before);
        service.addFinding(patrol.no(), new NewFinding("cleanliness", "Litter", null, dept, null, png()));
        assertThat(countPhotos(photos)).isEqualTo(before + 1);
    }

    private static long countPhotos(org.guanjia.base.photo.PhotoStore photos) throws Exception {
        if (!java.nio.file.Files.isDirectory(photos.dir())) {
            return 0;
        }
        try (var files = java.nio.file.Files.walk(photos.dir())) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    void a_patrol_with_unchecked_items_cannot_be_finished() {
        butler();
        Patrol patrol = service.start(p + "C1", null);
        service.check(patrol.no(), "cleanliness", PatrolCheck.OK, null);
        assertThatThrownBy(() -> service.finish(patrol.no(), null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("patrol.validation.unchecked"));
        assertThat(service.patrol(patrol.no()).orElseThrow().finishedAt()).isNull();
    }

    @Test
    void a_second_unfinished_patrol_of_the_same_cluster_is_refused() {
        butler();
        Patrol patrol = service.start(p + "C1", null);
        assertThatThrownBy(() -> service.start(p + "C1", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).args()).containsExactly(patrol.no()));
        assertThat(service.unfinished(p + "C1")).map(Patrol::no).contains(patrol.no());
    }

    @Test
    void bad_findings_are_refused_on_their_field_and_nothing_is_written() {
        butler();
        Patrol patrol = service.start(p + "C1", null);
        int followUpsBefore = dsl.fetchCount(FOLLOW_UPS);
        byte[] notImage = "MZ not a photo".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> service.addFinding(patrol.no(), new NewFinding("cleanliness", "Litter", null, dept,
                null, notImage))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                .extracting(ValidationException.Problem::field).containsExactly("photo"));
        assertThatThrownBy(() -> service.addFinding(patrol.no(), new NewFinding("renovation", "No permit", null, dept,
                null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                .extracting(ValidationException.Problem::field).containsExactly("unitCode"));
        assertThatThrownBy(() -> service.addFinding(patrol.no(), new NewFinding("renovation", "No permit",
                p + "C2-B1-0101", dept, null, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("patrol.validation.unitOutsideCluster"));
        assertThatThrownBy(() -> service.addFinding(patrol.no(), new NewFinding("cleanliness", " ", null, null,
                LocalDate.of(2025, 3, 1), null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("description", "departmentCode", "dueOn"));
        assertThatThrownBy(() -> service.check(patrol.no(), "cleanliness", PatrolCheck.ISSUE, null))
                .isInstanceOf(ValidationException.class);
        assertThat(dsl.fetchCount(FOLLOW_UPS)).isEqualTo(followUpsBefore);
        assertThat(dsl.fetchCount(PATROL_FINDINGS, PATROL_FINDINGS.PATROL_NO.eq(patrol.no()))).isZero();
        assertThat(service.checklist(patrol.no())).noneMatch(PatrolCheck::isChecked);
    }

    @Test
    void a_butler_of_another_cluster_and_wrong_roles_are_refused_by_the_service() throws Exception {
        TestUsers.signIn("sup", Role.SUPERVISOR, p + "S1");
        Patrol other = service.start(p + "C2", null);
        Finding withPhoto = service.addFinding(other.no(), new NewFinding("cleanliness", "Litter", null, dept, null,
                png()));
        assertThat(service.photo(withPhoto.id())).isPresent();

        butler();
        assertThatThrownBy(() -> service.start(p + "C2", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.check(other.no(), "cleanliness", PatrolCheck.OK, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.checklist(other.no())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.patrol(other.no())).isEmpty();
        assertThatThrownBy(() -> service.photo(withPhoto.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(new PatrolFilter(null, null, null, false, p), Page.first(10))).isEmpty();

        TestUsers.signIn("desk", Role.SERVICE_DESK, null);
        assertThatThrownBy(() -> service.list(PatrolFilter.all(), Page.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.photo(withPhoto.id())).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> service.start(p + "C1", null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThatThrownBy(() -> service.start(p + "C1", null)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list(new PatrolFilter(null, null, null, false, p), Page.first(10)))
                .extracting(Patrol::no).containsExactly(other.no());
        assertThat(dsl.fetchCount(PATROLS, PATROLS.CLUSTER_CODE.startsWith(p))).isEqualTo(1);
    }

    @Test
    void a_butler_cannot_record_on_a_colleagues_patrol_of_the_same_cluster() {
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        staff.saveStaff(new org.guanjia.staff.Staff(p + "S2", "Butler 2 " + p, "butler", null, "13800000001",
                null, true), true);
        staff.saveAssignment(new org.guanjia.staff.Assignment(p + "S2", p + "C1", LocalDate.of(2024, 1, 1), null),
                true);
        butler();
        Patrol mine = service.start(p + "C1", null);
        TestUsers.signIn("b2", Role.BUTLER, p + "S2");
        assertThat(service.patrol(mine.no())).isPresent();
        assertThatThrownBy(() -> service.check(mine.no(), "cleanliness", PatrolCheck.OK, null))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThatThrownBy(() -> service.check(mine.no(), "cleanliness", PatrolCheck.OK, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}

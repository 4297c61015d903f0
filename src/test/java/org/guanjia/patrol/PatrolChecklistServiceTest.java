package org.guanjia.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
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
class PatrolChecklistServiceTest {

    @Autowired
    PatrolChecklistService checklist;
    @Autowired
    PatrolService patrols;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    TestClock clock;

    String p;
    String code;

    @BeforeEach
    void given_an_estate() {
        p = "CL" + UUID.randomUUID().toString().substring(0, 6) + "-";
        code = "x" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        MasterDataFixtures.create(p, estates, staff);
        clock.set(LocalDateTime.of(2025, 4, 1, 10, 0));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ChecklistItem item(String cluster, boolean active) {
        return new ChecklistItem(code, cluster, "security_hazards", "Fire exits clear", "消防通道畅通", "消防通道暢通",
                0, false, "security", active);
    }

    @Test
    void the_rulebook_items_are_seeded_in_the_rulebook_order_with_three_languages() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        List<ChecklistItem> all = checklist.all().stream().filter(i -> i.clusterCode() == null
                && ChecklistItem.CATEGORIES.contains(i.code())).toList();
        assertThat(all).extracting(ChecklistItem::code).containsExactlyElementsOf(ChecklistItem.CATEGORIES);
        ChecklistItem renovation = all.get(10);
        assertThat(renovation.needsUnit()).isTrue();
        assertThat(renovation.label(Locale.SIMPLIFIED_CHINESE)).startsWith("装修巡查");
        assertThat(renovation.label(Locale.TRADITIONAL_CHINESE)).startsWith("裝修巡查");
        assertThat(renovation.label(Locale.ENGLISH)).startsWith("Renovation works");
    }

    @Test
    void a_cluster_item_is_added_at_the_end_renamed_moved_and_shown_only_on_that_clusters_patrols() {
        TestUsers.signIn("mgr", Role.MANAGER, null);
        ChecklistItem added = checklist.save(item(p + "C1", true), true);
        assertThat(added.sortOrder()).isGreaterThan(120);
        checklist.save(new ChecklistItem(code, p + "C1", "security_hazards", "Fire exits free", "消防通道无杂物",
                "消防通道無雜物", added.sortOrder(), false, "security", true), false);
        List<ChecklistItem> moved = checklist.move(code, -1);
        int at = moved.stream().map(ChecklistItem::code).toList().indexOf(code);
        assertThat(moved.get(at).sortOrder()).isLessThan(moved.get(at + 1 < moved.size() ? at + 1 : at).sortOrder()
                + (at + 1 < moved.size() ? 0 : 1));
        assertThat(moved.get(at).labelEn()).isEqualTo("Fire exits free");

        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        assertThat(checklist.activeFor(p + "C1")).extracting(ChecklistItem::code).contains(code);
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThat(checklist.activeFor(p + "C2")).extracting(ChecklistItem::code).doesNotContain(code);
    }

    @Test
    void an_item_used_by_a_patrol_is_never_deleted_but_can_be_deactivated() {
        TestUsers.signIn("mgr", Role.MANAGER, null);
        checklist.save(item(p + "C1", true), true);
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        Patrol patrol = patrols.start(p + "C1", null);
        patrols.check(patrol.no(), code, PatrolCheck.OK, null);

        TestUsers.signIn("mgr", Role.MANAGER, null);
        assertThatThrownBy(() -> checklist.delete(code)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("patrol.checklist.validation.inUse"));
        assertThatThrownBy(() -> checklist.save(new ChecklistItem(code, p + "C1", "cleanliness", "a", "b", "c", 5,
                false, null, true), false)).isInstanceOf(ValidationException.class);
        assertThat(checklist.inUse(code)).isTrue();
        assertThat(checklist.setActive(code, false).active()).isFalse();

        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        assertThat(checklist.activeFor(p + "C1")).extracting(ChecklistItem::code).doesNotContain(code);
        // the patrol that recorded it still shows it with its result
        assertThat(patrols.checklist(patrol.no())).filteredOn(c -> c.item().code().equals(code))
                .extracting(PatrolCheck::result).containsExactly("ok");
    }

    @Test
    void an_unused_item_can_be_deleted() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        checklist.save(item(null, true), true);
        checklist.delete(code);
        assertThat(checklist.item(code)).isEmpty();
    }

    @Test
    void bad_items_are_refused_on_their_field() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        assertThatThrownBy(() -> checklist.save(new ChecklistItem("Bad Code", null, "weather", " ", "", "x", 0,
                false, "kitchen", true), true)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("code", "category", "labelEn", "labelZhCn", "departmentKind"));
        assertThatThrownBy(() -> checklist.save(new ChecklistItem("cleanliness", null, "cleanliness", "a", "b", "c",
                0, false, null, true), true)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.duplicate"));
    }

    @Test
    void only_administrators_and_managers_edit_the_checklist() {
        TestUsers.signIn("sup", Role.SUPERVISOR, null);
        assertThatThrownBy(() -> checklist.save(item(null, true), true)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("b1", Role.BUTLER, p + "S1");
        assertThatThrownBy(() -> checklist.setActive("cleanliness", false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checklist.activeFor(p + "C2")).isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("fin", Role.FINANCE, null);
        assertThatThrownBy(() -> checklist.all()).isInstanceOf(AccessDeniedException.class);
    }
}

package org.guanjia.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.estate.EstateService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StaffServiceTest {

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;

    String p;

    @BeforeEach
    void fixtures() {
        p = "S" + UUID.randomUUID().toString().substring(0, 6) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("admin1", Role.ADMIN, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_assignment_gives_the_butler_the_cluster_on_its_days_only() {
        staff.saveAssignment(new Assignment(p + "S1", p + "C2", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 6, 30)), true);
        assertThat(staff.clusterCodesOf(p + "S1", LocalDate.of(2025, 3, 1)))
                .containsExactlyInAnyOrder(p + "C1", p + "C2");
        assertThat(staff.clusterCodesOf(p + "S1", LocalDate.of(2025, 7, 1))).containsExactly(p + "C1");
        assertThat(staff.clusterCodesOf(p + "S1", LocalDate.of(2023, 12, 31))).isEmpty();
    }

    @Test
    void an_assignment_ending_before_it_starts_is_refused() {
        assertThatThrownBy(() -> staff.saveAssignment(new Assignment(p + "S1", p + "C2",
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1)), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("toDate"));
    }

    @Test
    void a_second_new_assignment_with_the_same_start_is_refused() {
        assertThatThrownBy(() -> staff.saveAssignment(new Assignment(p + "S1", p + "C1",
                LocalDate.of(2024, 1, 1), null), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("fromDate"));
    }

    @Test
    void a_butler_may_not_read_the_staff_list() {
        TestUsers.signIn("b", Role.BUTLER, p + "S1");
        assertThatThrownBy(() -> staff.staff(null, null, org.guanjia.base.Page.first(5)))
                .isInstanceOf(org.guanjia.base.AccessDeniedException.class);
        TestUsers.signOut();
        assertThatThrownBy(() -> staff.assignments(null))
                .as("nobody signed in").isInstanceOf(org.guanjia.base.AccessDeniedException.class);
    }

    @Test
    void the_current_butler_of_a_cluster_comes_with_the_service_phone() {
        assertThat(staff.currentButlers(p + "C1")).extracting(AssignmentRow::servicePhone)
                .containsExactly("13800000000");
    }

    @Test
    void staff_with_a_bad_phone_and_unknown_role_is_refused_field_by_field() {
        assertThatThrownBy(() -> staff.saveStaff(new Staff(p + "S9", "X", "pilot", "call me", null,
                null, true), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("role", "phone"));
    }
}

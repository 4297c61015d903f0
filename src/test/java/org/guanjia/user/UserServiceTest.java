package org.guanjia.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String hashOf(String username) {
        return dsl.fetchValue("select password_hash from app_users where username = ?", username).toString();
    }

    @Test
    void the_first_admin_comes_from_configuration_with_a_bcrypt_hash() {
        String hash = hashOf("admin");
        assertThat(hash).startsWith("$2a$").doesNotContain("test-admin-password");
        assertThat(encoder.matches("test-admin-password", hash)).isTrue();
        assertThat(users.loadUserByUsername("admin").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void demo_accounts_cannot_sign_in_and_are_not_listed_outside_demo_mode() {
        String name = "demo-" + UUID.randomUUID().toString().substring(0, 6);
        // the demo generator creates them as the system
        CurrentUser.asSystem(() -> {
            users.ensureDemoAccounts(List.of(new UserService.DemoUser(name, "Demo", Role.MANAGER, null)));
            return null;
        });
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();
        assertThat(users.list()).isEmpty();
    }

    @Test
    void a_new_user_needs_a_long_enough_password_and_a_butler_needs_a_staff_code() {
        TestUsers.signIn("admin", Role.ADMIN, null);
        var u = new User("new-butler", "New Butler", Role.BUTLER, null, null, true, false, null);
        assertThatThrownBy(() -> users.saveUser(u, "short", true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("password", "staffCode"));
    }

    @Test
    void only_an_admin_manages_users() {
        TestUsers.signIn("m", Role.MANAGER, null);
        var u = new User("x-user", "X", Role.FINANCE, null, null, true, false, null);
        assertThatThrownBy(() -> users.saveUser(u, "long-enough-password", true))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signIn("admin", Role.ADMIN, null);
        users.saveUser(u, "long-enough-password", true);
        assertThat(encoder.matches("long-enough-password", hashOf("x-user"))).isTrue();
    }
}

package org.guanjia.soak;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The soak load signs its workers in as any butler and as finance, so only the system (the
 * CLI) or an admin may start it; everyone else is refused before a thread starts.
 */
@SpringBootTest
@ActiveProfiles("test")
class SoakLoadAccessTest {

    @Autowired SoakLoad load;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void only_an_admin_or_the_system_may_start_the_load(@TempDir Path dir) throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            TestUsers.signIn("soak-" + role.name().toLowerCase(), role,
                    role == Role.BUTLER ? "B-SOAK" : null);
            try (AckFile ack = new AckFile(Files.createTempFile(dir, "ack", ".txt"))) {
                assertThatThrownBy(() -> load.run(1, 1, 1, ack, new AtomicBoolean(true)))
                        .as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
            assertThatThrownBy(load::databaseIsEmpty).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}

package org.guanjia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The role half of the security matrix ({@code security-matrix.txt} next to this class): every
 * public method of every service of the app, and per role whether it is let through ({@code +})
 * or refused with AccessDeniedException {@code error.forbidden} ({@code -}); {@code ?} marks a
 * method that no role is refused and that fails on placeholder arguments, so that the order of
 * its checks cannot be seen from here (its cluster scope is in ClusterScopeMatrixTest and the
 * feature's tests). A new public service method fails the first test until it is in the table;
 * a role check added, dropped or moved fails the second.
 */
@SpringBootTest
@ActiveProfiles("test")
class RoleMatrixTest {

    /**
     * Not called here: a backup is written (BackupServiceTest checks it); the soak load starts
     * worker threads (CrashSoakIT runs it; its role check: SoakLoadAccessTest); the bench
     * generator's finish allocates every unit of the database (BenchDataServiceTest).
     */
    static final Set<String> NOT_CALLED = Set.of("BackupService#create(Path)",
            "BenchDataService#finish(BiConsumer)",
            "SoakLoad#run(int,long,long,AckFile,AtomicBoolean)",
            "SoakLoad#run(int,long,long,AckFile,AtomicBoolean,long,Recorder)");

    @Autowired ApplicationContext ctx;
    @Autowired EstateService estates;
    @Autowired StaffService staff;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static Map<String, String> matrix() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream("security-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                assertThat(f[1]).as(l).matches("[-+?]{6}");
                assertThat(m.put(f[0], f[1])).as("twice: " + f[0]).isNull();
            }
        }
        return m;
    }

    @Test
    void every_public_service_method_is_in_the_matrix_and_nothing_else() throws IOException {
        Set<String> declared = new TreeSet<>(MatrixProbe.methods(ctx).keySet());
        Set<String> listed = new TreeSet<>(matrix().keySet());
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(declared);
        assertThat(missing).as("service methods missing from security-matrix.txt").isEmpty();
        assertThat(stale).as("security-matrix.txt rows of methods that no longer exist").isEmpty();
    }

    @Test
    void each_role_is_let_through_or_refused_as_the_matrix_says() throws IOException {
        String p = "R" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        Map<String, MatrixProbe.Target> methods = MatrixProbe.methods(ctx);
        List<String> wrong = new ArrayList<>();
        Role[] roles = Role.values();
        for (Map.Entry<String, String> row : matrix().entrySet()) {
            MatrixProbe.Target target = methods.get(row.getKey());
            if (target == null || NOT_CALLED.contains(row.getKey())) {
                continue;
            }
            for (int i = 0; i < roles.length; i++) {
                char expected = row.getValue().charAt(i);
                // the butler of the fixture's cluster A: a real scope, so a refusal is the role's
                TestUsers.signIn("matrix-" + roles[i], roles[i], roles[i] == Role.BUTLER ? p + "S1" : null);
                try {
                    MatrixProbe.Outcome o = target.call();
                    if (o.forbidden() != (expected == '-')) {
                        wrong.add(row.getKey() + " " + roles[i] + ": matrix " + expected + ", was " + o.describe());
                    }
                } finally {
                    TestUsers.signOut();
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}

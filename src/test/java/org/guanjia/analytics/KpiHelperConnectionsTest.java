package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A call of several KPI queries whose caller holds the read pool's only connection: its helper
 * thread takes a connection of the helpers' pool. From the read pool it would wait, with the
 * caller waiting for it, until the pool's 30 s timeout (the load test's stalled dashboards).
 */
@SpringBootTest(properties = {"test.context=kpi-helpers", "guanjia.read-pool-size=1",
    "guanjia.kpi-parallel=2"})
@ActiveProfiles("test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KpiHelperConnectionsTest {

    @Autowired
    KpiService service;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_caller_holding_the_only_read_connection_is_helped_without_waiting_for_it() {
        List<KpiQuery> queries = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            queries.add(KpiQuery.parse(d.code(), d.scopes().get(0), "month", "2025-01", "2025-03",
                    "2025-03-15", null));
        }
        long before = service.queriesByHelpers();
        TransactionTemplate caller = new TransactionTemplate(transactions);
        caller.setReadOnly(true);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            TestUsers.signIn("manager", Role.MANAGER, null);
            try {
                caller.executeWithoutResult(status -> {
                    // the caller's transaction now holds the read pool's one connection
                    dsl.selectOne().fetch();
                    // the helper takes part (a busy machine may start it late: a few more calls)
                    for (int i = 0; i < 5 && service.queriesByHelpers() == before; i++) {
                        Map<KpiQuery, KpiTable> all = service.datasets(queries);
                        assertThat(all.keySet()).containsExactlyElementsOf(queries);
                    }
                });
            } finally {
                TestUsers.signOut();
            }
        });
        assertThat(service.queriesByHelpers()).as("queries the helper answered").isGreaterThan(before);
    }
}

package org.guanjia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guanjia.db.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The audit log shows who exported which dashboard figures, in which format and with which filters. */
@SpringBootTest
@ActiveProfiles("test")
class DashboardExportAuditTest {

    @Autowired
    DashboardExports exports;
    @Autowired
    DashboardCatalog catalog;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void each_export_writes_an_audit_line_with_the_user_format_and_filters() {
        String user = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn(user, Role.MANAGER, null);
        Dashboard d = catalog.find("workload").orElseThrow();
        Filters f = Filters.defaults(d, LocalDate.of(2025, 6, 30));
        byte[] csv = exports.csv(d, d.panels().get(0), f, Locale.ENGLISH);
        byte[] pdf = exports.pdf(d, f, Locale.ENGLISH, Map.of());
        assertThat(csv).isNotEmpty();
        assertThat(pdf).isNotEmpty();

        var lines = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.USERNAME.eq(user))
                .orderBy(AUDIT_LOG.ID).fetch();
        assertThat(lines).extracting(r -> r.getAction() + " " + r.getEntity() + " " + r.getEntityKey())
                .containsExactly("export dashboard workload/" + d.panels().get(0).id(),
                        "export dashboard workload");
        assertThat(lines.get(0).getDetails()).startsWith("csv ").contains("from=2025-01");
        assertThat(lines.get(1).getDetails()).startsWith("pdf ");
    }
}

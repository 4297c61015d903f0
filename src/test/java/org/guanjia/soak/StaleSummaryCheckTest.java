package org.guanjia.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.soak.internal.SoakRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The soak check compares every KPI summary table with a fresh computation after each restart:
 * a summary row that no record explains (or a count that differs) is reported, naming the table.
 */
@SpringBootTest
@ActiveProfiles("test")
class StaleSummaryCheckTest {

    @Autowired SoakRepository repo;
    @Autowired KpiSummaryMaintenance maintenance;
    @Autowired DSLContext dsl;

    @Test
    void a_summary_row_that_differs_from_a_recount_is_reported_with_its_table() {
        // other tests of this shared context write rows by SQL, past the services
        maintenance.rebuild();
        assertThat(repo.staleSummaries()).isEmpty();
        dsl.execute("insert into kpi_work_months (staff_code, month, visits) values (?, ?, 3)",
                "STALE-CHECK", LocalDate.of(2025, 3, 1));
        try {
            assertThat(repo.staleSummaries())
                    .containsExactly("summary kpi_work_months: 1 rows differ from a fresh computation");
        } finally {
            dsl.execute("delete from kpi_work_months where staff_code = ?", "STALE-CHECK");
        }
        assertThat(repo.staleSummaries()).isEmpty();
    }
}

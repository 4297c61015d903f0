package org.guanjia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The ISO week grain on dashboards: codes as kpi_periods writes them, offered only where valid. */
class WeekGrainTest {

    @Test
    void week_codes_follow_the_iso_calendar() {
        // 1 March 2025 is a Saturday of ISO week 9; 29 December 2025 starts week 1 of 2026
        assertThat(DashboardService.periodCode("week", YearMonth.of(2025, 3))).isEqualTo("2025-W09");
        assertThat(DashboardService.weekCode(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(DashboardService.weekCode(LocalDate.of(2026, 11, 29))).isEqualTo("2026-W48");
        assertThat(RecordFilter.months("2025-W09")).containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 3));
        assertThat(RecordFilter.months("2026-W01")).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1));
    }

    @Test
    void only_dashboards_whose_panels_all_have_weeks_offer_them() {
        DashboardCatalog catalog = new DashboardCatalog("classpath*:dashboards/*.yaml");
        Dashboard workload = catalog.find("workload").orElseThrow();
        Dashboard collection = catalog.find("collection").orElseThrow();
        assertThat(workload.grains()).containsExactly("month", "quarter", "year", "week");
        assertThat(collection.grains()).containsExactly("month", "quarter", "year");
        Filters f = Filters.defaults(collection, LocalDate.of(2025, 3, 1));
        assertThat(f.with("grain", "week", collection).grain()).isEqualTo(f.grain());
        assertThat(Filters.defaults(workload, LocalDate.of(2025, 3, 1)).with("grain", "week", workload)
                .grain()).isEqualTo("week");
    }
}

package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** ISO weeks are a grain only of the datasets whose figures are exact for any day range. */
class KpiQueryTest {

    @Test
    void workload_and_vacancy_accept_weeks() {
        for (String dataset : new String[] {"workload", "vacancy"}) {
            KpiQuery q = KpiQuery.parse(dataset, null, "week", "2025-03", "2025-03", null, null);
            assertThat(q.grain()).isEqualTo("week");
            assertThat(q.from()).isEqualTo(YearMonth.of(2025, 3));
        }
    }

    @Test
    void month_based_datasets_refuse_weeks_naming_the_parameter() {
        for (String dataset : new String[] {"collection", "aging", "complaints", "repairs",
            "satisfaction", "complaint_categories"}) {
            assertThatThrownBy(() -> KpiQuery.parse(dataset, null, "week", "2025-03", "2025-03",
                    null, null))
                    .isInstanceOfSatisfying(KpiParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("grain");
                        assertThat(e.getMessage()).contains("one of month, quarter, year for " + dataset);
                    });
        }
    }
}

package org.guanjia.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.analytics.KpiTable;
import org.guanjia.dashboard.Dashboard.Chart;
import org.guanjia.dashboard.Dashboard.Dimension;
import org.guanjia.dashboard.Dashboard.DrillTarget;
import org.guanjia.dashboard.Dashboard.Format;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.PanelData;
import org.junit.jupiter.api.Test;

/** Bars by scope: every building's value of the last period, a slider beyond 40 bars with the first 20 in view. */
class ChartOptionsTest {

    private static final Panel BY_BUILDING = new Panel("rate-by-building", Map.of("en", "Rate"),
            "collection", List.of("collection_rate"), List.of(), Dimension.SCOPE, "building",
            Chart.BAR, Format.PERCENT, new BigDecimal("0.95"), null, null, false, 6,
            DrillTarget.STATEMENTS, true, Set.of());

    /** Buildings B0000.. with a rate per period: 0.5 in 2026-10, (number mod 1,000) / 1,000 in 2026-11. */
    private static PanelData data(int buildings) {
        List<List<Object>> rows = new ArrayList<>();
        for (int b = 0; b < buildings; b++) {
            String code = String.format("B%04d", b);
            rows.add(List.of("building", code, "2026-10", new BigDecimal("0.5000")));
            rows.add(List.of("building", code, "2026-11", new BigDecimal(b % 1000).movePointLeft(3)));
        }
        return new PanelData(BY_BUILDING, "building", new KpiTable(
                List.of("scope", "scope_code", "period", "collection_rate"), rows));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bars(Map<String, Object> option) {
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        return (List<Map<String, Object>>) series.get(0).get("data");
    }

    @Test
    void forty_buildings_are_all_in_view_without_a_slider() {
        Map<String, Object> option = ChartOptions.of(data(40), k -> k);
        assertThat(option).doesNotContainKey("dataZoom");
        assertThat(bars(option)).hasSize(40);
        // the last period's value of each building, in code order, as a percent
        assertThat(bars(option).get(39).get("value")).isEqualTo(new BigDecimal("3.9"));
        assertThat(bars(option).get(39).get("drill")).isEqualTo("period=2026-11&building=B0039");
    }

    @Test
    void thousands_of_buildings_get_a_slider_over_the_first_twenty() {
        Map<String, Object> option = ChartOptions.of(data(3334), k -> k);
        List<Map<String, Object>> bars = bars(option);
        assertThat(bars).hasSize(3334);
        assertThat(bars.get(3333).get("value")).isEqualTo(new BigDecimal("33.3"));
        assertThat(bars.get(1234).get("drill")).isEqualTo("period=2026-11&building=B1234");
        assertThat((List<?>) option.get("dataZoom")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> slider = ((List<Map<String, Object>>) option.get("dataZoom")).get(0);
        assertThat(slider).containsEntry("type", "slider").containsEntry("startValue", 0)
                .containsEntry("endValue", ChartOptions.BARS_IN_VIEW - 1);
    }
}

package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.guanjia.base.Role;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Queries of one dataset over different months, asked for together, are answered from one
 * query over all their months at a small company ({@link KpiService#datasets}): on the demo
 * company, every dataset with periods at every grain gives each query the rows it gets alone —
 * a year by one scope kind, its last month by another, and three months a year before (a gap
 * in between) by a third.
 */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class KpiWidenedRangesTest extends KaribuTest {

    @Autowired
    KpiService service;
    @Autowired
    Clock clock;

    @Test
    void each_query_gets_the_rows_it_gets_alone() {
        login("manager", Role.MANAGER, null);
        YearMonth now = YearMonth.from(LocalDate.now(clock));
        int checked = 0;
        for (Dataset d : Dataset.values()) {
            if (!d.columns().contains("period")) {
                continue;
            }
            List<String> kinds = d.scopes();
            for (String grain : d.grains()) {
                List<KpiQuery> queries = new ArrayList<>();
                queries.add(query(d, kinds.get(0), grain, now.minusMonths(11), now));
                queries.add(query(d, kinds.get(kinds.size() - 1), grain, now, now));
                queries.add(query(d, kinds.get(kinds.size() / 2), grain, now.minusMonths(14),
                        now.minusMonths(12)));
                long before = service.queriesWidened();
                Map<KpiQuery, KpiTable> together = service.datasets(new LinkedHashSet<>(queries));
                assertThat(service.queriesWidened() - before)
                        .as("%s by %s: answered from the query over all the months", d, grain)
                        .isEqualTo(3);
                for (KpiQuery q : queries) {
                    KpiTable alone = service.dataset(q);
                    assertThat(alone.rows()).as("%s rows", q).isNotEmpty();
                    assertThat(together.get(q)).as("%s", q).isEqualTo(alone);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3 * 3 * 6);
    }

    private static KpiQuery query(Dataset d, String by, String grain, YearMonth from,
            YearMonth to) {
        return new KpiQuery(d, by, grain, from, to, null, null);
    }
}

package org.guanjia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Checks that complaints and visits carry their unit's building (V026), and that there are some;
 * and complaints the day their unit's previous complaint was received (V027).
 */
public final class RecordBuildings {

    private RecordBuildings() {
    }

    public static void assertCarried(DSLContext dsl) {
        for (String table : List.of("complaints", "visits")) {
            assertThat(dsl.fetchValue("select count(*) from " + table + " r join units u using (unit_code)"
                    + " where r.building_code is distinct from u.building_code")).as(table).isEqualTo(0L);
            assertThat(dsl.fetchCount(dsl.selectFrom(table))).as(table).isPositive();
        }
        // and complaints the day of their unit's previous complaint (V027)
        assertThat(dsl.fetchValue("select count(*) from complaints c join (select complaint_no,"
                + " lag(cast(received_at as date)) over (partition by unit_code order by received_at,"
                + " complaint_no) as previous from complaints) p using (complaint_no)"
                + " where c.previous_received_on is distinct from p.previous")).as("previous days")
                .isEqualTo(0L);
    }
}

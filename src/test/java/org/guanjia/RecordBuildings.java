package org.guanjia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;

/**
 * Checks that complaints, visits (V026) and vacancy inspections (V036) carry their unit's
 * building, and that there are some.
 */
public final class RecordBuildings {

    private RecordBuildings() {
    }

    public static void assertCarried(DSLContext dsl) {
        for (String table : List.of("complaints", "visits", "vacancy_inspections")) {
            assertThat(dsl.fetchValue("select count(*) from " + table + " r join units u using (unit_code)"
                    + " where r.building_code is distinct from u.building_code")).as(table).isEqualTo(0L);
            assertThat(dsl.fetchCount(dsl.selectFrom(table))).as(table).isPositive();
        }
    }
}

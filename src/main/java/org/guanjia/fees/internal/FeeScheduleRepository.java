package org.guanjia.fees.internal;

import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.FEE_SCHEDULES;
import static org.guanjia.db.Tables.FEE_TYPES;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.guanjia.base.RecordUpdates;
import org.guanjia.db.tables.records.FeeSchedulesRecord;
import org.guanjia.fees.FeeSchedule;
import org.guanjia.fees.FeeType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access to fee types and fee schedules, and the months already billed under them. */
@Repository
public class FeeScheduleRepository {

    private final DSLContext dsl;

    FeeScheduleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FeeType> feeTypes() {
        return dsl.select(FEE_TYPES.FEE_TYPE, FEE_TYPES.NAME, FEE_TYPES.BASIS)
                .from(FEE_TYPES).orderBy(FEE_TYPES.FEE_TYPE)
                .fetch(Records.mapping(FeeType::new));
    }

    /** Schedules of one estate (all when empty), by estate, unit type, fee type and start. */
    public List<FeeSchedule> schedules(String estateCode) {
        Condition c = estateCode == null ? DSL.noCondition() : FEE_SCHEDULES.ESTATE_CODE.eq(estateCode);
        return dsl.select(FEE_SCHEDULES.SCHEDULE_CODE, FEE_SCHEDULES.ESTATE_CODE,
                        FEE_SCHEDULES.UNIT_TYPE, FEE_SCHEDULES.FEE_TYPE, FEE_SCHEDULES.RATE,
                        FEE_SCHEDULES.VALID_FROM, FEE_SCHEDULES.VALID_TO)
                .from(FEE_SCHEDULES).where(c)
                .orderBy(FEE_SCHEDULES.ESTATE_CODE, FEE_SCHEDULES.UNIT_TYPE, FEE_SCHEDULES.FEE_TYPE,
                        FEE_SCHEDULES.VALID_FROM)
                .fetch(Records.mapping(FeeSchedule::new));
    }

    public Optional<FeeSchedule> schedule(String code) {
        return dsl.select(FEE_SCHEDULES.SCHEDULE_CODE, FEE_SCHEDULES.ESTATE_CODE,
                        FEE_SCHEDULES.UNIT_TYPE, FEE_SCHEDULES.FEE_TYPE, FEE_SCHEDULES.RATE,
                        FEE_SCHEDULES.VALID_FROM, FEE_SCHEDULES.VALID_TO)
                .from(FEE_SCHEDULES).where(FEE_SCHEDULES.SCHEDULE_CODE.eq(code))
                .fetchOptional(Records.mapping(FeeSchedule::new));
    }

    /** The schedules of the same estate, unit type and fee type as {@code s}. */
    public List<FeeSchedule> sameKey(FeeSchedule s) {
        return schedules(s.estateCode()).stream().filter(s::sameKey).toList();
    }

    public void insert(FeeSchedule s) {
        FeeSchedulesRecord r = dsl.newRecord(FEE_SCHEDULES);
        r.setScheduleCode(s.code());
        fill(r, s);
        r.insert();
    }

    public void update(FeeSchedule s) {
        FeeSchedulesRecord r = dsl.fetchSingle(FEE_SCHEDULES, FEE_SCHEDULES.SCHEDULE_CODE.eq(s.code()));
        fill(r, s);
        RecordUpdates.update(r, "code");
    }

    private static void fill(FeeSchedulesRecord r, FeeSchedule s) {
        r.setEstateCode(s.estateCode());
        r.setUnitType(s.unitType());
        r.setFeeType(s.feeType());
        r.setRate(s.rate());
        r.setValidFrom(s.validFrom());
        r.setValidTo(s.validTo());
    }

    /**
     * The months for which statements of this fee were issued to units of the estate and type:
     * their amounts are fixed, so no schedule change may reprice them.
     */
    public SortedSet<YearMonth> billedPeriods(String estateCode, String unitType, String feeType) {
        TreeSet<YearMonth> periods = new TreeSet<>();
        dsl.selectDistinct(STATEMENTS.PERIOD)
                .from(STATEMENTS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(STATEMENTS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(CLUSTERS.ESTATE_CODE.eq(estateCode))
                .and(UNITS.UNIT_TYPE.eq(unitType))
                .and(STATEMENTS.FEE_TYPE.eq(feeType))
                .forEach(r -> periods.add(YearMonth.parse(r.value1())));
        return periods;
    }
}

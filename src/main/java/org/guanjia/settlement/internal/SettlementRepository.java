package org.guanjia.settlement.internal;

import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.FEE_SCHEDULES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_BUDGETS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_COSTS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_PERSONS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_SETTLEMENTS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_SETTLEMENT_DETAILS;
import static org.guanjia.db.Tables.SERVICE_CHARGE_SETTLEMENT_LINES;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.guanjia.base.BatchWriter;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.FeeSchedulesRecord;
import org.guanjia.db.tables.records.ServiceChargeBudgetsRecord;
import org.guanjia.db.tables.records.ServiceChargeCostsRecord;
import org.guanjia.db.tables.records.ServiceChargePersonsRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementDetailsRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementLinesRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementsRecord;
import org.guanjia.settlement.BudgetLine;
import org.guanjia.settlement.CostEntry;
import org.guanjia.settlement.Settlement;
import org.guanjia.settlement.SettlementCalculator;
import org.guanjia.settlement.SettlementCalculator.StatusChange;
import org.guanjia.settlement.SettlementDetail;
import org.guanjia.settlement.SettlementLine;
import org.guanjia.settlement.UnitPersons;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * jOOQ access for the service-charge settlement: budgets, cost entries, persons, settlements with
 * their lines and per-category details, the inputs of a settlement read from units, status
 * history and statements, and the prepayment fee schedules.
 *
 * <p>The fee schedules belong to the fee feature; they are written here only until its schedule
 * service exists (see the settlement service).
 */
@Repository
public class SettlementRepository {

    public static final String PREPAYMENT_FEE_TYPE = "service_charge_prepayment";

    /** Lines (with their details) written per batch, so the caller can show progress. */
    static final int LINES_PER_BATCH = 250;

    private final DSLContext dsl;
    private final BatchWriter batch;

    SettlementRepository(DSLContext dsl, BatchWriter batch) {
        this.dsl = dsl;
        this.batch = batch;
    }

    /** A unit of an estate as the settlement needs it. */
    public record EstateUnit(String unitCode, String clusterCode, BigDecimal areaSqm, String unitType,
            LocalDate deliveredOn) {
    }

    private static Condition inEstate(String estateCode) {
        return UNITS.BUILDING_CODE.in(DSL.select(BUILDINGS.BUILDING_CODE).from(BUILDINGS)
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(CLUSTERS.ESTATE_CODE.eq(estateCode)));
    }

    /** jOOQ renders {@code seq.nextval} for DuckDB, which DuckDB does not know; its function works. */
    private long nextval(org.jooq.Sequence<Long> sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence.getName())))
                .fetchSingle().value1();
    }

    // --- budgets and costs ------------------------------------------------------------------

    public List<BudgetLine> budget(String estateCode, int year) {
        return dsl.select(SERVICE_CHARGE_BUDGETS.ESTATE_CODE, SERVICE_CHARGE_BUDGETS.YEAR,
                        SERVICE_CHARGE_BUDGETS.CATEGORY, SERVICE_CHARGE_BUDGETS.ALLOCATION_KEY,
                        SERVICE_CHARGE_BUDGETS.BUDGET_AMOUNT, SERVICE_CHARGE_BUDGETS.ACTUAL_AMOUNT)
                .from(SERVICE_CHARGE_BUDGETS)
                .where(SERVICE_CHARGE_BUDGETS.ESTATE_CODE.eq(estateCode))
                .and(SERVICE_CHARGE_BUDGETS.YEAR.eq(year))
                .fetch(Records.mapping(BudgetLine::new)).stream()
                .sorted(java.util.Comparator.comparingInt(b -> SettlementCalculator.CATEGORIES
                        .indexOf(b.category())))
                .toList();
    }

    private Optional<ServiceChargeBudgetsRecord> budgetRecord(String estateCode, int year, String category) {
        return dsl.selectFrom(SERVICE_CHARGE_BUDGETS)
                .where(SERVICE_CHARGE_BUDGETS.ESTATE_CODE.eq(estateCode))
                .and(SERVICE_CHARGE_BUDGETS.YEAR.eq(year))
                .and(SERVICE_CHARGE_BUDGETS.CATEGORY.eq(category))
                .fetchOptional();
    }

    /** Inserts the category's budget or changes its amount and key; the actual costs stay. */
    public void saveBudget(BudgetLine b) {
        Optional<ServiceChargeBudgetsRecord> existing = budgetRecord(b.estateCode(), b.year(), b.category());
        if (existing.isPresent()) {
            ServiceChargeBudgetsRecord r = existing.get();
            r.setBudgetAmount(b.budgetAmount());
            r.setAllocationKey(b.allocationKey());
            RecordUpdates.update(r, "category");
        } else {
            ServiceChargeBudgetsRecord r = dsl.newRecord(SERVICE_CHARGE_BUDGETS);
            r.setEstateCode(b.estateCode());
            r.setYear(b.year());
            r.setCategory(b.category());
            r.setAllocationKey(b.allocationKey());
            r.setBudgetAmount(b.budgetAmount());
            r.insert();
        }
    }

    /** Makes sure the category has a budget row (0, by area) that costs can be booked against. */
    public void ensureBudget(String estateCode, int year, String category) {
        if (budgetRecord(estateCode, year, category).isEmpty()) {
            saveBudget(new BudgetLine(estateCode, year, category, SettlementCalculator.AREA,
                    BigDecimal.ZERO.setScale(2), null));
        }
    }

    /** Sets the category's actual costs to the sum of its entries (empty when none is left). */
    public BigDecimal refreshActual(String estateCode, int year, String category) {
        BigDecimal sum = dsl.select(DSL.sum(SERVICE_CHARGE_COSTS.AMOUNT)).from(SERVICE_CHARGE_COSTS)
                .where(SERVICE_CHARGE_COSTS.ESTATE_CODE.eq(estateCode))
                .and(SERVICE_CHARGE_COSTS.YEAR.eq(year))
                .and(SERVICE_CHARGE_COSTS.CATEGORY.eq(category))
                .fetchOne(0, BigDecimal.class);
        ServiceChargeBudgetsRecord r = budgetRecord(estateCode, year, category).orElseThrow();
        r.setActualAmount(sum == null ? null : sum.setScale(2));
        RecordUpdates.update(r, "category");
        return r.getActualAmount();
    }

    public List<CostEntry> costs(String estateCode, int year) {
        return dsl.select(SERVICE_CHARGE_COSTS.ID, SERVICE_CHARGE_COSTS.ESTATE_CODE, SERVICE_CHARGE_COSTS.YEAR,
                        SERVICE_CHARGE_COSTS.CATEGORY, SERVICE_CHARGE_COSTS.BOOKED_ON,
                        SERVICE_CHARGE_COSTS.AMOUNT, SERVICE_CHARGE_COSTS.REFERENCE, SERVICE_CHARGE_COSTS.NOTE)
                .from(SERVICE_CHARGE_COSTS)
                .where(SERVICE_CHARGE_COSTS.ESTATE_CODE.eq(estateCode))
                .and(SERVICE_CHARGE_COSTS.YEAR.eq(year))
                .orderBy(SERVICE_CHARGE_COSTS.BOOKED_ON.desc(), SERVICE_CHARGE_COSTS.ID.desc())
                .fetch(Records.mapping(CostEntry::new));
    }

    public Optional<CostEntry> cost(long id) {
        return dsl.select(SERVICE_CHARGE_COSTS.ID, SERVICE_CHARGE_COSTS.ESTATE_CODE, SERVICE_CHARGE_COSTS.YEAR,
                        SERVICE_CHARGE_COSTS.CATEGORY, SERVICE_CHARGE_COSTS.BOOKED_ON,
                        SERVICE_CHARGE_COSTS.AMOUNT, SERVICE_CHARGE_COSTS.REFERENCE, SERVICE_CHARGE_COSTS.NOTE)
                .from(SERVICE_CHARGE_COSTS).where(SERVICE_CHARGE_COSTS.ID.eq(id))
                .fetchOptional(Records.mapping(CostEntry::new));
    }

    public long insertCost(CostEntry c) {
        long id = nextval(org.guanjia.db.Sequences.SERVICE_CHARGE_COSTS_SEQ);
        ServiceChargeCostsRecord r = dsl.newRecord(SERVICE_CHARGE_COSTS);
        r.setId(id);
        r.setEstateCode(c.estateCode());
        r.setYear(c.year());
        r.setCategory(c.category());
        r.setBookedOn(c.bookedOn());
        r.setAmount(c.amount());
        r.setReference(c.reference());
        r.setNote(c.note());
        r.insert();
        return id;
    }

    public void deleteCost(long id) {
        dsl.deleteFrom(SERVICE_CHARGE_COSTS).where(SERVICE_CHARGE_COSTS.ID.eq(id)).execute();
    }

    // --- units, persons and the inputs of a settlement --------------------------------------

    public List<EstateUnit> units(String estateCode) {
        return dsl.select(UNITS.UNIT_CODE, BUILDINGS.CLUSTER_CODE, UNITS.AREA_SQM, UNITS.UNIT_TYPE,
                        UNITS.DELIVERED_ON)
                .from(UNITS).join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(CLUSTERS.ESTATE_CODE.eq(estateCode))
                .orderBy(UNITS.UNIT_CODE)
                .fetch(Records.mapping(EstateUnit::new));
    }

    public Map<String, List<StatusChange>> statuses(String estateCode) {
        Map<String, List<StatusChange>> map = new HashMap<>();
        dsl.select(UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE, UNIT_STATUS.STATUS)
                .from(UNIT_STATUS).where(UNIT_STATUS.UNIT_CODE.in(
                        DSL.select(UNITS.UNIT_CODE).from(UNITS).where(inEstate(estateCode))))
                .orderBy(UNIT_STATUS.UNIT_CODE, UNIT_STATUS.FROM_DATE)
                .forEach(r -> map.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new StatusChange(r.value2(), r.value3())));
        return map;
    }

    public Map<String, Integer> persons(String estateCode, int year) {
        return dsl.select(SERVICE_CHARGE_PERSONS.UNIT_CODE, SERVICE_CHARGE_PERSONS.PERSONS)
                .from(SERVICE_CHARGE_PERSONS)
                .where(SERVICE_CHARGE_PERSONS.YEAR.eq(year))
                .and(SERVICE_CHARGE_PERSONS.UNIT_CODE.in(
                        DSL.select(UNITS.UNIT_CODE).from(UNITS).where(inEstate(estateCode))))
                .fetchMap(SERVICE_CHARGE_PERSONS.UNIT_CODE, SERVICE_CHARGE_PERSONS.PERSONS);
    }

    /** The units of the estate in scope with their persons for the year. */
    public List<UnitPersons> unitPersons(String estateCode, int year, Scope scope) {
        Map<String, Integer> persons = persons(estateCode, year);
        return units(estateCode).stream().filter(u -> scope.allows(u.clusterCode()))
                .map(u -> new UnitPersons(u.unitCode(), u.clusterCode(), u.areaSqm(), u.deliveredOn(), year,
                        persons.get(u.unitCode())))
                .toList();
    }

    /** Sets the unit's persons for the year; {@code null} removes the entry. */
    public void savePersons(String unitCode, int year, Integer persons) {
        ServiceChargePersonsRecord r = dsl.selectFrom(SERVICE_CHARGE_PERSONS)
                .where(SERVICE_CHARGE_PERSONS.UNIT_CODE.eq(unitCode))
                .and(SERVICE_CHARGE_PERSONS.YEAR.eq(year)).fetchOptional().orElse(null);
        if (persons == null) {
            if (r != null) {
                r.delete();
            }
        } else if (r == null) {
            r = dsl.newRecord(SERVICE_CHARGE_PERSONS);
            r.setUnitCode(unitCode);
            r.setYear(year);
            r.setPersons(persons);
            r.insert();
        } else {
            r.setPersons(persons);
            RecordUpdates.update(r, "persons");
        }
    }

    /**
     * The prepayments billed per unit for the year: statements of the prepayment fee type with a
     * period in the year, corrections included, whether paid or not.
     */
    public Map<String, BigDecimal> prepaid(String estateCode, int year) {
        return dsl.select(STATEMENTS.UNIT_CODE, DSL.sum(STATEMENTS.AMOUNT))
                .from(STATEMENTS)
                .where(STATEMENTS.FEE_TYPE.eq(PREPAYMENT_FEE_TYPE))
                .and(STATEMENTS.PERIOD.between(year + "-01", year + "-12"))
                .and(STATEMENTS.UNIT_CODE.in(DSL.select(UNITS.UNIT_CODE).from(UNITS).where(inEstate(estateCode))))
                .groupBy(STATEMENTS.UNIT_CODE)
                .fetchMap(r -> r.value1(), r -> r.value2().setScale(2));
    }

    /** The latest period of the year for which the estate has statements of any fee type. */
    public Optional<String> latestPeriodBilled(String estateCode, int year) {
        return Optional.ofNullable(dsl.select(DSL.max(STATEMENTS.PERIOD)).from(STATEMENTS)
                .where(STATEMENTS.PERIOD.between(year + "-01", year + "-12"))
                .and(STATEMENTS.UNIT_CODE.in(DSL.select(UNITS.UNIT_CODE).from(UNITS).where(inEstate(estateCode))))
                .fetchOne(0, String.class));
    }

    /** The current owner's name per unit (the owner who took over last). */
    public Map<String, String> ownerNames(String estateCode) {
        Map<String, String> names = new HashMap<>();
        dsl.select(OWNERS.UNIT_CODE, OWNERS.NAME).from(OWNERS)
                .where(OWNERS.UNIT_CODE.in(DSL.select(UNITS.UNIT_CODE).from(UNITS).where(inEstate(estateCode))))
                .orderBy(OWNERS.SINCE.asc().nullsFirst(), OWNERS.OWNER_CODE)
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    public Optional<String> clusterOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(BUILDINGS.CLUSTER_CODE);
    }

    public Optional<String> estateOfUnit(String unitCode) {
        return dsl.select(CLUSTERS.ESTATE_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(CLUSTERS.ESTATE_CODE);
    }

    // --- settlements ------------------------------------------------------------------------

    private static final Field<?>[] SETTLEMENT_FIELDS = {SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO,
        SERVICE_CHARGE_SETTLEMENTS.ESTATE_CODE, SERVICE_CHARGE_SETTLEMENTS.YEAR,
        SERVICE_CHARGE_SETTLEMENTS.STATUS, SERVICE_CHARGE_SETTLEMENTS.COMPUTED_AT,
        SERVICE_CHARGE_SETTLEMENTS.FINALIZED_AT, ESTATES.CURRENCY};

    public Optional<Settlement> settlement(String estateCode, int year) {
        return dsl.select(SETTLEMENT_FIELDS).from(SERVICE_CHARGE_SETTLEMENTS)
                .join(ESTATES).on(ESTATES.ESTATE_CODE.eq(SERVICE_CHARGE_SETTLEMENTS.ESTATE_CODE))
                .where(SERVICE_CHARGE_SETTLEMENTS.ESTATE_CODE.eq(estateCode))
                .and(SERVICE_CHARGE_SETTLEMENTS.YEAR.eq(year))
                .fetchOptional(SettlementRepository::settlement);
    }

    public Optional<Settlement> settlement(String settlementNo) {
        return dsl.select(SETTLEMENT_FIELDS).from(SERVICE_CHARGE_SETTLEMENTS)
                .join(ESTATES).on(ESTATES.ESTATE_CODE.eq(SERVICE_CHARGE_SETTLEMENTS.ESTATE_CODE))
                .where(SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO.eq(settlementNo))
                .fetchOptional(SettlementRepository::settlement);
    }

    private static Settlement settlement(org.jooq.Record r) {
        return new Settlement(r.get(SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO),
                r.get(SERVICE_CHARGE_SETTLEMENTS.ESTATE_CODE), r.get(SERVICE_CHARGE_SETTLEMENTS.YEAR),
                r.get(SERVICE_CHARGE_SETTLEMENTS.STATUS), r.get(SERVICE_CHARGE_SETTLEMENTS.COMPUTED_AT),
                r.get(SERVICE_CHARGE_SETTLEMENTS.FINALIZED_AT), r.get(ESTATES.CURRENCY));
    }

    /** A new draft settlement numbered SS-yyyy-nnnnnn from the sequence. */
    public String insertSettlement(String estateCode, int year) {
        long n = nextval(org.guanjia.db.Sequences.SETTLEMENT_NO_SEQ);
        String no = "SS-" + year + "-" + String.format("%06d", n);
        ServiceChargeSettlementsRecord r = dsl.newRecord(SERVICE_CHARGE_SETTLEMENTS);
        r.setSettlementNo(no);
        r.setEstateCode(estateCode);
        r.setYear(year);
        r.setStatus(Settlement.DRAFT);
        r.insert();
        return no;
    }

    public void markComputed(String settlementNo, LocalDateTime at) {
        ServiceChargeSettlementsRecord r = dsl.fetchSingle(SERVICE_CHARGE_SETTLEMENTS,
                SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO.eq(settlementNo));
        r.setComputedAt(at);
        RecordUpdates.update(r, "status");
    }

    public void markFinal(String settlementNo, LocalDateTime at) {
        ServiceChargeSettlementsRecord r = dsl.fetchSingle(SERVICE_CHARGE_SETTLEMENTS,
                SERVICE_CHARGE_SETTLEMENTS.SETTLEMENT_NO.eq(settlementNo));
        r.setStatus(Settlement.FINAL);
        r.setFinalizedAt(at);
        RecordUpdates.update(r, "status");
    }

    /**
     * Replaces the lines and details of a draft by the computed ones, in batches; reports the
     * share of lines written to {@code progress} (0..1).
     */
    public void replaceLines(String settlementNo, List<SettlementCalculator.Line> lines, DoubleConsumer progress) {
        dsl.deleteFrom(SERVICE_CHARGE_SETTLEMENT_DETAILS)
                .where(SERVICE_CHARGE_SETTLEMENT_DETAILS.SETTLEMENT_NO.eq(settlementNo)).execute();
        dsl.deleteFrom(SERVICE_CHARGE_SETTLEMENT_LINES)
                .where(SERVICE_CHARGE_SETTLEMENT_LINES.SETTLEMENT_NO.eq(settlementNo)).execute();
        for (int from = 0; from < lines.size(); from += LINES_PER_BATCH) {
            List<SettlementCalculator.Line> part = lines.subList(from, Math.min(lines.size(), from + LINES_PER_BATCH));
            List<ServiceChargeSettlementLinesRecord> lineRecords = new ArrayList<>();
            List<ServiceChargeSettlementDetailsRecord> detailRecords = new ArrayList<>();
            for (SettlementCalculator.Line l : part) {
                lineRecords.add(lineRecord(settlementNo, l));
                for (SettlementCalculator.Detail d : l.details()) {
                    detailRecords.add(detailRecord(settlementNo, l.unitCode(), d));
                }
            }
            batch.insert(SERVICE_CHARGE_SETTLEMENT_LINES, lineRecords);
            if (!detailRecords.isEmpty()) {
                batch.insert(SERVICE_CHARGE_SETTLEMENT_DETAILS, detailRecords);
            }
            progress.accept((from + part.size()) / (double) lines.size());
        }
    }

    private static ServiceChargeSettlementLinesRecord lineRecord(String settlementNo, SettlementCalculator.Line l) {
        ServiceChargeSettlementLinesRecord r = new ServiceChargeSettlementLinesRecord();
        r.setSettlementNo(settlementNo);
        r.setUnitCode(l.unitCode());
        r.setAreaSqm(l.areaSqm());
        r.setShareAmount(l.share());
        r.setPrepaidAmount(l.prepaid());
        r.setBalance(l.balance());
        r.setVacantDays(l.vacantDays());
        r.setVacantShareAmount(l.vacantShare());
        r.setPayer(l.payer());
        r.setDeliveredDays(l.deliveredDays());
        return r;
    }

    private static ServiceChargeSettlementDetailsRecord detailRecord(String settlementNo, String unitCode,
            SettlementCalculator.Detail d) {
        ServiceChargeSettlementDetailsRecord r = new ServiceChargeSettlementDetailsRecord();
        r.setSettlementNo(settlementNo);
        r.setUnitCode(unitCode);
        r.setCategory(d.category());
        r.setAllocationKey(d.allocationKey());
        r.setCategoryActual(d.categoryActual());
        r.setBasis(d.basis());
        r.setDays(d.days());
        r.setWeight(d.weight());
        r.setTotalWeight(d.totalWeight());
        r.setShareAmount(d.share());
        return r;
    }

    /** The settlement's lines of the units in scope, by unit code. */
    public List<SettlementLine> lines(String settlementNo, String estateCode, Scope scope) {
        Map<String, String> owners = ownerNames(estateCode);
        Condition inScope = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        var l = SERVICE_CHARGE_SETTLEMENT_LINES;
        return dsl.select(l.SETTLEMENT_NO, l.UNIT_CODE, BUILDINGS.CLUSTER_CODE, l.AREA_SQM, l.DELIVERED_DAYS,
                        l.SHARE_AMOUNT, l.PREPAID_AMOUNT, l.BALANCE, l.VACANT_DAYS, l.VACANT_SHARE_AMOUNT, l.PAYER)
                .from(l).join(UNITS).on(UNITS.UNIT_CODE.eq(l.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(l.SETTLEMENT_NO.eq(settlementNo)).and(inScope)
                .orderBy(l.UNIT_CODE)
                .fetch(r -> new SettlementLine(r.value1(), r.value2(), r.value3(), owners.get(r.value2()),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                        r.value11()));
    }

    public Map<String, List<SettlementDetail>> details(String settlementNo, List<String> unitCodes) {
        var d = SERVICE_CHARGE_SETTLEMENT_DETAILS;
        Map<String, List<SettlementDetail>> map = new LinkedHashMap<>();
        dsl.select(d.UNIT_CODE, d.CATEGORY, d.ALLOCATION_KEY, d.CATEGORY_ACTUAL, d.BASIS, d.DAYS, d.WEIGHT,
                        d.TOTAL_WEIGHT, d.SHARE_AMOUNT)
                .from(d).where(d.SETTLEMENT_NO.eq(settlementNo)).and(d.UNIT_CODE.in(unitCodes))
                .fetch().forEach(r -> map.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new SettlementDetail(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                                r.value7(), r.value8(), r.value9())));
        map.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(
                x -> SettlementCalculator.CATEGORIES.indexOf(x.category()))));
        return map;
    }

    // --- prepayment fee schedules -----------------------------------------------------------

    /** The rate of the estate's prepayment schedule for the unit type in force on the day. */
    public Optional<BigDecimal> prepaymentRateOn(String estateCode, LocalDate day) {
        return dsl.select(FEE_SCHEDULES.RATE).from(FEE_SCHEDULES)
                .where(FEE_SCHEDULES.ESTATE_CODE.eq(estateCode))
                .and(FEE_SCHEDULES.FEE_TYPE.eq(PREPAYMENT_FEE_TYPE))
                .and(FEE_SCHEDULES.VALID_FROM.le(day))
                .and(FEE_SCHEDULES.VALID_TO.isNull().or(FEE_SCHEDULES.VALID_TO.ge(day)))
                .orderBy(FEE_SCHEDULES.VALID_FROM.desc(), FEE_SCHEDULES.UNIT_TYPE)
                .limit(1).fetchOptional(FEE_SCHEDULES.RATE);
    }

    /**
     * Puts the rate in force from {@code from} to {@code to} for each unit type: a schedule of the
     * fee type that runs into the new period is closed the day before, one that starts inside it
     * is replaced (none can have been used: the period is not billed yet). Returns the changes as
     * text lines for the audit.
     */
    public List<String> applyPrepayment(String estateCode, List<String> unitTypes, BigDecimal rate,
            LocalDate from, LocalDate to) {
        List<String> changes = new ArrayList<>();
        for (String type : unitTypes) {
            List<FeeSchedulesRecord> rows = dsl.selectFrom(FEE_SCHEDULES)
                    .where(FEE_SCHEDULES.ESTATE_CODE.eq(estateCode))
                    .and(FEE_SCHEDULES.UNIT_TYPE.eq(type))
                    .and(FEE_SCHEDULES.FEE_TYPE.eq(PREPAYMENT_FEE_TYPE))
                    .and(FEE_SCHEDULES.VALID_FROM.le(to))
                    .and(FEE_SCHEDULES.VALID_TO.isNull().or(FEE_SCHEDULES.VALID_TO.ge(from)))
                    .fetch();
            for (FeeSchedulesRecord r : rows) {
                if (r.getValidFrom().isBefore(from)) {
                    r.setValidTo(from.minusDays(1));
                    RecordUpdates.update(r, "validTo");
                    changes.add("closed " + r.getScheduleCode() + " to " + r.getValidTo());
                } else if (r.getValidTo() != null && r.getValidTo().isAfter(to)) {
                    r.setValidFrom(to.plusDays(1));
                    RecordUpdates.update(r, "validFrom");
                    changes.add("moved " + r.getScheduleCode() + " from " + r.getValidFrom());
                } else {
                    r.delete();
                    changes.add("replaced " + r.getScheduleCode());
                }
            }
            FeeSchedulesRecord r = dsl.newRecord(FEE_SCHEDULES);
            r.setScheduleCode(scheduleCode(estateCode, type, from));
            r.setEstateCode(estateCode);
            r.setUnitType(type);
            r.setFeeType(PREPAYMENT_FEE_TYPE);
            r.setRate(rate);
            r.setValidFrom(from);
            r.setValidTo(to);
            r.insert();
            changes.add("added " + r.getScheduleCode() + " " + rate + " " + from + ".." + to);
        }
        return changes;
    }

    /** SC-{estate}-{yyyyMMdd}-{type initial}; long estate codes are shortened by a hash. */
    static String scheduleCode(String estateCode, String unitType, LocalDate from) {
        String tail = "-" + from.toString().replace("-", "") + "-" + unitType.charAt(0);
        String code = "SC-" + estateCode + tail;
        if (code.length() > 32) {
            code = "SC-" + Integer.toHexString(estateCode.hashCode()) + tail;
        }
        return code;
    }
}

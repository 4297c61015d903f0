package org.guanjia.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.db.tables.records.FeeSchedulesRecord;
import org.guanjia.db.tables.records.ServiceChargeBudgetsRecord;
import org.guanjia.db.tables.records.ServiceChargeCostsRecord;
import org.guanjia.db.tables.records.ServiceChargePersonsRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementDetailsRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementLinesRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementsRecord;
import org.guanjia.settlement.SettlementCalculator;
import org.guanjia.settlement.SettlementCalculator.CategoryCost;
import org.guanjia.settlement.SettlementCalculator.Line;
import org.guanjia.settlement.SettlementCalculator.StatusChange;
import org.guanjia.settlement.SettlementCalculator.UnitInput;

/**
 * Service-charge settlement, German model (F13), in two steps around the fees. {@link #budgets}
 * (before the statements): per estate and calendar year a cost budget by category with its
 * allocation key, the monthly prepayment rate it implies written as the estate's
 * {@code service_charge_prepayment} fee schedule (so {@link UnitFees} bills it), and the persons
 * per unit. {@link #settle} (after): the actual costs booked quarterly, and for every ended year
 * the settlement computed by {@link SettlementCalculator}, as the application does — the
 * prepayments billed are the units' prepayment statements of the year.
 */
final class SettlementGen {

    private static final String[] CATEGORIES = {"waste", "sewage", "repairs", "caretaker", "cleaning",
        "greening", "security", "insurance", "common_utilities", "management", "other"};
    private static final double[] WEIGHTS = {0.06, 0.04, 0.14, 0.10, 0.16, 0.08, 0.22, 0.03, 0.09, 0.07,
        0.01};
    /** Waste and sewage go by persons, management per unit, the rest by area. */
    private static final String[] KEYS = {"head_count", "head_count", "area", "area", "area", "area", "area",
        "area", "area", "unit", "area"};

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final List<UnitM> units;
    private final Dice dice;
    private final int firstYear;
    /** Per year (from firstYear): budget cents per category. */
    private final List<long[]> budgets = new ArrayList<>();
    /** Per year: persons per unit (index as units), 0 = no entry. */
    private final List<int[]> persons = new ArrayList<>();
    /** Per year and category, written once the actual costs are known. */
    private final List<ServiceChargeBudgetsRecord> budgetRecords = new ArrayList<>();

    SettlementGen(GenContext g, EstateM estate, List<UnitM> units) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.units = units;
        this.dice = g.dice("settlement", estate.index);
        this.firstYear = cal.start.getDayOfYear() == 1 ? cal.start.getYear() : cal.start.getYear() + 1;
    }

    /** Budgets, prepayment schedules and persons of every year from the first full one. */
    void budgets() {
        for (int year = firstYear; year <= cal.lastDay.getYear(); year++) {
            budget(year);
            persons.add(persons(year));
        }
    }

    /** Actual costs of every year and the settlement of every ended one. */
    void settle() {
        for (int year = firstYear; year <= cal.lastDay.getYear(); year++) {
            List<ServiceChargeCostsRecord> entries = new ArrayList<>();
            long[] actual = costs(year, entries);
            // budgets before their cost entries (foreign key)
            for (int i = 0; i < CATEGORIES.length; i++) {
                g.sink.add(Slot.SERVICE_CHARGE_BUDGETS, budgetRecords.get((year - firstYear) * CATEGORIES.length + i));
            }
            entries.forEach(r -> g.sink.add(Slot.SERVICE_CHARGE_COSTS, r));
            if (cal.happened(LocalDate.of(year + 1, 1, 15))) {
                settlement(year, actual);
            }
        }
    }

    private void budget(int year) {
        List<UnitInput> inputs = inputs(year, null);
        BigDecimal areaMonths = SettlementCalculator.areaMonths(year, inputs);
        // costs rise a little every year (篇3: the environmental charges keep going up)
        double target = (estate.established ? 0.85 : 0.70) * (1 + 0.04 * (year - firstYear));
        long total = Math.round(areaMonths.doubleValue() * target * 100);
        long[] cents = new long[CATEGORIES.length];
        long sum = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            cents[i] = Math.round(total * WEIGHTS[i] * dice.uniform(0.95, 1.05));
            sum += cents[i];
            ServiceChargeBudgetsRecord r = new ServiceChargeBudgetsRecord();
            r.setEstateCode(estate.code);
            r.setYear(year);
            r.setCategory(CATEGORIES[i]);
            r.setAllocationKey(KEYS[i]);
            r.setBudgetAmount(BigDecimal.valueOf(cents[i], 2));
            // written by settle(), once the actual costs are known
            budgetRecords.add(r);
        }
        budgets.add(cents);
        SettlementCalculator.prepaymentRate(year, BigDecimal.valueOf(sum, 2), inputs).ifPresent(rate -> {
            estate.prepaymentRates.put(year, rate);
            FeeSchedulesRecord f = new FeeSchedulesRecord();
            f.setScheduleCode("FS-" + estate.code + "-SC-" + year);
            f.setEstateCode(estate.code);
            f.setUnitType("residential");
            f.setFeeType("service_charge_prepayment");
            f.setRate(rate);
            f.setValidFrom(LocalDate.of(year, 1, 1));
            f.setValidTo(LocalDate.of(year, 12, 31));
            g.sink.add(Slot.FEE_SCHEDULES, f);
        });
    }

    /** 1-5 persons for units lived in during the year; none for those never occupied in it. */
    private int[] persons(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int[] p = new int[units.size()];
        for (int i = 0; i < units.size(); i++) {
            UnitM u = units.get(i);
            if (!occupiedDuring(u, first, last)) {
                continue;
            }
            p[i] = 1 + dice.weighted(0.15, 0.30, 0.30, 0.17, 0.08);
            ServiceChargePersonsRecord r = new ServiceChargePersonsRecord();
            r.setUnitCode(u.code);
            r.setYear(year);
            r.setPersons(p[i]);
            g.sink.add(Slot.SERVICE_CHARGE_PERSONS, r);
        }
        return p;
    }

    private static boolean occupiedDuring(UnitM u, LocalDate first, LocalDate last) {
        if (u.occupiedOn(first)) {
            return true;
        }
        for (int i = 0; i < u.statusFrom.length; i++) {
            if (u.status[i] == UnitM.OCCUPIED && !u.statusFrom[i].isBefore(first) && !u.statusFrom[i].isAfter(last)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Books the year's costs per category once a quarter (on its last day, if that has happened);
     * an ended year's actual costs come to 93-108 % of the budget. Returns the actual cents.
     */
    private long[] costs(int year, List<ServiceChargeCostsRecord> entries) {
        long[] budget = budgets.get(year - firstYear);
        long[] actual = new long[CATEGORIES.length];
        for (int i = 0; i < CATEGORIES.length; i++) {
            long total = Math.round(budget[i] * dice.uniform(0.93, 1.08));
            long booked = 0;
            for (int q = 1; q <= 4; q++) {
                LocalDate day = java.time.YearMonth.of(year, 3 * q).atEndOfMonth();
                if (!cal.happened(day)) {
                    break;
                }
                long amount = q == 4 ? total - booked : Math.round(total / 4.0 * dice.uniform(0.85, 1.15));
                if (amount <= 0) {
                    continue;
                }
                booked += amount;
                ServiceChargeCostsRecord r = new ServiceChargeCostsRecord();
                r.setEstateCode(estate.code);
                r.setYear(year);
                r.setCategory(CATEGORIES[i]);
                r.setBookedOn(day);
                r.setAmount(BigDecimal.valueOf(amount, 2));
                r.setReference("D-INV-" + estate.code + "-" + year + "Q" + q + "-" + (i + 1));
                r.setNote(year + "年第" + q + "季度");
                entries.add(r);
            }
            actual[i] = booked;
            if (booked != 0) {
                budgetRecords.get((year - firstYear) * CATEGORIES.length + i)
                        .setActualAmount(BigDecimal.valueOf(booked, 2));
            }
        }
        return actual;
    }

    private void settlement(int year, long[] actual) {
        LocalDate finalized = LocalDate.of(year + 1, 1, 31);
        String no = "D-SS-" + estate.code + "-" + year;
        ServiceChargeSettlementsRecord s = new ServiceChargeSettlementsRecord();
        s.setSettlementNo(no);
        s.setEstateCode(estate.code);
        s.setYear(year);
        s.setComputedAt(LocalDate.of(year + 1, 1, 15).atTime(10, 0));
        boolean isFinal = cal.happened(finalized);
        s.setStatus(isFinal ? "final" : "draft");
        s.setFinalizedAt(isFinal ? finalized.atTime(17, 0) : null);
        g.sink.add(Slot.SERVICE_CHARGE_SETTLEMENTS, s);
        List<CategoryCost> costs = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.length; i++) {
            costs.add(new CategoryCost(CATEGORIES[i], KEYS[i], BigDecimal.valueOf(actual[i], 2)));
        }
        for (Line l : SettlementCalculator.settle(year, costs, inputs(year, persons.get(year - firstYear)))) {
            ServiceChargeSettlementLinesRecord r = new ServiceChargeSettlementLinesRecord();
            r.setSettlementNo(no);
            r.setUnitCode(l.unitCode());
            r.setAreaSqm(l.areaSqm());
            r.setShareAmount(l.share());
            r.setPrepaidAmount(l.prepaid());
            r.setBalance(l.balance());
            r.setVacantDays(l.vacantDays());
            r.setVacantShareAmount(l.vacantShare());
            r.setPayer(l.payer());
            r.setDeliveredDays(l.deliveredDays());
            g.sink.add(Slot.SERVICE_CHARGE_SETTLEMENT_LINES, r);
            for (SettlementCalculator.Detail d : l.details()) {
                ServiceChargeSettlementDetailsRecord x = new ServiceChargeSettlementDetailsRecord();
                x.setSettlementNo(no);
                x.setUnitCode(l.unitCode());
                x.setCategory(d.category());
                x.setAllocationKey(d.allocationKey());
                x.setCategoryActual(d.categoryActual());
                x.setBasis(d.basis());
                x.setDays(d.days());
                x.setWeight(d.weight());
                x.setTotalWeight(d.totalWeight());
                x.setShareAmount(d.share());
                g.sink.add(Slot.SERVICE_CHARGE_SETTLEMENT_DETAILS, x);
            }
        }
    }

    /** The units as the calculator sees them; {@code persons} null before they are drawn. */
    private List<UnitInput> inputs(int year, int[] persons) {
        List<UnitInput> list = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            UnitM u = units.get(i);
            List<StatusChange> statuses = new ArrayList<>();
            for (int k = 0; k < u.statusFrom.length; k++) {
                statuses.add(new StatusChange(u.statusFrom[k], MasterDataGen.STATUS_NAMES[u.status[k]]));
            }
            Integer p = persons == null || persons[i] == 0 ? null : persons[i];
            int index = year - cal.firstMonth.getYear();
            long prepaid = index < u.prepaidCents.length ? u.prepaidCents[index] : 0;
            list.add(new UnitInput(u.code, u.area, u.delivered, statuses, p, BigDecimal.valueOf(prepaid, 2)));
        }
        return list;
    }
}

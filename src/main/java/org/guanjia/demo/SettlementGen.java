package org.guanjia.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.guanjia.db.tables.records.ServiceChargeBudgetsRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementLinesRecord;
import org.guanjia.db.tables.records.ServiceChargeSettlementsRecord;

/**
 * Service-charge settlement, German model (F13): per estate and calendar year a cost budget by
 * category sized to the property fees billed; after year end the actual costs are shared per
 * m2 and delivered day, the fees billed count as prepayments, each unit gets a refund or a
 * top-up, and the share of vacant days is borne by the owner.
 */
final class SettlementGen {

    private static final String[] CATEGORIES = {"waste", "sewage", "repairs", "caretaker", "cleaning",
        "greening", "security", "insurance", "common_utilities", "management", "other"};
    private static final double[] WEIGHTS = {0.06, 0.04, 0.14, 0.10, 0.16, 0.08, 0.22, 0.03, 0.09, 0.07,
        0.01};

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final List<UnitM> units;
    private final Dice dice;

    SettlementGen(GenContext g, EstateM estate, List<UnitM> units) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.units = units;
        this.dice = g.dice("settlement", estate.index);
    }

    void run() {
        int first = cal.start.getDayOfYear() == 1 ? cal.start.getYear() : cal.start.getYear() + 1;
        for (int year = first; year <= cal.lastDay.getYear(); year++) {
            year(year);
        }
    }

    private void year(int year) {
        long billed = 0;
        for (UnitM u : units) {
            billed += u.billedCents[year - cal.firstMonth.getYear()];
        }
        boolean ended = cal.happened(LocalDate.of(year, 12, 31));
        long budgetTotal = ended ? billed : expected(year);
        long actualTotal = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            long budget = Math.round(budgetTotal * 0.98 * WEIGHTS[i]);
            ServiceChargeBudgetsRecord r = new ServiceChargeBudgetsRecord();
            r.setEstateCode(estate.code);
            r.setYear(year);
            r.setCategory(CATEGORIES[i]);
            r.setBudgetAmount(BigDecimal.valueOf(budget, 2));
            if (ended) {
                long actual = Math.round(budget * dice.uniform(0.93, 1.08));
                actualTotal += actual;
                r.setActualAmount(BigDecimal.valueOf(actual, 2));
            }
            g.sink.add(Slot.SERVICE_CHARGE_BUDGETS, r);
        }
        if (ended && cal.happened(LocalDate.of(year + 1, 1, 15))) {
            settle(year, actualTotal);
        }
    }

    /** Fees the estate will bill in a year still running: the periods billed so far, extrapolated. */
    private long expected(int year) {
        long sum = 0;
        for (UnitM u : units) {
            sum += u.billedCents[year - cal.firstMonth.getYear()];
        }
        long periods = FeesGen.periods(cal).stream().filter(p -> p.getYear() == year).count();
        return sum * 12 / Math.max(1, periods);
    }

    private void settle(int year, long actualCents) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
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
        BigDecimal weightTotal = BigDecimal.ZERO;
        for (UnitM u : units) {
            weightTotal = weightTotal.add(u.area.multiply(BigDecimal.valueOf(days(u, jan1, dec31))));
        }
        if (weightTotal.signum() == 0) {
            return;
        }
        BigDecimal actual = BigDecimal.valueOf(actualCents, 2);
        for (UnitM u : units) {
            long delivered = days(u, jan1, dec31);
            if (delivered > 0) {
                line(no, u, year, delivered, actual, weightTotal, jan1, dec31);
            }
        }
    }

    private void line(String no, UnitM u, int year, long delivered, BigDecimal actual, BigDecimal weightTotal,
            LocalDate jan1, LocalDate dec31) {
        BigDecimal share = actual.multiply(u.area).multiply(BigDecimal.valueOf(delivered))
                .divide(weightTotal, 2, RoundingMode.HALF_UP);
        BigDecimal prepaid = BigDecimal.valueOf(u.billedCents[year - cal.firstMonth.getYear()], 2);
        long vacant = vacantDays(u, jan1, dec31);
        BigDecimal vacantShare = share.multiply(BigDecimal.valueOf(vacant))
                .divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP);
        boolean rented = u.status.length > 3;
        ServiceChargeSettlementLinesRecord r = new ServiceChargeSettlementLinesRecord();
        r.setSettlementNo(no);
        r.setUnitCode(u.code);
        r.setAreaSqm(u.area);
        r.setShareAmount(share);
        r.setPrepaidAmount(prepaid);
        r.setBalance(share.subtract(prepaid));
        r.setVacantDays((int) vacant);
        r.setVacantShareAmount(vacantShare);
        r.setPayer(!rented || vacant == delivered ? "owner" : vacant > 0 ? "split" : "tenant");
        g.sink.add(Slot.SERVICE_CHARGE_SETTLEMENT_LINES, r);
    }

    /** Days of the year the unit was delivered. */
    private static long days(UnitM u, LocalDate from, LocalDate to) {
        LocalDate start = u.delivered.isAfter(from) ? u.delivered : from;
        return start.isAfter(to) ? 0 : ChronoUnit.DAYS.between(start, to) + 1;
    }

    /** Days of the year the delivered unit was vacant, from its status rows. */
    private static long vacantDays(UnitM u, LocalDate from, LocalDate to) {
        long vacant = 0;
        for (int i = 0; i < u.statusFrom.length; i++) {
            if (u.status[i] != UnitM.VACANT) {
                continue;
            }
            LocalDate a = u.statusFrom[i].isAfter(from) ? u.statusFrom[i] : from;
            LocalDate end = i + 1 < u.statusFrom.length ? u.statusFrom[i + 1].minusDays(1) : to;
            LocalDate b = end.isBefore(to) ? end : to;
            if (!a.isAfter(b)) {
                vacant += ChronoUnit.DAYS.between(a, b) + 1;
            }
        }
        return vacant;
    }
}

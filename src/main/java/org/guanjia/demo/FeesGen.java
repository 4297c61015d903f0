package org.guanjia.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.db.tables.records.BankDebitBatchesRecord;
import org.guanjia.db.tables.records.FeeSchedulesRecord;
import org.guanjia.db.tables.records.StatementRunLinesRecord;
import org.guanjia.db.tables.records.StatementRunsRecord;

/**
 * Fees (F12): fee schedules with a rate change in year 2, one statement run per month (28th of
 * the month before), weekly bank debit batches, and per unit the statements, payments, debit
 * items, collection log and lawyer's letters ({@link UnitFees}). The run of the first month not
 * billed yet is left generated, its lines awaiting the butlers' review, so the workflow of the
 * statement run can be seen in the demo.
 */
final class FeesGen {

    static final BigDecimal PARKING_RATE_1 = new BigDecimal("300.00");
    static final BigDecimal PARKING_RATE_2 = new BigDecimal("320.00");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final GenContext g;
    private final DemoCalendar cal;

    FeesGen(GenContext g) {
        this.g = g;
        this.cal = g.cal;
    }

    /** The periods billed in the window: statements issued on or before the last day. */
    static List<YearMonth> periods(DemoCalendar cal) {
        List<YearMonth> list = new ArrayList<>();
        for (YearMonth p = cal.firstMonth; !issueDate(p).isAfter(cal.lastDay); p = p.plusMonths(1)) {
            list.add(p);
        }
        return list;
    }

    /** The first month without statements: its run is generated and awaits review. */
    static YearMonth pendingPeriod(DemoCalendar cal) {
        List<YearMonth> billed = periods(cal);
        return billed.isEmpty() ? cal.firstMonth : billed.get(billed.size() - 1).plusMonths(1);
    }

    static LocalDate issueDate(YearMonth period) {
        return period.minusMonths(1).atDay(28);
    }

    static String runNo(YearMonth period) {
        return "D-RUN-" + period;
    }

    static String batchNo(LocalDate monday) {
        return "D-BD-" + BASIC.format(monday);
    }

    BigDecimal propertyRate(EstateM e, YearMonth period) {
        return period.isBefore(cal.rateChange) ? e.propertyRate1 : e.propertyRate2;
    }

    BigDecimal parkingRate(YearMonth period) {
        return period.isBefore(cal.rateChange) ? PARKING_RATE_1 : PARKING_RATE_2;
    }

    /** Statement runs and bank debit batches: company-wide, written before any estate. */
    void companyWide() {
        for (YearMonth p : periods(cal)) {
            LocalDateTime generated = issueDate(p).atTime(10, 0);
            LocalDateTime released = issueDate(p).plusDays(2).atTime(16, 30);
            // its statements exist, so the run is released (by the last day at the latest)
            StatementRunsRecord r = new StatementRunsRecord();
            r.setRunNo(runNo(p));
            r.setPeriod(p.toString());
            r.setStatus("released");
            r.setGeneratedAt(generated);
            r.setReleasedAt(cal.happened(released) ? released : cal.lastDay.atTime(18, 0));
            g.sink.add(Slot.STATEMENT_RUNS, r);
        }
        YearMonth pending = pendingPeriod(cal);
        LocalDateTime generated = issueDate(pending).atTime(10, 0);
        StatementRunsRecord r = new StatementRunsRecord();
        r.setRunNo(runNo(pending));
        r.setPeriod(pending.toString());
        r.setStatus("generated");
        r.setGeneratedAt(cal.happened(generated) ? generated : cal.lastDay.atTime(17, 0));
        g.sink.add(Slot.STATEMENT_RUNS, r);
        int week = 0;
        for (LocalDate monday = DemoCalendar.monday(cal.start); !monday.isAfter(cal.lastDay);
                monday = monday.plusWeeks(1)) {
            LocalDate tuesday = monday.with(DayOfWeek.TUESDAY);
            BankDebitBatchesRecord b = new BankDebitBatchesRecord();
            b.setBatchNo(batchNo(monday));
            b.setCreatedOn(monday);
            b.setSentOn(cal.happened(tuesday) ? tuesday : null);
            b.setStatus(cal.happened(monday.plusDays(3)) ? "settled"
                    : cal.happened(tuesday) ? "sent" : "draft");
            b.setNote("交通银行代扣名单 第" + (++week) + "批");
            g.sink.add(Slot.BANK_DEBIT_BATCHES, b);
        }
    }

    void schedules(EstateM e) {
        LocalDate change = cal.rateChange.atDay(1);
        schedule(e, "PF-1", "property_fee", e.propertyRate1, e.opened, change.minusDays(1));
        schedule(e, "PF-2", "property_fee", e.propertyRate2, change, null);
        schedule(e, "PK-1", "parking", PARKING_RATE_1, e.opened, change.minusDays(1));
        schedule(e, "PK-2", "parking", PARKING_RATE_2, change, null);
    }

    private void schedule(EstateM e, String suffix, String feeType, BigDecimal rate, LocalDate from,
            LocalDate to) {
        FeeSchedulesRecord r = new FeeSchedulesRecord();
        r.setScheduleCode("FS-" + e.code + "-" + suffix);
        r.setEstateCode(e.code);
        // the run bills parking to parking units; the residential units' parking statements of
        // the history stand as issued
        r.setUnitType(feeType.equals("parking") ? "parking" : "residential");
        r.setFeeType(feeType);
        r.setRate(rate.setScale(4));
        r.setValidFrom(from);
        r.setValidTo(to);
        g.sink.add(Slot.FEE_SCHEDULES, r);
    }

    void units(EstateM e, List<UnitM> units) {
        List<YearMonth> periods = periods(cal);
        for (UnitM u : units) {
            new UnitFees(g, this, e, u, periods).run();
        }
        pendingLines(e, units);
    }

    /**
     * The lines of the pending run, as the statement run computes them: every unit delivered by
     * the end of the period, area × the property-fee rate, half-up. No reviews yet: they name
     * sign-in accounts, which are made after the demo data.
     */
    private void pendingLines(EstateM e, List<UnitM> units) {
        YearMonth p = pendingPeriod(cal);
        BigDecimal rate = propertyRate(e, p).setScale(4);
        String schedule = "FS-" + e.code + (p.isBefore(cal.rateChange) ? "-PF-1" : "-PF-2");
        // and the service-charge prepayment of the year's budget (F13), when there is one
        BigDecimal prepayment = e.prepaymentRates.get(p.getYear());
        for (UnitM u : units) {
            if (u.delivered.isAfter(p.atEndOfMonth())) {
                continue;
            }
            pendingLine(p, u, "property_fee", schedule, rate);
            if (prepayment != null) {
                pendingLine(p, u, "service_charge_prepayment", "FS-" + e.code + "-SC-" + p.getYear(),
                        prepayment.setScale(4));
            }
        }
    }

    private void pendingLine(YearMonth p, UnitM u, String feeType, String schedule, BigDecimal rate) {
        BigDecimal amount = u.area.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() <= 0) {
            return;
        }
        StatementRunLinesRecord r = new StatementRunLinesRecord();
        r.setRunNo(runNo(p));
        r.setUnitCode(u.code);
        r.setFeeType(feeType);
        r.setClusterCode(u.cluster().code);
        r.setScheduleCode(schedule);
        r.setAreaSqm(u.area);
        r.setRate(rate);
        r.setAmount(amount);
        g.sink.add(Slot.STATEMENT_RUN_LINES, r);
    }
}

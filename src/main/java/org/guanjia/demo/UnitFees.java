package org.guanjia.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.guanjia.db.tables.records.BankDebitItemsRecord;
import org.guanjia.db.tables.records.CollectionActionsRecord;
import org.guanjia.db.tables.records.LawyerLettersRecord;
import org.guanjia.db.tables.records.PaymentsRecord;
import org.guanjia.db.tables.records.StatementsRecord;

/**
 * One unit's fee history, replayed day by day: statements on the 28th, payments by the owner's
 * habit, bank debits with failures, and the collection calendar of the rulebook (十): a call in
 * week 3 (15th-21st) of every month, the reason on the 25th of quarter month 2, re-checks in
 * weeks 3 and 4 of quarter month 3 with a lawyer's letter for malicious defaulters. The unit's
 * open statements are tracked with the allocation rule of KPI.md, so calls go to units that owe.
 */
final class UnitFees {

    // event kinds, in the order they happen on the same day
    private static final int ISSUE = 0;
    private static final int CORRECTION = 1;
    private static final int PAY = 2;
    private static final int PARTIAL = 3;
    private static final int ADVANCE = 4;
    private static final int DEBIT = 5;
    private static final int PAYOFF = 6;
    private static final int CALL = 7;
    private static final int QUARTER_REASON = 8;
    private static final int RECHECK_WEEK3 = 9;
    private static final int RECHECK_WEEK4 = 10;
    private static final int FAILED_DEBIT_CALL = 11;

    private static final double LATE_FEE_RATE = 0.0003;

    private record Event(LocalDate date, int kind, int seq, YearMonth period, double x, String ref) {
        boolean isPayment() {
            return kind >= PAY && kind <= PAYOFF;
        }
    }

    private static final class Open {
        final String no;
        final YearMonth period;
        final LocalDate due;
        long remaining;

        Open(String no, YearMonth period, LocalDate due, long remaining) {
            this.no = no;
            this.period = period;
            this.due = due;
            this.remaining = remaining;
        }
    }

    private final GenContext g;
    private final FeesGen fees;
    private final EstateM estate;
    private final UnitM u;
    private final List<YearMonth> periods;
    private final DemoCalendar cal;
    private final Dice dice;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(Comparator.comparing(Event::date)
            .thenComparingInt(Event::kind).thenComparingInt(Event::seq));
    private final List<Open> open = new ArrayList<>();
    private final Set<YearMonth> withheld = new HashSet<>();
    private final List<YearMonth> billed = new ArrayList<>();
    private int seq;
    private long credit;
    private long monthly;
    private boolean parkingStarted;
    private boolean lowBalance;
    private boolean renewalPending;
    private boolean reformed;
    private boolean issueRaised;
    private LocalDate lastLetter;

    UnitFees(GenContext g, FeesGen fees, EstateM estate, UnitM u, List<YearMonth> periods) {
        this.g = g;
        this.fees = fees;
        this.estate = estate;
        this.u = u;
        this.periods = periods;
        this.cal = g.cal;
        this.dice = g.dice("fees", u.ordinal);
    }

    void run() {
        for (YearMonth p : periods) {
            if (!FeesGen.issueDate(p).isBefore(u.delivered)) {
                billed.add(p);
            }
        }
        if (billed.isEmpty()) {
            return;
        }
        for (YearMonth p : billed) {
            add(FeesGen.issueDate(p), ISSUE, p, 0, null);
            calendar(p);
        }
        plan();
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            if (cal.happened(e.date) || e.kind == DEBIT) {
                handle(e);
            }
        }
    }

    private void add(LocalDate date, int kind, YearMonth period, double x, String ref) {
        queue.add(new Event(date, kind, seq++, period, x, ref));
    }

    /** The rulebook's collection calendar for one month. */
    private void calendar(YearMonth p) {
        if (p.isAfter(cal.lastMonth)) {
            return;
        }
        int q = DemoCalendar.monthOfQuarter(p);
        if (q == 3) {
            add(p.atDay(dice.between(15, 21)), RECHECK_WEEK3, p, 0, null);
            add(p.atDay(dice.between(22, 27)), RECHECK_WEEK4, p, 0, null);
        } else {
            add(p.atDay(dice.between(15, 21)), CALL, p, 0, null);
            if (q == 2) {
                add(p.atDay(25), QUARTER_REASON, p, 0, null);
            }
        }
    }

    // --- payment habits ---------------------------------------------------------------------

    private void plan() {
        switch (u.habit) {
            case AUTO_DEBIT -> planDebits();
            case PROMPT -> planPrompt(0, billed.size());
            case ADVANCE -> renewalPending = false;
            case LATE -> planLate(0, billed.size());
            case WITHHOLDER -> planWithholder();
            case DEFAULTER -> planDefaulter();
            default -> throw new IllegalStateException(u.habit.toString());
        }
    }

    private void planDebits() {
        int week = dice.between(0, 2);
        lowBalance = dice.chance(0.12);
        for (YearMonth p : billed) {
            LocalDate tuesday = DemoCalendar.nthWeekday(p, DayOfWeek.TUESDAY, week);
            add(tuesday.plusDays(2), DEBIT, p, 1, null);
        }
    }

    /** Pays early in the month; sometimes slips to the next, more often near Spring Festival. */
    private void planPrompt(int from, int to) {
        for (int i = from; i < to; i++) {
            YearMonth p = billed.get(i);
            LocalDate day = p.atDay(1 + Math.min(24, (int) dice.exponential(5)));
            if (dice.chance(cal.nearSpringFestival(day) ? 0.3 : 0.05)) {
                day = p.plusMonths(1).atDay(dice.between(3, 20));
            }
            add(day, PAY, p, 0, null);
        }
    }

    /** Pays every 2-3 months what is owed, a quarter of the time only part of it. */
    private void planLate(int from, int to) {
        int i = from;
        while (i < to) {
            int k = dice.chance(0.3) ? 1 : dice.between(2, 3);
            YearMonth p = billed.get(Math.min(to - 1, i + k - 1));
            LocalDate day = p.atDay(dice.between(5, 28));
            if (p.getMonthValue() == 12) {
                day = p.atDay(dice.between(10, 28));
            }
            if (dice.chance(0.25)) {
                add(day, PARTIAL, p, dice.uniform(0.5, 0.8), null);
            } else {
                add(day, PAY, p, 0, null);
            }
            i += k;
        }
    }

    /** Pays promptly, but withholds 2-4 months once or twice over a service issue. */
    private void planWithholder() {
        int n = billed.size();
        if (n < 6) {
            planPrompt(0, n);
            return;
        }
        int start = dice.between(2, n - 4);
        int length = dice.between(2, 4);
        planPrompt(0, start);
        for (int i = start; i < Math.min(n, start + length); i++) {
            withheld.add(billed.get(i));
        }
        int resume = Math.min(n - 1, start + length);
        add(billed.get(resume).atDay(dice.between(5, 15)), PAY, billed.get(resume), 0, null);
        planPrompt(resume + 1, n);
    }

    /** Late payer until some month, then pays rarely (malicious: never, until a letter). */
    private void planDefaulter() {
        int n = billed.size();
        int stop = dice.between(0, Math.min(n - 1, 15));
        planLate(0, stop);
        if (u.malicious) {
            return;
        }
        for (int i = stop + dice.between(4, 8); i < n; i += dice.between(5, 9)) {
            YearMonth p = billed.get(i);
            add(p.atDay(dice.between(3, 27)), PARTIAL, p, dice.uniform(0.2, 0.45), null);
        }
    }

    // --- events -----------------------------------------------------------------------------

    private void handle(Event e) {
        switch (e.kind) {
            case ISSUE -> issue(e.period, e.date);
            case CORRECTION -> correction(e);
            case PAY -> pay(e.date, outstanding(), dice.chance(0.4), null);
            case PARTIAL -> pay(e.date, wholeYuan(outstanding() * e.x), false, null);
            case ADVANCE -> advance(e);
            case DEBIT -> debit(e);
            case PAYOFF -> pay(e.date, outstanding(), false, "transfer");
            case CALL, RECHECK_WEEK3 -> weekThree(e);
            case QUARTER_REASON -> quarterReason(e);
            case RECHECK_WEEK4 -> weekFour(e);
            case FAILED_DEBIT_CALL -> failedDebitCall(e);
            default -> throw new IllegalStateException("kind " + e.kind);
        }
    }

    private void issue(YearMonth p, LocalDate day) {
        BigDecimal amount = u.area.multiply(fees.propertyRate(estate, p)).setScale(2, RoundingMode.HALF_UP);
        String no = statement(p, 'P', "property_fee", amount, day, p.atEndOfMonth(), null);
        monthly = cents(amount);
        BigDecimal rate = estate.prepaymentRates.get(p.getYear());
        if (rate != null) {
            // the service-charge prepayment of the year's budget (F13), billed with the fee
            BigDecimal prepayment = u.area.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            if (prepayment.signum() > 0) {
                statement(p, 'S', "service_charge_prepayment", prepayment, day, p.atEndOfMonth(), null);
                u.prepaidCents[p.getYear() - cal.firstMonth.getYear()] += cents(prepayment);
                monthly += cents(prepayment);
            }
        }
        if (u.parking && (parkingStarted || u.occupiedOn(day))) {
            parkingStarted = true;
            BigDecimal parking = fees.parkingRate(p);
            statement(p, 'K', "parking", parking, day, p.atEndOfMonth(), null);
            monthly += cents(parking);
        }
        if (dice.chance(0.004)) {
            add(day.plusDays(dice.between(20, 70)), CORRECTION, p, dice.uniform(0.8, 6.5), no);
        }
        if (u.habit == UnitM.PayHabit.ADVANCE && outstanding() > 0 && !renewalPending) {
            renewalPending = true;
            add(p.atDay(dice.between(1, 10)), ADVANCE, p, dice.chance(0.6) ? 12 : 6, null);
        }
    }

    /** A late correction for an area re-measured after the statement (amounts are never negative). */
    private void correction(Event e) {
        BigDecimal amount = BigDecimal.valueOf(e.x).multiply(fees.propertyRate(estate, e.period))
                .setScale(2, RoundingMode.HALF_UP);
        LocalDate due = YearMonth.from(e.date).atEndOfMonth();
        statement(e.period, 'R', "property_fee", amount, e.date, due, e.ref);
    }

    private String statement(YearMonth p, char kind, String feeType, BigDecimal amount, LocalDate issued,
            LocalDate due, String corrects) {
        String no = "D-ST-" + p.getYear() + Numbers.pad(p.getMonthValue(), 2) + "-" + kind
                + Numbers.pad(u.ordinal, 6);
        StatementsRecord r = new StatementsRecord();
        r.setStatementNo(no);
        r.setUnitCode(u.code);
        r.setPeriod(p.toString());
        r.setFeeType(feeType);
        r.setAmount(amount);
        r.setIssuedOn(issued);
        r.setDueOn(due);
        r.setRunNo(corrects == null ? FeesGen.runNo(p) : null);
        r.setCorrectsStatementNo(corrects);
        g.sink.add(corrects == null ? Slot.STATEMENTS : Slot.STATEMENT_CORRECTIONS, r);
        g.sink.addStatementAmount(amount);
        Open o = new Open(no, p, due, cents(amount));
        int i = open.size();
        while (i > 0 && compare(open.get(i - 1), o) > 0) {
            i--;
        }
        open.add(i, o);
        long used = Math.min(credit, o.remaining);
        o.remaining -= used;
        credit -= used;
        open.removeIf(x -> x.remaining == 0);
        return no;
    }

    private static int compare(Open a, Open b) {
        int c = a.period.compareTo(b.period);
        return c != 0 ? c : a.no.compareTo(b.no);
    }

    private void advance(Event e) {
        renewalPending = false;
        pay(e.date, outstanding() + (long) e.x * monthly, false, null);
    }

    private void debit(Event e) {
        long owed = outstanding();
        LocalDate monday = e.date.minusDays(3);
        if (owed <= 0 || !cal.happened(monday)) {
            return;
        }
        BankDebitItemsRecord item = new BankDebitItemsRecord();
        item.setBatchNo(FeesGen.batchNo(monday));
        item.setUnitCode(u.code);
        item.setAmount(money(owed));
        if (!cal.happened(e.date)) {
            item.setResult("pending");
        } else if (dice.chance(lowBalance ? 0.25 : 0.04)) {
            item.setResult("failed");
            item.setResultOn(e.date);
            item.setFailureReason(dice.pick(Texts.DEBIT_FAILURES));
            add(e.date.plusDays(dice.between(1, 2)), FAILED_DEBIT_CALL, e.period, 0,
                    item.getFailureReason());
            if (e.x < 3) {
                add(e.date.plusDays(7), DEBIT, e.period, e.x + 1, null);
            }
        } else {
            item.setResult("success");
            item.setResultOn(e.date);
            item.setPaymentNo(payment(e.date, owed, "bank_debit", null, null));
        }
        g.sink.add(Slot.BANK_DEBIT_ITEMS, item);
    }

    private void pay(LocalDate day, long amount, boolean nameStatement, String channel) {
        if (amount <= 0) {
            return;
        }
        String named = nameStatement && !open.isEmpty() ? open.get(open.size() - 1).no : null;
        String ch = channel != null ? channel
                : new String[] {"online", "transfer", "cash", "other"}[dice.weighted(45, 22, 28, 5)];
        if ((ch.equals("cash") || ch.equals("transfer")) && dice.chance(0.004)) {
            LocalDate redo = day.plusDays(dice.between(1, 4));
            if (cal.happened(redo)) {
                payment(day, amount, ch, named, redo);
                day = redo;
            }
        }
        payment(day, amount, ch, named, null);
    }

    /** Writes a payment (a voided one stays for the record and pays nothing). */
    private String payment(LocalDate day, long amount, String channel, String named, LocalDate voided) {
        String no = g.numbers.next("PM", day.getYear());
        PaymentsRecord r = new PaymentsRecord();
        r.setPaymentNo(no);
        r.setUnitCode(u.code);
        r.setPaidOn(day);
        r.setAmount(money(amount));
        r.setChannel(channel);
        r.setStatementNo(named);
        r.setVoidedOn(voided);
        if (voided != null) {
            r.setNote(channel.equals("cash") ? "收款录入错误, 已作废重录" : "转账退回, 已作废");
        }
        g.sink.add(Slot.PAYMENTS, r);
        g.sink.addPaymentAmount(r.getAmount());
        if (voided == null) {
            apply(amount, named);
        }
        return no;
    }

    private void apply(long amount, String named) {
        long rest = amount;
        if (named != null) {
            for (Open o : open) {
                if (o.no.equals(named)) {
                    long used = Math.min(rest, o.remaining);
                    o.remaining -= used;
                    rest -= used;
                }
            }
        }
        for (Open o : open) {
            long used = Math.min(rest, o.remaining);
            o.remaining -= used;
            rest -= used;
        }
        open.removeIf(o -> o.remaining == 0);
        credit += rest;
    }

    // --- the collection calendar ------------------------------------------------------------

    /** Week 3: call owners who have not paid (auto-debit owners are called on failures). */
    private void weekThree(Event e) {
        boolean recheck = e.kind == RECHECK_WEEK3;
        long owed = u.habit == UnitM.PayHabit.AUTO_DEBIT ? overdue(e.date) : outstanding();
        if (owed <= 0 || !dice.chance(recheck ? 0.85 : 0.65)) {
            return;
        }
        String reason = recheck || dice.chance(0.4) ? reason(e.period) : null;
        action(e.date, dice.chance(0.85) ? "phone" : "sms", reason, promise(e.date),
                recheck ? "季末第三周复核: " + note() : note(), null);
    }

    /** 25th of quarter month 2: find out the real reason of everyone still owing. */
    private void quarterReason(Event e) {
        long owed = u.habit == UnitM.PayHabit.AUTO_DEBIT ? overdue(e.date) : outstanding();
        if (owed <= 0 || !dice.chance(0.95)) {
            return;
        }
        String reason = reason(e.period);
        boolean visit = u.strongOpinion || (u.habit == UnitM.PayHabit.DEFAULTER && dice.chance(0.5));
        String followUp = null;
        String note = visit && u.strongOpinion ? dice.pick(Texts.STRONG_OPINION_NOTES) : note();
        if (reason.equals("service_issue") && !issueRaised) {
            issueRaised = true;
            String dept = dice.pick(List.of("engineering", "cleaning", "security", "greening"));
            note = Texts.SERVICE_ISSUES.get(dept) + ", 已请电话中心开单";
            followUp = g.followUps.raise("collection", null, u.cluster(), u.building, u, dept,
                    e.date.atTime(dice.between(9, 17), dice.between(0, 59)), note, dice);
        }
        action(e.date, visit ? "visit" : "phone", reason, promise(e.date), note, followUp);
    }

    /** Week 4 of quarter month 3: re-check; malicious defaulters get a lawyer's letter. */
    private void weekFour(Event e) {
        long overdue = overdue(e.date);
        if (overdue <= 0) {
            return;
        }
        boolean letter = u.malicious && !reformed && overdue >= 3 * monthly
                && (lastLetter == null || ChronoUnit.DAYS.between(lastLetter, e.date) > 300);
        if (letter) {
            lastLetter = e.date;
            action(e.date, "lawyer_letter", "malicious", null, "寄发律师函, 列明滞纳金", null);
            lawyerLetter(e.date, overdue);
        } else if (dice.chance(0.85)) {
            action(e.date, "phone", reason(e.period), promise(e.date), "季末第四周复核: " + note(), null);
        }
    }

    private void failedDebitCall(Event e) {
        boolean callCenter = dice.chance(0.3);
        String staff = callCenter ? dice.pick(g.company.staffing.callCenter) : u.butler(e.date);
        String note = "银行代扣失败(" + e.ref + "), 电话通知业主及时存款"
                + (callCenter ? " (电话中心协助)" : "");
        record(e.date, staff, "phone", "financial", promise(e.date), note, null);
    }

    private void lawyerLetter(LocalDate day, long overdue) {
        long lateFee = 0;
        for (Open o : open) {
            if (o.due.isBefore(day)) {
                lateFee += Math.round(o.remaining * LATE_FEE_RATE * ChronoUnit.DAYS.between(o.due, day));
            }
        }
        String status = "sent";
        if (dice.chance(0.45)) {
            LocalDate payoff = day.plusDays(dice.between(10, 40));
            add(payoff, PAYOFF, YearMonth.from(payoff), 0, null);
            reformed = true;
            // from then on a late payer
            int next = 0;
            while (next < billed.size() && !billed.get(next).isAfter(YearMonth.from(payoff))) {
                next++;
            }
            planLate(next, billed.size());
            status = cal.happened(payoff) ? "paid" : "sent";
        } else if (dice.chance(0.08)) {
            status = "withdrawn";
        }
        LawyerLettersRecord r = new LawyerLettersRecord();
        r.setLetterNo(g.numbers.next("LL", day.getYear()));
        r.setUnitCode(u.code);
        r.setStaffCode(u.butler(day));
        r.setSentOn(day);
        r.setPrincipal(money(overdue));
        r.setLateFee(money(lateFee));
        r.setLateFeeRate(BigDecimal.valueOf(LATE_FEE_RATE).setScale(4, RoundingMode.HALF_UP));
        r.setStatus(status);
        r.setNote("滞纳金按每日万分之三计, 限15日内缴清");
        g.sink.add(Slot.LAWYER_LETTERS, r);
    }

    private void action(LocalDate day, String method, String reason, LocalDate promised, String note,
            String followUp) {
        record(day, u.butler(day), method, reason, promised, note, followUp);
    }

    private void record(LocalDate day, String staff, String method, String reason, LocalDate promised,
            String note, String followUp) {
        CollectionActionsRecord r = new CollectionActionsRecord();
        r.setActionNo(g.numbers.next("CA", day.getYear()));
        r.setUnitCode(u.code);
        r.setActionOn(day);
        r.setStaffCode(staff);
        r.setMethod(method);
        r.setReason(reason);
        r.setPromisedOn(promised);
        r.setNote(note);
        r.setFollowUpNo(followUp);
        g.sink.add(Slot.COLLECTION_ACTIONS, r);
        g.workload.add(staff, day, Workload.Kind.COLLECTION);
    }

    /** The date the owner promises: mostly the day they will really pay, sometimes not kept. */
    private LocalDate promise(LocalDate day) {
        if (dice.chance(0.12)) {
            return null;
        }
        LocalDate next = null;
        for (Event e : queue) {
            if (e.isPayment() && e.date.isAfter(day) && (next == null || e.date.isBefore(next))) {
                next = e.date;
            }
        }
        if (next != null && ChronoUnit.DAYS.between(day, next) <= 45 && dice.chance(0.8)) {
            return next.plusDays(dice.between(0, 3));
        }
        return day.plusDays(dice.between(5, 20));
    }

    private String reason(YearMonth p) {
        if (withheld.contains(p)) {
            return "service_issue";
        }
        return switch (u.habit) {
            case DEFAULTER -> u.malicious ? "malicious" : dice.chance(0.6) ? "financial" : "dispute";
            case AUTO_DEBIT -> "financial";
            case WITHHOLDER, PROMPT, ADVANCE -> dice.chance(0.8) ? "forgot" : "other";
            default -> u.mailingAddress != null && dice.chance(0.5) ? "not_received"
                    : new String[] {"forgot", "financial", "other"}[dice.weighted(45, 40, 15)];
        };
    }

    private String note() {
        return dice.pick(Texts.COLLECTION_NOTES);
    }

    private long outstanding() {
        long sum = 0;
        for (Open o : open) {
            sum += o.remaining;
        }
        return sum;
    }

    private long overdue(LocalDate day) {
        long sum = 0;
        for (Open o : open) {
            if (o.due.isBefore(day)) {
                sum += o.remaining;
            }
        }
        return sum;
    }

    private static long wholeYuan(double cents) {
        return (long) (cents / 100) * 100;
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}

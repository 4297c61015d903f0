package org.guanjia.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The allocation rule of KPI.md ("Fees and collection", <b>Allocation</b>), as a pure function
 * over one unit's statements and payments: no database, no Spring, no clock.
 *
 * <p>The rule, briefly. Replay the unit's events in date order; on the same date statements come
 * before payments, then statements by {@code statement_no} and payments by {@code payment_no},
 * compared as strings by Unicode code point ({@link #CODE_POINT_ORDER}).
 * <ol>
 * <li>A payment that names a statement first pays that statement's open balance, if the
 *     statement belongs to the unit and was issued on or before {@code paid_on}; otherwise the
 *     name is ignored for the allocation.</li>
 * <li>The remainder pays the open statements issued so far, oldest first: by {@code period},
 *     then {@code statement_no}.</li>
 * <li>What is left becomes the unit's credit. When a statement is issued, open credit pays it
 *     at once, dated {@code issued_on}.</li>
 * </ol>
 *
 * <p>Choices where KPI.md is silent:
 * <ul>
 * <li><b>Credit keeps its source.</b> Credit is held as one portion per payment, consumed FIFO in
 *     the payments' event order, so every allocation row names the payment whose money it is
 *     ({@code payment_allocations.payment_no} is never empty). A portion used by a statement is
 *     dated {@code issued_on}, a payment's direct allocations {@code paid_on}.</li>
 * <li><b>Credit at issue follows event order.</b> Statements issued on the same day take credit
 *     in {@code statement_no} order (the event order of the rule), not by period. Open credit
 *     implies no issued statement is open (step 2 would have used it), so the case only matters
 *     when several statements are issued the same day and the credit does not cover them.</li>
 * <li><b>Voided payments</b> ({@code voided_on} set) are left out entirely, whatever the void
 *     date: a void is a correction of the record, not a refund on that date.</li>
 * <li><b>Scale.</b> Amounts are taken at scale 2; more decimals, or an amount that is not
 *     positive, is refused (the database and the import already forbid both).</li>
 * <li>The rows come in replay order; a (statement, payment) pair appears at most once, since a
 *     payment that reaches a statement either closes it or is used up.</li>
 * </ul>
 */
public final class Allocator {

    /**
     * Compares strings by Unicode code point. {@link String#compareTo} compares UTF-16 units,
     * which puts a supplementary character (surrogate pair, U+D800..U+DFFF units) before BMP
     * characters U+E000..U+FFFF; code point order puts it after them.
     */
    public static final Comparator<String> CODE_POINT_ORDER = Allocator::compareCodePoints;

    /** Open statements in the order step 2 pays them. */
    private static final Comparator<Statement> OLDEST_FIRST = Comparator
            .comparing(Statement::period)
            .thenComparing(Statement::statementNo, CODE_POINT_ORDER);

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Allocator() {
    }

    /** A statement of the unit: what it bills ({@code amount > 0}) and when it was issued. */
    public record Statement(String statementNo, String period, BigDecimal amount,
            LocalDate issuedOn) {

        public Statement {
            Objects.requireNonNull(statementNo, "statementNo");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(issuedOn, "issuedOn");
            amount = money(amount, statementNo);
        }
    }

    /**
     * A payment of the unit; {@code statementNo} is the statement it names (may be empty), and
     * {@code voidedOn} is set when the payment was voided.
     */
    public record Payment(String paymentNo, LocalDate paidOn, BigDecimal amount, String statementNo,
            LocalDate voidedOn) {

        public Payment {
            Objects.requireNonNull(paymentNo, "paymentNo");
            Objects.requireNonNull(paidOn, "paidOn");
            amount = money(amount, paymentNo);
        }

        public boolean voided() {
            return voidedOn != null;
        }
    }

    /** Money of payment {@code paymentNo} applied to {@code statementNo} on {@code allocatedOn}. */
    public record Allocation(String statementNo, String paymentNo, LocalDate allocatedOn,
            BigDecimal amount) {
    }

    /** The not yet used part of one payment, in the order it will be used. */
    public record CreditPortion(String paymentNo, BigDecimal amount) {
    }

    /**
     * The outcome of the replay.
     *
     * @param allocations the allocation rows, in replay order
     * @param credit      the open credit after the last event (0.00 when none)
     * @param portions    the credit by source payment, oldest first
     * @param lastEventOn the date of the last event replayed (empty when there was none); the
     *                    credit stays as it is from that day until the next event
     */
    public record Result(List<Allocation> allocations, BigDecimal credit,
            List<CreditPortion> portions, LocalDate lastEventOn) {
    }

    /**
     * Replays one unit's statements and payments.
     *
     * @throws IllegalArgumentException on a duplicate statement_no or payment_no, or an amount
     *                                  that is not positive or has more than 2 decimals
     */
    public static Result allocate(Collection<Statement> statements, Collection<Payment> payments) {
        Map<String, Statement> byNo = new HashMap<>();
        for (Statement s : statements) {
            if (byNo.put(s.statementNo(), s) != null) {
                throw new IllegalArgumentException("Duplicate statement_no " + s.statementNo());
            }
        }
        List<Event> events = new ArrayList<>(statements.size() + payments.size());
        statements.forEach(s -> events.add(new Event(s.issuedOn(), 0, s.statementNo(), s, null)));
        Map<String, Payment> seenPayments = new HashMap<>();
        for (Payment p : payments) {
            if (seenPayments.put(p.paymentNo(), p) != null) {
                throw new IllegalArgumentException("Duplicate payment_no " + p.paymentNo());
            }
            if (!p.voided()) {
                events.add(new Event(p.paidOn(), 1, p.paymentNo(), null, p));
            }
        }
        events.sort(Comparator.comparing(Event::date).thenComparingInt(Event::kind)
                .thenComparing(Event::code, CODE_POINT_ORDER));

        Replay replay = new Replay(statements.size());
        for (Event e : events) {
            if (e.statement() != null) {
                replay.issue(e.statement());
            } else {
                replay.pay(e.payment());
            }
        }
        BigDecimal credit = replay.credit.stream().map(c -> c.left).reduce(ZERO, BigDecimal::add);
        List<CreditPortion> portions = replay.credit.stream()
                .map(c -> new CreditPortion(c.paymentNo, c.left)).toList();
        LocalDate last = events.isEmpty() ? null : events.get(events.size() - 1).date();
        return new Result(List.copyOf(replay.allocations), credit, portions, last);
    }

    /** Code point order of two strings; see {@link #CODE_POINT_ORDER}. */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // At the first differing unit, moving surrogates above U+E000..U+FFFF gives code
                // point order: a lead surrogate stands for a code point above U+FFFF, and two
                // trail surrogates after equal leads compare as their code points do.
                return Integer.compare(fixUp(x), fixUp(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int fixUp(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    static BigDecimal money(BigDecimal amount, String code) {
        Objects.requireNonNull(amount, () -> "amount of " + code);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("Amount of " + code + " must be > 0: " + amount);
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Amount of " + code + " has more than 2 decimals: "
                    + amount, e);
        }
    }

    /** kind 0 = statement issued, 1 = payment received (statements first on the same day). */
    private record Event(LocalDate date, int kind, String code, Statement statement,
            Payment payment) {
    }

    /** The mutable state of one replay. */
    private static final class Replay {

        final List<Allocation> allocations;
        /** Issued statements (by number), to check a payment's named statement. */
        final Map<String, Statement> issued = new HashMap<>();
        /** Issued statements with an open balance, oldest first. */
        final TreeMap<Statement, BigDecimal> open = new TreeMap<>(OLDEST_FIRST);
        final Deque<Portion> credit = new ArrayDeque<>();

        Replay(int expected) {
            allocations = new ArrayList<>(expected + expected / 4);
        }

        void issue(Statement s) {
            issued.put(s.statementNo(), s);
            BigDecimal balance = s.amount();
            while (balance.signum() > 0 && !credit.isEmpty()) {
                Portion p = credit.peekFirst();
                BigDecimal x = p.left.min(balance);
                allocations.add(new Allocation(s.statementNo(), p.paymentNo, s.issuedOn(), x));
                balance = balance.subtract(x);
                p.left = p.left.subtract(x);
                if (p.left.signum() == 0) {
                    credit.removeFirst();
                }
            }
            if (balance.signum() > 0) {
                open.put(s, balance);
            }
        }

        void pay(Payment p) {
            BigDecimal left = p.amount();
            // 1. the named statement, if it is this unit's and already issued (same-day
            // statements were replayed before this payment); otherwise the name is ignored
            Statement named = p.statementNo() == null ? null : issued.get(p.statementNo());
            if (named != null) {
                BigDecimal balance = open.get(named);
                if (balance != null) {
                    BigDecimal x = balance.min(left);
                    allocations.add(new Allocation(named.statementNo(), p.paymentNo(), p.paidOn(), x));
                    left = left.subtract(x);
                    if (x.compareTo(balance) == 0) {
                        open.remove(named);
                    } else {
                        open.put(named, balance.subtract(x));
                    }
                }
            }
            // 2. open statements oldest first; all of them were issued on or before paid_on
            Iterator<Map.Entry<Statement, BigDecimal>> it = open.entrySet().iterator();
            while (left.signum() > 0 && it.hasNext()) {
                Map.Entry<Statement, BigDecimal> e = it.next();
                BigDecimal x = e.getValue().min(left);
                allocations.add(new Allocation(e.getKey().statementNo(), p.paymentNo(), p.paidOn(), x));
                left = left.subtract(x);
                if (x.compareTo(e.getValue()) == 0) {
                    it.remove();
                } else {
                    e.setValue(e.getValue().subtract(x));
                }
            }
            // 3. the rest is credit
            if (left.signum() > 0) {
                credit.addLast(new Portion(p.paymentNo(), left));
            }
        }
    }

    private static final class Portion {
        final String paymentNo;
        BigDecimal left;

        Portion(String paymentNo, BigDecimal left) {
            this.paymentNo = paymentNo;
            this.left = left;
        }
    }
}

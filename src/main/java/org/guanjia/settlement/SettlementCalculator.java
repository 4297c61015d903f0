package org.guanjia.settlement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of the year-end service-charge settlement (German model, 篇3), with no database:
 * the service feeds it what it reads, the demo generator what it generates, so both settle a
 * year the same way.
 *
 * <p>Per category, a unit's weight is {@code basis x days}: the basis is its area (key
 * {@code area}), 1 ({@code unit}) or the persons counted ({@code head_count}, at least one, so an
 * empty unit's share stays with its owner); days are the days of the year the unit was
 * delivered. Every delivered unit carries its weight, vacant or not, so a vacancy never moves
 * costs onto the occupied units. The category's actual costs are divided in proportion to the
 * weights in whole cents: each unit gets the floor of its exact share, and the cents left over go
 * one each to the largest remainders (ties by unit code), so the shares add up exactly to the
 * actual costs.
 *
 * <p>The part of a unit's share that falls on its vacant days ({@code share x vacant days /
 * delivered days}, cents half-up) is borne by the owner.
 */
public final class SettlementCalculator {

    public static final String AREA = "area";
    public static final String UNIT = "unit";
    public static final String HEAD_COUNT = "head_count";
    public static final List<String> KEYS = List.of(AREA, UNIT, HEAD_COUNT);

    /** The cost categories in display order (the V004 check constraint). */
    public static final List<String> CATEGORIES = List.of("waste", "sewage", "repairs", "caretaker",
            "cleaning", "greening", "security", "insurance", "common_utilities", "management", "other");

    public static final String PAYER_OWNER = "owner";
    public static final String PAYER_SPLIT = "split";
    public static final String PAYER_OCCUPANT = "tenant";

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private SettlementCalculator() {
    }

    /** A status row of the unit: in force from {@code from} (KPI.md's status rule). */
    public record StatusChange(LocalDate from, String status) {
    }

    /**
     * What the settlement needs of one unit.
     *
     * @param persons entered persons for the year, or null
     * @param prepaid the prepayments billed for the year
     */
    public record UnitInput(String unitCode, BigDecimal areaSqm, LocalDate deliveredOn,
            List<StatusChange> statuses, Integer persons, BigDecimal prepaid) {

        public UnitInput {
            statuses = statuses.stream().sorted(Comparator.comparing(StatusChange::from)).toList();
        }
    }

    /** A category's actual costs of the year and its key. */
    public record CategoryCost(String category, String allocationKey, BigDecimal actual) {
    }

    /** The unit's share of one category. */
    public record Detail(String category, String allocationKey, BigDecimal categoryActual,
            BigDecimal basis, int days, BigDecimal weight, BigDecimal totalWeight, BigDecimal share) {
    }

    /**
     * One unit's settlement: {@code balance = share - prepaid}, positive = top-up owed, negative
     * = refund.
     */
    public record Line(String unitCode, BigDecimal areaSqm, int deliveredDays, BigDecimal share,
            BigDecimal prepaid, BigDecimal balance, int vacantDays, BigDecimal vacantShare,
            String payer, List<Detail> details) {
    }

    /**
     * Settles the year: one line per unit delivered during the year or with prepayments billed for
     * it, in the order of the input.
     *
     * @throws IllegalArgumentException when a category has costs but no unit carries any weight
     */
    public static List<Line> settle(int year, List<CategoryCost> costs, List<UnitInput> units) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<UnitInput> settled = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        for (UnitInput u : units) {
            int d = deliveredDays(u.deliveredOn(), first, last);
            if (d > 0 || u.prepaid().signum() != 0) {
                settled.add(u);
                days.add(d);
            }
        }
        int n = settled.size();
        List<List<Detail>> details = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            details.add(new ArrayList<>());
        }
        for (CategoryCost c : costs) {
            BigDecimal[] weights = new BigDecimal[n];
            BigDecimal[] bases = new BigDecimal[n];
            BigDecimal total = ZERO;
            for (int i = 0; i < n; i++) {
                bases[i] = basis(c.allocationKey(), settled.get(i));
                weights[i] = bases[i].multiply(BigDecimal.valueOf(days.get(i))).setScale(2);
                total = total.add(weights[i]);
            }
            if (total.signum() == 0) {
                if (c.actual().signum() != 0) {
                    throw new IllegalArgumentException("No delivered unit to carry " + c.category());
                }
                continue;
            }
            long[] shares = distribute(c.actual(), weights, total, settled);
            for (int i = 0; i < n; i++) {
                details.get(i).add(new Detail(c.category(), c.allocationKey(), c.actual(), bases[i],
                        days.get(i), weights[i], total, BigDecimal.valueOf(shares[i], 2)));
            }
        }
        List<Line> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UnitInput u = settled.get(i);
            int delivered = days.get(i);
            BigDecimal share = details.get(i).stream().map(Detail::share).reduce(ZERO, BigDecimal::add);
            int vacant = vacantDays(u, first, last);
            BigDecimal vacantShare = delivered == 0 ? ZERO
                    : share.multiply(BigDecimal.valueOf(vacant))
                            .divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP);
            BigDecimal prepaid = u.prepaid().setScale(2);
            lines.add(new Line(u.unitCode(), u.areaSqm(), delivered, share, prepaid,
                    share.subtract(prepaid), vacant, vacantShare, payer(vacant, delivered),
                    List.copyOf(details.get(i))));
        }
        return lines;
    }

    /** Who bears the share: the owner for vacant days, the occupant (tenant or owner) for the rest. */
    static String payer(int vacantDays, int deliveredDays) {
        if (deliveredDays == 0 || vacantDays >= deliveredDays) {
            return PAYER_OWNER;
        }
        return vacantDays == 0 ? PAYER_OCCUPANT : PAYER_SPLIT;
    }

    private static BigDecimal basis(String key, UnitInput u) {
        return switch (key) {
            case AREA -> u.areaSqm().setScale(2, RoundingMode.UNNECESSARY);
            case UNIT -> BigDecimal.ONE.setScale(2);
            case HEAD_COUNT -> BigDecimal.valueOf(Math.max(1, u.persons() == null ? 1 : u.persons()))
                    .setScale(2);
            default -> throw new IllegalArgumentException("Unknown allocation key " + key);
        };
    }

    /**
     * Whole cents in proportion to the weights, adding up to {@code amount}: floors, then one cent
     * each to the largest remainders, ties by unit code.
     */
    static long[] distribute(BigDecimal amount, BigDecimal[] weights, BigDecimal total,
            List<UnitInput> units) {
        int n = weights.length;
        long cents = amount.movePointRight(2).longValueExact();
        // exact integer arithmetic: weights have 2 decimals, so scale them to integers
        BigInteger t = total.movePointRight(2).toBigIntegerExact();
        long[] shares = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = BigInteger.valueOf(cents).multiply(weights[i].movePointRight(2)
                    .toBigIntegerExact()).divideAndRemainder(t);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (weights[i].signum() > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> units.get(i).unitCode()));
        for (int k = 0; k < cents - given; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }

    /** Days from delivery (or 1 January) to 31 December; 0 if not delivered in the year. */
    public static int deliveredDays(LocalDate deliveredOn, LocalDate first, LocalDate last) {
        if (deliveredOn == null || deliveredOn.isAfter(last)) {
            return 0;
        }
        LocalDate start = deliveredOn.isAfter(first) ? deliveredOn : first;
        return (int) ChronoUnit.DAYS.between(start, last) + 1;
    }

    /**
     * Delivered days of the year on which the unit's status was {@code vacant}: the status on a
     * day is that of the latest row from on or before it; a delivered unit without one is vacant.
     */
    static int vacantDays(UnitInput u, LocalDate first, LocalDate last) {
        if (deliveredDays(u.deliveredOn(), first, last) == 0) {
            return 0;
        }
        LocalDate start = u.deliveredOn().isAfter(first) ? u.deliveredOn() : first;
        int vacant = 0;
        List<StatusChange> rows = u.statuses();
        // status in force at start
        String status = "vacant";
        int next = 0;
        while (next < rows.size() && !rows.get(next).from().isAfter(start)) {
            status = rows.get(next).status();
            next++;
        }
        LocalDate from = start;
        while (!from.isAfter(last)) {
            LocalDate to = next < rows.size() && !rows.get(next).from().isAfter(last)
                    ? rows.get(next).from().minusDays(1) : last;
            if ("vacant".equals(status)) {
                vacant += (int) ChronoUnit.DAYS.between(from, to) + 1;
            }
            if (next >= rows.size() || rows.get(next).from().isAfter(last)) {
                break;
            }
            status = rows.get(next).status();
            from = rows.get(next).from();
            next++;
        }
        return vacant;
    }

    /**
     * The monthly prepayment per m² for the year: the budget over the m²-months the statement
     * run bills in the year, {@code Σ budget / Σ (area x months)}, where a unit counts for every
     * month that begins after its delivery; with every unit delivered all year this is
     * {@code Σ budget / Σ area / 12}. Rounded half-up to 4 decimals, the precision of a fee
     * schedule's rate; each monthly statement is then {@code area x rate}, half-up to cents.
     * Empty when no unit is billed in the year.
     */
    public static Optional<BigDecimal> prepaymentRate(int year, BigDecimal budgetTotal,
            List<UnitInput> units) {
        BigDecimal areaMonths = areaMonths(year, units);
        if (areaMonths.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(budgetTotal.divide(areaMonths, 4, RoundingMode.HALF_UP));
    }

    /** Σ area x months billed in the year (see {@link #prepaymentRate}). */
    public static BigDecimal areaMonths(int year, List<UnitInput> units) {
        BigDecimal sum = ZERO;
        for (UnitInput u : units) {
            sum = sum.add(u.areaSqm().multiply(BigDecimal.valueOf(monthsBilled(year, u.deliveredOn()))));
        }
        return sum;
    }

    /** Months of the year that begin after the delivery day. */
    public static int monthsBilled(int year, LocalDate deliveredOn) {
        if (deliveredOn == null) {
            return 0;
        }
        int months = 0;
        for (int m = 1; m <= 12; m++) {
            if (deliveredOn.isBefore(YearMonth.of(year, m).atDay(1))) {
                months++;
            }
        }
        return months;
    }
}

package org.guanjia.soak;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.billing.Allocator;
import org.guanjia.soak.internal.SoakRepository;
import org.guanjia.soak.internal.SoakRepository.ComplaintState;
import org.guanjia.soak.internal.SoakRepository.UnitBooks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a database after a crash, in one read snapshot: every acknowledged record is there
 * (with its audit line), every unit's stored allocation rows and credit equal a fresh
 * {@link Allocator} replay of its statements and payments, no payment has more allocated than
 * its amount (a voided one nothing), every complaint's columns fit its status, and the
 * migrations validate.
 */
@Service
@Transactional(readOnly = true)
public class IntegrityCheck {

    /** The acknowledged kinds: the table a code must be in, and the status it must have reached. */
    static final Map<String, String> TABLE_OF_KIND = Map.of(
            "payment", "payment",
            "complaint", "complaint",
            "complaint-responded", "complaint",
            "complaint-resolved", "complaint",
            "visit", "visit");

    private static final Set<String> RESPONDED = Set.of("responded", "in_progress", "resolved",
            "closed");
    private static final Set<String> RESOLVED = Set.of("resolved", "closed");

    private final SoakRepository repo;
    private final CurrentUser currentUser;
    private final ObjectProvider<Flyway> flyway;

    public IntegrityCheck(SoakRepository repo, CurrentUser currentUser, ObjectProvider<Flyway> flyway) {
        this.repo = repo;
        this.currentUser = currentUser;
        this.flyway = flyway;
    }

    /**
     * The outcome.
     *
     * @param acknowledged acknowledged codes per kind (distinct)
     * @param found        of those, the ones found (with the status the kind requires)
     * @param units        units whose allocation was replayed
     * @param payments     payments whose allocated sum was checked
     * @param complaints   complaints whose status columns were checked
     * @param stored       rows per table (payment, complaint, visit)
     * @param databaseSize as {@code pragma database_size} reports it
     * @param differences  every problem found, one line each
     */
    public record Report(Map<String, Integer> acknowledged, Map<String, Integer> found, int units,
            int payments, int complaints, Map<String, Integer> stored, String databaseSize,
            List<String> differences) {

        public boolean ok() {
            return differences.isEmpty();
        }

        /** One line, {@code key=value} pairs, for people and for the crash test to read. */
        public String summary() {
            StringBuilder s = new StringBuilder("check");
            acknowledged.forEach((k, n) -> s.append(" acked.").append(k).append('=').append(n));
            found.forEach((k, n) -> s.append(" found.").append(k).append('=').append(n));
            stored.forEach((k, n) -> s.append(" rows.").append(k).append('=').append(n));
            s.append(" units=").append(units).append(" payments=").append(payments)
                    .append(" complaints=").append(complaints)
                    .append(" database_size=").append(databaseSize.replace(' ', '_'))
                    .append(" differences=").append(differences.size());
            return s.toString();
        }
    }

    /** Checks the database against the acknowledged records (kind → codes). */
    public Report check(Map<String, ? extends Set<String>> acks) {
        currentUser.require(Role.ADMIN);
        List<String> differences = new ArrayList<>();
        ValidateResult validated = flyway.getObject().validateWithResult();
        if (!validated.validationSuccessful) {
            differences.add("flyway validate: " + validated.getAllErrorMessages());
        }
        Map<String, Integer> acknowledged = new TreeMap<>();
        Map<String, Integer> found = new TreeMap<>();
        Map<String, ComplaintState> complaints = new HashMap<>();
        repo.complaints().forEach(c -> complaints.put(c.no(), c));
        for (Map.Entry<String, ? extends Set<String>> e : new TreeMap<>(acks).entrySet()) {
            String kind = e.getKey();
            String table = TABLE_OF_KIND.get(kind);
            if (table == null) {
                differences.add("unknown kind in the acknowledgements: " + kind);
                continue;
            }
            Set<String> codes = e.getValue();
            Set<String> present = repo.existing(table, codes);
            int ok = 0;
            for (String code : codes) {
                ComplaintState c = complaints.get(code);
                if (!present.contains(code)) {
                    differences.add("acknowledged " + kind + " " + code + " is missing");
                } else if (kind.equals("complaint-responded") && !RESPONDED.contains(c.status())) {
                    differences.add("acknowledged " + kind + " " + code + " has status " + c.status());
                } else if (kind.equals("complaint-resolved") && !RESOLVED.contains(c.status())) {
                    differences.add("acknowledged " + kind + " " + code + " has status " + c.status());
                } else {
                    ok++;
                }
            }
            if (kind.equals(table)) {
                Set<String> audited = repo.audited(table, codes);
                codes.stream().filter(present::contains).filter(c -> !audited.contains(c)).sorted()
                        .forEach(c -> differences.add(kind + " " + c + " has no audit line"));
            }
            acknowledged.put(kind, codes.size());
            found.put(kind, ok);
        }
        complaints.values().stream().sorted(Comparator.comparing(ComplaintState::no))
                .forEach(c -> complaintProblem(c).ifPresent(differences::add));
        differences.addAll(repo.orphans(100));
        // the KPI summaries kept by the writers in their transactions: as a recount
        differences.addAll(repo.staleSummaries());
        int[] counts = allocations(differences);
        Map<String, Integer> stored = new LinkedHashMap<>();
        for (String kind : List.of("payment", "complaint", "visit")) {
            stored.put(kind, repo.count(kind));
        }
        return new Report(acknowledged, found, counts[0], counts[1], complaints.size(), stored,
                repo.databaseSize(), differences);
    }

    /** A complaint whose columns do not fit its status (a step half-written). */
    static java.util.Optional<String> complaintProblem(ComplaintState c) {
        List<String> wrong = new ArrayList<>();
        boolean responded = RESPONDED.contains(c.status());
        if (responded && (c.firstResponseAt() == null || c.responseMethod() == null)) {
            wrong.add("no first response");
        }
        if (!responded && c.firstResponseAt() != null) {
            wrong.add("a first response");
        }
        if (RESOLVED.contains(c.status()) && (c.resolvedAt() == null || c.reply() == null)) {
            wrong.add("no resolution");
        }
        if (!RESOLVED.contains(c.status()) && c.resolvedAt() != null) {
            wrong.add("a resolution");
        }
        if (c.status().equals("closed") != (c.closedAt() != null)) {
            wrong.add(c.closedAt() == null ? "no closing time" : "a closing time");
        }
        return wrong.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("complaint " + c.no() + " is " + c.status() + " with "
                        + String.join(", ", wrong));
    }

    /** Replays every unit and compares; returns {units, payments} checked. */
    private int[] allocations(List<String> differences) {
        return allocations(repo.books(), differences);
    }

    /** Replays every unit of {@code allBooks} and adds what differs; returns {units, payments}. */
    static int[] allocations(Map<String, UnitBooks> allBooks, List<String> differences) {
        Map<String, UnitBooks> books = new TreeMap<>(allBooks);
        int payments = 0;
        for (Map.Entry<String, UnitBooks> e : books.entrySet()) {
            String unit = e.getKey();
            UnitBooks b = e.getValue();
            payments += b.payments().size();
            Allocator.Result fresh = b.statements().isEmpty() && b.payments().isEmpty() ? null
                    : Allocator.allocate(b.statements(), b.payments());
            List<String> expected = rows(fresh == null ? List.of() : fresh.allocations());
            List<String> stored = rows(b.stored());
            if (!expected.equals(stored)) {
                List<String> missing = new ArrayList<>(expected);
                stored.forEach(missing::remove);
                List<String> extra = new ArrayList<>(stored);
                expected.forEach(extra::remove);
                differences.add("unit " + unit + ": stored allocations differ from a replay; missing "
                        + missing + ", extra " + extra);
            }
            if (fresh == null ? b.hasCreditRow() : !b.hasCreditRow()
                    || fresh.credit().compareTo(b.credit()) != 0
                    || !Objects.equals(fresh.lastEventOn(), b.creditAsOf())) {
                differences.add("unit " + unit + ": stored credit " + b.credit() + " as of "
                        + b.creditAsOf() + ", a replay gives " + (fresh == null ? "no row"
                        : fresh.credit() + " as of " + fresh.lastEventOn()));
            }
            Map<String, BigDecimal> allocated = new HashMap<>();
            Set<String> statements = new LinkedHashSet<>();
            b.statements().forEach(s -> statements.add(s.statementNo()));
            for (Allocator.Allocation a : b.stored()) {
                if (a.paymentNo() != null) {
                    allocated.merge(a.paymentNo(), a.amount(), BigDecimal::add);
                }
                if (!statements.contains(a.statementNo())) {
                    differences.add("unit " + unit + ": allocation to statement " + a.statementNo()
                            + " of another unit or none");
                }
            }
            for (Allocator.Payment p : b.payments()) {
                BigDecimal sum = allocated.getOrDefault(p.paymentNo(), BigDecimal.ZERO);
                if (sum.compareTo(p.amount()) > 0) {
                    differences.add("payment " + p.paymentNo() + ": allocated " + sum
                            + " of an amount of " + p.amount());
                }
                if (p.voided() && sum.signum() != 0) {
                    differences.add("payment " + p.paymentNo() + " is voided but allocated " + sum);
                }
            }
        }
        return new int[] {books.size(), payments};
    }

    private static List<String> rows(List<Allocator.Allocation> allocations) {
        return allocations.stream()
                .map(a -> a.statementNo() + "/" + a.paymentNo() + "/" + a.allocatedOn() + "/"
                        + a.amount().setScale(2))
                .sorted().toList();
    }
}

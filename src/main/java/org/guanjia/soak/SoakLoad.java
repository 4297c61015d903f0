package org.guanjia.soak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.base.WriteConflictRetry;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentService;
import org.guanjia.complaint.Classification;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.complaint.Resolution;
import org.guanjia.soak.internal.SoakRepository;
import org.guanjia.soak.internal.SoakRepository.OpenStatement;
import org.guanjia.visit.NewVisit;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * A write load through the real services, as the views call them: butlers take in complaints
 * (and respond to and resolve some) and record visits on units of their own clusters, finance
 * records payments (plain, naming an open statement, and paid ahead beyond what is owed). Each
 * save is acknowledged ({@link AckFile}) after the service returned, i.e. after its commit.
 */
@Service
public class SoakLoad {

    private static final Logger log = LoggerFactory.getLogger(SoakLoad.class);

    /** The kinds of save, in the order of the summary. */
    public static final List<String> OPERATIONS = List.of("complaint", "complaint-responded",
            "complaint-resolved", "visit", "payment", "payment-targeted", "payment-advance");

    private final ComplaintService complaints;
    private final VisitService visits;
    private final PaymentService payments;
    private final SoakRepository repo;
    private final CurrentUser currentUser;
    private final Clock clock;

    public SoakLoad(ComplaintService complaints, VisitService visits, PaymentService payments,
            SoakRepository repo, CurrentUser currentUser, Clock clock) {
        this.complaints = complaints;
        this.visits = visits;
        this.payments = payments;
        this.repo = repo;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * What a run did: saves per kind (acknowledged), and failed saves per kind with the number
     * of DuckDB write conflicts among them.
     */
    public record Counts(Map<String, Long> saved, Map<String, Long> failed, long conflicts) {

        public long total() {
            return saved.values().stream().mapToLong(Long::longValue).sum();
        }

        public String summary() {
            StringBuilder s = new StringBuilder("soak");
            saved.forEach((k, n) -> s.append(' ').append(k).append('=').append(n));
            s.append(" failed=").append(failed.values().stream().mapToLong(Long::longValue).sum());
            failed.forEach((k, n) -> s.append(" failed.").append(k).append('=').append(n));
            s.append(" conflicts=").append(conflicts);
            return s.toString();
        }
    }

    /** Told of every operation: its kind, how long it took, and its error (null when saved). */
    @FunctionalInterface
    public interface Recorder {
        Recorder NONE = (op, nanos, error) -> { };

        void record(String op, long nanos, Throwable error);
    }

    /** A butler's working set: who, and the units of their clusters. */
    private record Butler(GuanjiaPrincipal principal, List<String> units) {
    }

    /**
     * Runs {@code threads} workers until {@code stop} is set (or {@code millis} have passed,
     * when positive), acknowledging each save to {@code ack}.
     */
    public Counts run(int threads, long millis, long seed, AckFile ack, AtomicBoolean stop)
            throws InterruptedException {
        return run(threads, millis, seed, ack, stop, 0, Recorder.NONE);
    }

    /**
     * As {@link #run(int, long, long, AckFile, AtomicBoolean)}, each worker pausing a random
     * 0.5 to 1.5 times {@code thinkMillis} between operations (a user's think time) and telling
     * {@code recorder} of each operation.
     */
    public Counts run(int threads, long millis, long seed, AckFile ack, AtomicBoolean stop,
            long thinkMillis, Recorder recorder) throws InterruptedException {
        // signs workers in as any butler and finance: only the system (CLI) or an admin may
        currentUser.require(Role.ADMIN);
        List<Butler> butlers = butlers();
        List<GuanjiaPrincipal> finance = repo.users(Role.FINANCE);
        GuanjiaPrincipal cashier = finance.isEmpty()
                ? new GuanjiaPrincipal("soak-finance", "-", "soak", Role.FINANCE, null, null, true)
                : finance.get(0);
        List<String> payable = repo.unitsWithStatements();
        if (butlers.isEmpty() || payable.isEmpty()) {
            throw new IllegalStateException("The database needs butlers with clusters and units "
                    + "with statements (fill it with the demo first)");
        }
        Map<String, AtomicLong> saved = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
        AtomicLong conflicts = new AtomicLong();
        long deadline = millis > 0 ? System.currentTimeMillis() + millis : Long.MAX_VALUE;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Butler butler = butlers.get(t % butlers.size());
            // seeds mixed: java.util.Random's first values of nearby seeds are nearly equal (every
            // worker would begin with the same kind of save)
            Random random = new Random(new SplittableRandom(seed * 31 + t).nextLong());
            Thread w = new Thread(() -> {
                Worker worker = new Worker(butler, cashier, payable, random, ack, saved, recorder);
                while (!stop.get() && System.currentTimeMillis() < deadline) {
                    String op = worker.pick();
                    try {
                        worker.run(op);
                    } catch (RuntimeException e) {
                        failed.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
                        if (isConflict(e)) {
                            conflicts.incrementAndGet();
                        }
                        log.warn("{} failed: {}", op, e.toString());
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(thinkMillis / 2 + random.nextLong(thinkMillis + 1));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }, "soak-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        Map<String, Long> savedCounts = new TreeMap<>();
        OPERATIONS.forEach(k -> savedCounts.put(k, saved.getOrDefault(k, new AtomicLong()).get()));
        Map<String, Long> failedCounts = new TreeMap<>();
        failed.forEach((k, n) -> failedCounts.put(k, n.get()));
        return new Counts(savedCounts, failedCounts, conflicts.get());
    }

    /** Whether the database has no units yet (the load needs master data). */
    public boolean databaseIsEmpty() {
        currentUser.require(Role.ADMIN);
        return repo.unitCount() == 0;
    }

    /** A DuckDB write-write conflict that the retry at the service boundary did not overcome. */
    public static boolean isConflict(Throwable e) {
        return WriteConflictRetry.isConflict(e);
    }

    private List<Butler> butlers() {
        List<Butler> butlers = new ArrayList<>();
        for (GuanjiaPrincipal p : repo.users(Role.BUTLER)) {
            if (p.staffCode() == null) {
                continue;
            }
            signIn(p);
            try {
                Scope scope = currentUser.scope();
                if (!scope.all() && !scope.clusterCodes().isEmpty()) {
                    List<String> units = repo.units(scope);
                    if (!units.isEmpty()) {
                        butlers.add(new Butler(p, units));
                    }
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        return butlers;
    }

    private static void signIn(GuanjiaPrincipal p) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    /** One thread's worker: its butler, the cashier, its random choices. */
    private final class Worker {
        private final Butler butler;
        private final GuanjiaPrincipal cashier;
        private final List<String> payable;
        private final Random random;
        private final AckFile ack;
        private final Map<String, AtomicLong> saved;
        private final Recorder recorder;

        Worker(Butler butler, GuanjiaPrincipal cashier, List<String> payable, Random random,
                AckFile ack, Map<String, AtomicLong> saved, Recorder recorder) {
            this.recorder = recorder;
            this.butler = butler;
            this.cashier = cashier;
            this.payable = payable;
            this.random = random;
            this.ack = ack;
            this.saved = saved;
        }

        String pick() {
            int r = random.nextInt(100);
            return r < 30 ? "complaint" : r < 55 ? "visit" : r < 80 ? "payment"
                    : r < 93 ? "payment-targeted" : "payment-advance";
        }

        void run(String op) {
            switch (op) {
                case "complaint" -> complaint();
                case "visit" -> visit();
                default -> payment(op);
            }
        }

        /** One service call (one transaction), timed for the recorder. */
        private <T> T timed(String op, java.util.function.Supplier<T> call) {
            long t0 = System.nanoTime();
            try {
                T result = call.get();
                recorder.record(op, System.nanoTime() - t0, null);
                return result;
            } catch (RuntimeException e) {
                recorder.record(op, System.nanoTime() - t0, e);
                throw e;
            }
        }

        private void acked(String kind, String code) {
            ack.ack(kind.startsWith("payment") ? "payment" : kind, code);
            saved.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        private String unit() {
            return butler.units().get(random.nextInt(butler.units().size()));
        }

        /** Intake, then (in their own transactions, as the user clicks on) response and resolution. */
        private void complaint() {
            signIn(butler.principal());
            NewComplaint n = new NewComplaint(unit(), null,
                    Complaint.CHANNELS.get(random.nextInt(Complaint.CHANNELS.size())),
                    Complaint.CATEGORIES.get(random.nextInt(Complaint.CATEGORIES.size())),
                    "soak load " + random.nextInt(1_000_000));
            Complaint c = timed("complaint", () -> complaints.intake(n));
            acked("complaint", c.no());
            if (random.nextInt(10) < 6) {
                FirstResponse r = new FirstResponse(null, random.nextBoolean() ? "on_site" : "phone",
                        null);
                timed("complaint-responded", () -> complaints.respond(c.no(), r));
                acked("complaint-responded", c.no());
                if (random.nextBoolean()) {
                    timed("complaint-classified", () -> complaints.classify(c.no(),
                            new Classification(true, "engineering", null, "soak plan")));
                    timed("complaint-resolved", () -> complaints.resolve(c.no(),
                            new Resolution(null, "soak reply", null)));
                    acked("complaint-resolved", c.no());
                }
            }
        }

        private void visit() {
            signIn(butler.principal());
            NewVisit n = new NewVisit(unit(), null, null,
                    random.nextBoolean() ? "scheduled" : "chance", "soak load", 1 + random.nextInt(5),
                    null, false, null, null, List.of());
            Visit v = timed("visit", () -> visits.record(n));
            acked("visit", v.no());
        }

        private void payment(String op) {
            signIn(cashier);
            LocalDate today = LocalDate.now(clock);
            String unit = payable.get(random.nextInt(payable.size()));
            List<OpenStatement> open = repo.openStatements(unit, today);
            BigDecimal owed = open.stream().map(OpenStatement::open).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            String statementNo = null;
            BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(50_000), 2);
            if (op.equals("payment-targeted") && !open.isEmpty()) {
                OpenStatement s = open.get(random.nextInt(open.size()));
                statementNo = s.statementNo();
                amount = s.open();
            } else if (op.equals("payment-advance")) {
                // more than everything owed: the rest waits as credit for the next statements
                amount = owed.add(BigDecimal.valueOf(10_000 + random.nextInt(100_000), 2));
            }
            NewPayment n = new NewPayment(unit, today, amount.setScale(2, RoundingMode.HALF_UP),
                    Payment.RECORDABLE_CHANNELS.get(random.nextInt(Payment.RECORDABLE_CHANNELS.size())),
                    statementNo, "soak " + op);
            Payment p = timed(op, () -> payments.record(n));
            acked(op, p.paymentNo());
        }
    }
}

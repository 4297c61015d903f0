package org.guanjia.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import jakarta.annotation.PreDestroy;
import org.guanjia.analytics.internal.KpiRepository;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.HelperConnections;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI datasets of KPI.md for the CLI and the HTTP API. Who may read them: admins,
 * managers, supervisors and finance (everything) and butlers (only the clusters and buildings
 * of their clusters and their own butler rows; no estate rows, which include other clusters).
 * The service desk may not.
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

    private static final Logger log = LoggerFactory.getLogger(KpiService.class);

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.FINANCE,
        Role.BUTLER};

    private final KpiRepository repo;
    private final CurrentUser currentUser;
    private final Clock clock;
    /** A read-only transaction of its own for a helper thread (its own pooled connection). */
    private final TransactionTemplate separate;
    /** Threads that help the caller with the queries of one call; null: the caller alone. */
    private final ExecutorService helpers;
    private final int helperCount;
    /** Queries the helper threads answered (for the tests). */
    private final AtomicLong helped = new AtomicLong();

    public KpiService(KpiRepository repo, CurrentUser currentUser, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${guanjia.kpi-parallel:2}") int parallel) {
        this.repo = repo;
        this.currentUser = currentUser;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        separate.setReadOnly(true);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.helperCount = Math.max(0, parallel - 1);
        AtomicInteger n = new AtomicInteger();
        this.helpers = helperCount == 0 ? null : Executors.newFixedThreadPool(helperCount, r -> {
            Thread t = new Thread(r, "kpi-query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** How many queries the helper threads have answered since start. */
    long queriesByHelpers() {
        return helped.get();
    }

    @PreDestroy
    void stopHelpers() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    public KpiTable dataset(KpiQuery q) {
        return datasets(List.of(q)).get(q);
    }

    /**
     * Several queries at once, each answered as by {@link #dataset}: queries that differ only in
     * their scope kind ({@code by}) and estate share one computation of the dataset (a
     * dashboard's panels by estate, cluster and building).
     */
    public Map<KpiQuery, KpiTable> datasets(Collection<KpiQuery> queries) {
        return datasets(queries, Map.of());
    }

    /**
     * As {@link #datasets(Collection)}, each table with its key columns and only the figure
     * columns given for its dataset (all for a dataset not in {@code figures}): a dashboard reads
     * what its panels show, and DuckDB skips what only the other figures need.
     */
    public Map<KpiQuery, KpiTable> datasets(Collection<KpiQuery> queries,
            Map<Dataset, Set<String>> figures) {
        currentUser.require(READERS);
        Scope scope = currentUser.scope();
        for (KpiQuery q : queries) {
            if (!scope.all() && q.by().equals("estate")) {
                throw new AccessDeniedException("error.forbidden", "estate");
            }
            if (q.estate() != null && !repo.estateExists(q.estate())) {
                throw new KpiParameterException("estate", "no estate '" + q.estate() + "'");
            }
        }
        LocalDate today = LocalDate.now(clock);
        Map<List<Object>, List<KpiQuery>> shared = new LinkedHashMap<>();
        for (KpiQuery q : queries) {
            shared.computeIfAbsent(Arrays.asList(q.dataset(), q.grain(), q.from(), q.to(),
                    q.asOf() != null ? q.asOf() : today), k -> new ArrayList<>()).add(q);
        }
        List<Map.Entry<List<Object>, List<KpiQuery>>> groups = new ArrayList<>(shared.entrySet());
        List<Map<String, KpiTable>> fetched = fetchAll(groups.size(), i -> {
            List<Object> key = groups.get(i).getKey();
            List<KpiQuery> group = groups.get(i).getValue();
            KpiQuery first = group.get(0);
            long start = System.nanoTime();
            Map<String, KpiTable> byKind = repo.fetch(first.dataset(), (LocalDate) key.get(4),
                    first.grain(), first.from() == null ? null : first.from().toString(),
                    first.to() == null ? null : first.to().toString(),
                    group.stream().map(KpiQuery::by).toList(), figures.get(first.dataset()));
            log.debug("{} {} {}..{} by {}: {} ms", first.dataset().code(), first.grain(), first.from(),
                    first.to(), byKind.keySet(), (System.nanoTime() - start) / 1_000_000);
            return byKind;
        });
        Map<KpiQuery, KpiTable> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            for (KpiQuery q : groups.get(i).getValue()) {
                out.put(q, inScope(q, fetched.get(i).get(q.by()), scope));
            }
        }
        return out;
    }

    /**
     * The results of {@code count} queries, in order. The caller's thread takes them one by one
     * in its transaction; with more than one, up to {@code guanjia.kpi-parallel} - 1 helper
     * threads take from the same list, each in a read-only transaction of its own (a connection
     * of the helpers' own pool, {@link HelperConnections}, taken at its first query: a helper
     * that finds nothing left takes none; one that has not started when the caller is done
     * never runs). The overview's eight queries at 500,000 units on two cores: 360-411 -> 288-314 ms
     * (dash-bench, runs alternated). The helpers' queries may see writes committed after the
     * caller's snapshot began.
     */
    private List<Map<String, KpiTable>> fetchAll(int count, IntFunction<Map<String, KpiTable>> fetch) {
        List<Map<String, KpiTable>> results = new ArrayList<>(Collections.nCopies(count, null));
        AtomicInteger next = new AtomicInteger();
        BooleanSupplier takeOne = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return false;
            }
            results.set(i, fetch.apply(i));
            return true;
        };
        List<Future<?>> helping = new ArrayList<>();
        // per helper task: set by whichever comes first, the task starting or the caller done
        // with every query; a task the caller claims never runs, and is not waited for (it
        // could wait in the queue behind other calls' helpers)
        List<AtomicBoolean> claimed = new ArrayList<>();
        if (helpers != null && count > 1) {
            for (int h = 0; h < Math.min(helperCount, count - 1); h++) {
                AtomicBoolean mine = new AtomicBoolean();
                claimed.add(mine);
                // its connection from the helpers' own pool (HelperConnections): never one
                // that a caller waiting for its helpers holds
                helping.add(helpers.submit(() -> HelperConnections.run(() -> {
                    if (mine.compareAndSet(false, true)) {
                        separate.executeWithoutResult(status -> {
                            while (takeOne.getAsBoolean()) {
                                helped.incrementAndGet();
                            }
                        });
                    }
                    return null;
                })));
            }
        }
        try {
            while (takeOne.getAsBoolean()) {
                // the caller's share
            }
        } finally {
            // the helpers' queries are waited for even when the caller's failed
            for (int h = 0; h < helping.size(); h++) {
                Future<?> f = helping.get(h);
                if (claimed.get(h).compareAndSet(false, true)) {
                    continue;
                }
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for KPI queries", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return results;
    }

    /** The rows of the query's estate and of the user's scope. */
    private KpiTable inScope(KpiQuery q, KpiTable all, Scope scope) {
        Predicate<String> keep = code -> true;
        if (q.estate() != null) {
            Set<String> inEstate = repo.scopeCodesInEstate(q.by(), q.estate());
            keep = keep.and(inEstate::contains);
        }
        if (!scope.all()) {
            if (q.by().equals("butler")) {
                String self = currentUser.principal().map(p -> p.staffCode()).orElse(null);
                keep = keep.and(code -> code.equals(self));
            } else {
                Set<String> mine = repo.scopeCodesInClusters(q.by(), scope.clusterCodes());
                keep = keep.and(mine::contains);
            }
        }
        int codeColumn = all.columns().indexOf("scope_code");
        Predicate<String> filter = keep;
        List<List<Object>> rows = all.rows().stream()
                .filter(r -> filter.test((String) r.get(codeColumn))).toList();
        return new KpiTable(all.columns(), rows);
    }
}

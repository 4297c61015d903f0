package org.guanjia.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
    /** Queries answered from a query over more months ({@link #widened}; for the tests). */
    private final AtomicLong widenedQueries = new AtomicLong();

    /**
     * The most rows a query over the months of several queries of one dataset may have (scope
     * objects times periods; {@link #widened}): at scale 1 (40 buildings) a year by building and
     * butler, about 600; at 500,000 units (3,334 buildings) a year by building is 40,008 and
     * stays two queries.
     */
    static final int WIDEN_ROWS = 10_000;

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

    /** How many queries were answered from a query over more months since start. */
    long queriesWidened() {
        return widenedQueries.get();
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
        List<Map.Entry<List<Object>, List<KpiQuery>>> groups = new ArrayList<>(
                widened(shared).entrySet());
        List<Map<String, KpiTable>> fetched = fetchAll(groups.size(), i -> {
            List<Object> key = groups.get(i).getKey();
            List<KpiQuery> group = groups.get(i).getValue();
            KpiQuery first = group.get(0);
            long start = System.nanoTime();
            Map<String, KpiTable> byKind = repo.fetch(first.dataset(), (LocalDate) key.get(4),
                    first.grain(), key.get(2) == null ? null : key.get(2).toString(),
                    key.get(3) == null ? null : key.get(3).toString(),
                    group.stream().map(KpiQuery::by).distinct().toList(),
                    figures.get(first.dataset()));
            log.debug("{} {} {}..{} by {}: {} ms", first.dataset().code(), first.grain(), key.get(2),
                    key.get(3), byKind.keySet(), (System.nanoTime() - start) / 1_000_000);
            return byKind;
        });
        Map<KpiQuery, KpiTable> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Object> key = groups.get(i).getKey();
            for (KpiQuery q : groups.get(i).getValue()) {
                out.put(q, inScope(q, inRange(q, key, fetched.get(i).get(q.by())), scope));
            }
        }
        return out;
    }

    /**
     * The groups of one dataset, grain and as-of day that differ in their months, as one group
     * over the months from the first to the last (keyed with that range) when it has at most
     * {@link #WIDEN_ROWS} rows. A KPI query costs a fixed part - DuckDB binds and optimises the
     * dataset's macro anew for every query (a plan with joins and parameters is never kept):
     * 5-30 ms whatever the data, 28 of collection's 46 ms by every scope for a year at scale 1 -
     * and a part per row; at a small company the fixed part is most of it, and a dashboard asks
     * for the same dataset over a year and over its last month. A row of a period does not depend
     * on the months asked for (KPI.md: one row per scope and period); each query keeps the
     * periods of its own months ({@link #inRange}). Not aging, whose rows are keyed by day.
     */
    private Map<List<Object>, List<KpiQuery>> widened(Map<List<Object>, List<KpiQuery>> shared) {
        Map<List<Object>, List<List<Object>>> alike = new LinkedHashMap<>();
        shared.forEach((key, group) -> {
            if (key.get(2) != null && group.get(0).dataset().columns().contains("period")) {
                alike.computeIfAbsent(List.of(key.get(0), key.get(1), key.get(4)),
                        k -> new ArrayList<>()).add(key);
            }
        });
        Map<List<Object>, List<KpiQuery>> out = new LinkedHashMap<>(shared);
        for (List<List<Object>> keys : alike.values()) {
            if (keys.size() < 2) {
                continue;
            }
            YearMonth from = keys.stream().map(k -> (YearMonth) k.get(2))
                    .min(Comparator.naturalOrder()).orElseThrow();
            YearMonth to = keys.stream().map(k -> (YearMonth) k.get(3))
                    .max(Comparator.naturalOrder()).orElseThrow();
            List<KpiQuery> all = keys.stream().flatMap(k -> shared.get(k).stream()).toList();
            String grain = (String) keys.get(0).get(1);
            long rows = (long) repo.scopeCount(all.stream().map(KpiQuery::by).distinct().toList())
                    * repo.periods(grain, from.toString(), to.toString()).size();
            if (rows > WIDEN_ROWS) {
                continue;
            }
            keys.forEach(out::remove);
            out.put(Arrays.asList(keys.get(0).get(0), grain, from, to, keys.get(0).get(4)), all);
        }
        return out;
    }

    /** The rows of the query's own periods, of a table computed for the months of the key. */
    private KpiTable inRange(KpiQuery q, List<Object> key, KpiTable table) {
        if (q.from() == null || (q.from().equals(key.get(2)) && q.to().equals(key.get(3)))) {
            return table;
        }
        widenedQueries.incrementAndGet();
        Set<String> periods = Set.copyOf(repo.periods(q.grain(), q.from().toString(),
                q.to().toString()));
        int at = table.columns().indexOf("period");
        return new KpiTable(table.columns(), table.rows().stream()
                .filter(r -> periods.contains(r.get(at))).toList());
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
        if (q.estate() == null && scope.all()) {
            // every row (not copied: by month and building at 500,000 units, 120,024 rows)
            return all;
        }
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

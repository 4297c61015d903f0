package org.guanjia.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.guanjia.analytics.internal.KpiRepository;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    public KpiService(KpiRepository repo, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.currentUser = currentUser;
        this.clock = clock;
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
        Map<KpiQuery, KpiTable> out = new LinkedHashMap<>();
        shared.forEach((key, group) -> {
            KpiQuery first = group.get(0);
            long start = System.nanoTime();
            Map<String, KpiTable> byKind = repo.fetch(first.dataset(), (LocalDate) key.get(4),
                    first.grain(), first.from() == null ? null : first.from().toString(),
                    first.to() == null ? null : first.to().toString(),
                    group.stream().map(KpiQuery::by).toList(), figures.get(first.dataset()));
            log.debug("{} {} {}..{} by {}: {} ms", first.dataset().code(), first.grain(), first.from(),
                    first.to(), byKind.keySet(), (System.nanoTime() - start) / 1_000_000);
            for (KpiQuery q : group) {
                out.put(q, inScope(q, byKind.get(q.by()), scope));
            }
        });
        return out;
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

package org.guanjia.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.guanjia.analytics.internal.KpiRepository;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
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
        currentUser.require(READERS);
        Scope scope = currentUser.scope();
        if (!scope.all() && q.by().equals("estate")) {
            throw new AccessDeniedException("error.forbidden", "estate");
        }
        if (q.estate() != null && !repo.estateExists(q.estate())) {
            throw new KpiParameterException("estate", "no estate '" + q.estate() + "'");
        }
        LocalDate asOf = q.asOf() != null ? q.asOf() : LocalDate.now(clock);
        KpiTable all = repo.fetch(q.dataset(), asOf, q.grain(),
                q.from() == null ? null : q.from().toString(),
                q.to() == null ? null : q.to().toString(), q.by());
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

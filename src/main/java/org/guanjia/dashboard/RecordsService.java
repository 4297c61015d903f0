package org.guanjia.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.dashboard.internal.DashboardRepository;
import org.guanjia.dashboard.internal.RecordsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind a dashboard figure (drill-down), read-only, a page at a time. The user's
 * scope applies as in the dashboards: a butler only sees their clusters' records.
 */
@Service
@Transactional(readOnly = true)
public class RecordsService {

    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.FINANCE,
        Role.BUTLER};

    private final RecordsRepository repo;
    private final DashboardRepository tree;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RecordsService(RecordsRepository repo, DashboardRepository tree,
            CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.tree = tree;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<List<Object>> rows(RecordFilter f, int offset, int limit, String sort,
            boolean ascending) {
        currentUser.require(READERS);
        return repo.fetch(f, LocalDate.now(clock), clusters(f), offset, limit, sort, ascending);
    }

    public int count(RecordFilter f) {
        currentUser.require(READERS);
        return repo.count(f, LocalDate.now(clock), clusters(f));
    }

    /** The clusters the records may come from: null = all; the scope ∩ the butler filter. */
    private Set<String> clusters(RecordFilter f) {
        Scope scope = currentUser.scope();
        Set<String> out = scope.all() ? null : new HashSet<>(scope.clusterCodes());
        if (f.butler() != null) {
            Set<String> theirs = tree.clustersOf(f.butler(), LocalDate.now(clock));
            if (out == null) {
                out = new HashSet<>(theirs);
            } else {
                out.retainAll(theirs);
            }
        }
        return out;
    }
}

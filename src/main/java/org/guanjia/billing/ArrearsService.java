package org.guanjia.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Scope;
import org.guanjia.base.Sort;
import org.guanjia.billing.ArrearsSummary.ButlerArrears;
import org.guanjia.billing.ArrearsSummary.ClusterArrears;
import org.guanjia.billing.internal.AccountRepository;
import org.guanjia.billing.internal.AccountRepository.UnitPlace;
import org.guanjia.billing.internal.ArrearsRepository;
import org.guanjia.billing.internal.ArrearsRepository.ButlerOnDay;
import org.guanjia.billing.internal.ArrearsRepository.ClusterRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrears and aging as of any date D (KPI.md): the total, by cluster, by butler, and the
 * households in arrears, read from the stored allocation in SQL. Everyone may read it for the
 * clusters in their scope (a butler: the clusters assigned to them today); a cluster outside it
 * is refused.
 *
 * <p><b>By butler.</b> The schema assigns butlers to clusters, not to units, and a cluster often
 * has two butlers at once. So that the butler rows add up to the total, each cluster's arrears
 * count under one butler: the one <em>accountable</em> on D, the butler assigned to the cluster
 * on D for the longest time (earliest {@code from_date}; then the lowest staff code). The cluster
 * rows name every butler assigned on D. A cluster without a butler on D counts under a row
 * without a butler.
 */
@Service
@Transactional(readOnly = true)
public class ArrearsService {

    private static final Logger log = LoggerFactory.getLogger(ArrearsService.class);

    private final ArrearsRepository repo;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ArrearsService(ArrearsRepository repo, AccountRepository accounts,
            CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private LocalDate day(ArrearsFilter f) {
        return f.asOf() == null ? LocalDate.now(clock) : f.asOf();
    }

    private Scope scope(ArrearsFilter f) {
        Scope scope = currentUser.scope();
        if (f.clusterCode() != null) {
            scope.check(f.clusterCode());
        }
        return scope;
    }

    /** Total, by cluster and by butler, for the clusters in scope (narrowed by the filter). */
    public ArrearsSummary summary(ArrearsFilter f) {
        long start = System.nanoTime();
        LocalDate d = day(f);
        Scope scope = scope(f);
        ArrearsRepository.Totals totals = repo.totals(d, scope, f.clusterCode(), f.buildingCode());
        Aging total = totals.total();
        Map<String, Aging> byCluster = totals.byCluster();
        List<ClusterRef> clusters = repo.clusters(scope, f.clusterCode(), f.buildingCode());
        Map<String, List<ButlerOnDay>> butlers = new LinkedHashMap<>();
        for (ButlerOnDay b : repo.butlersOn(d, clusters.stream().map(ClusterRef::clusterCode).toList())) {
            butlers.computeIfAbsent(b.clusterCode(), k -> new ArrayList<>()).add(b);
        }
        Comparator<ButlerOnDay> seniority = Comparator.comparing(ButlerOnDay::fromDate)
                .thenComparing(ButlerOnDay::staffCode, Allocator.CODE_POINT_ORDER);
        List<ClusterArrears> clusterRows = new ArrayList<>();
        Map<String, ButlerArrears> butlerRows = new LinkedHashMap<>();
        for (ClusterRef c : clusters) {
            List<ButlerOnDay> on = butlers.getOrDefault(c.clusterCode(), List.of()).stream()
                    .sorted(seniority).toList();
            ButlerOnDay accountable = on.isEmpty() ? null : on.get(0);
            Aging aging = byCluster.getOrDefault(c.clusterCode(), Aging.NONE);
            clusterRows.add(new ClusterArrears(c.clusterCode(), c.name(), c.estateCode(),
                    on.stream().map(ButlerOnDay::staffName).toList(),
                    accountable == null ? null : accountable.staffCode(), aging));
            String key = accountable == null ? "" : accountable.staffCode();
            ButlerArrears before = butlerRows.get(key);
            List<String> codes = new ArrayList<>(before == null ? List.of() : before.clusterCodes());
            codes.add(c.clusterCode());
            butlerRows.put(key, new ButlerArrears(accountable == null ? null : accountable.staffCode(),
                    accountable == null ? null : accountable.staffName(), codes,
                    before == null ? aging : before.aging().plus(aging)));
        }
        List<ButlerArrears> butlerList = new ArrayList<>(butlerRows.values());
        butlerList.sort(Comparator.comparing((ButlerArrears b) -> b.staffName() == null ? "\uffff"
                : b.staffName()));
        log.debug("Arrears summary as of {}: {} ms", d, (System.nanoTime() - start) / 1_000_000);
        return new ArrearsSummary(d, total, clusterRows, butlerList);
    }

    /** A page of the households in arrears as of the filter's date; default order: most owed. */
    public List<Household> households(ArrearsFilter f, Page page, List<Sort> sort) {
        // phones masked for report readers, and not searchable by them (digits would reveal them)
        return repo.households(day(f), scope(f), f, currentUser.seesPhones(), page, sort).stream()
                .map(h -> new Household(h.unitCode(), h.buildingCode(), h.clusterCode(), h.ownerName(),
                        currentUser.phone(h.ownerPhone()), h.oldestDueOn(), h.aging()))
                .toList();
    }

    public int countHouseholds(ArrearsFilter f) {
        return repo.countHouseholds(day(f), scope(f), f, currentUser.seesPhones());
    }

    /**
     * One unit's arrears as of {@code asOf} (empty: today); refused outside the user's clusters.
     * An unknown unit has none.
     */
    public Aging ofUnit(String unitCode, LocalDate asOf) {
        UnitPlace place = accounts.place(unitCode).orElse(null);
        if (place == null) {
            return Aging.NONE;
        }
        currentUser.scope().check(place.clusterCode());
        return repo.unit(asOf == null ? LocalDate.now(clock) : asOf, unitCode);
    }
}

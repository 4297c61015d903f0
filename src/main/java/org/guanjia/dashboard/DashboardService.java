package org.guanjia.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.InFlight;
import org.guanjia.base.Role;
import org.guanjia.base.Scope;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.internal.DashboardRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards a user may open and the data of their panels: each panel is one
 * {@link KpiService} query (the user's scope applies there) whose rows are then narrowed to the
 * dashboard's filters. A butler never gets estate rows (they include other clusters): their
 * estate panels show their clusters instead.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final DashboardCatalog catalog;
    private final KpiService kpi;
    private final DashboardRepository repo;
    private final CurrentUser currentUser;
    private final Clock clock;
    /**
     * The dashboards' figures being computed now, by {@link SharedKey}: two or three managers
     * opening the overview in the same second wait for one computation (InFlight keeps nothing
     * once it is done).
     */
    private final InFlight<SharedKey, Map<KpiQuery, KpiTable>> computing = new InFlight<>();

    public DashboardService(DashboardCatalog catalog, KpiService kpi, DashboardRepository repo,
            CurrentUser currentUser, Clock clock) {
        this.catalog = catalog;
        this.kpi = kpi;
        this.repo = repo;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The dashboards the signed-in user's role may open. */
    public List<Dashboard> visible() {
        Role role = currentUser.principal().map(p -> p.role()).orElse(null);
        return catalog.all().stream().filter(d -> role != null && d.roles().contains(role))
                .toList();
    }

    /** A dashboard by id, refused when the role may not open it. */
    public Dashboard open(String id) {
        Dashboard d = catalog.find(id).orElseThrow(() -> new AccessDeniedException(
                "error.forbidden", id));
        currentUser.require(d.roles().toArray(Role[]::new));
        return d;
    }

    /** The data of one panel for the filters (every period of the range: exports, the CLI's). */
    public PanelData panel(Dashboard dashboard, Panel panel, Filters f) {
        // the role first: a refused caller learns nothing about the panel
        currentUser.require(dashboard.roles().toArray(Role[]::new));
        return panel(dashboard, panel, f, query(panel, f), new java.util.HashMap<>());
    }

    /**
     * The data of every panel as the page shows it, each from a query over the periods it shows
     * ({@link #pageQueries}); panels that need the same KPI query share one.
     */
    public List<PanelData> panels(Dashboard dashboard, Filters f) {
        currentUser.require(dashboard.roles().toArray(Role[]::new));
        // every panel's query first: queries of one dataset by estate, cluster, ... are then
        // computed once (KpiService.datasets)
        Map<Panel, KpiQuery> queries = pageQueries(dashboard, f);
        // and only the figures the panels show (measures, ratio columns), per dataset
        Map<Dataset, Set<String>> figures = new EnumMap<>(Dataset.class);
        for (Panel p : dashboard.panels()) {
            Set<String> shown = figures.computeIfAbsent(queries.get(p).dataset(),
                    k -> new HashSet<>());
            shown.addAll(p.measures());
            shown.addAll(p.ratio());
        }
        // users asking for the same figures at the same moment share one computation
        Map<KpiQuery, KpiTable> cache = new java.util.HashMap<>(computing.get(
                sharedKey(dashboard, f), () -> kpi.datasets(new LinkedHashSet<>(queries.values()),
                        figures)));
        List<PanelData> out = new ArrayList<>();
        for (Panel p : dashboard.panels()) {
            out.add(panel(dashboard, p, f, queries.get(p), cache));
        }
        return out;
    }

    /**
     * What a dashboard's figures depend on besides the data: the dashboard, the filters, the
     * user's role and scope (KpiService applies it), and today (the as-of day).
     */
    record SharedKey(String dashboard, Filters filters, Role role, Scope scope, LocalDate today) {
    }

    SharedKey sharedKey(Dashboard dashboard, Filters f) {
        return new SharedKey(dashboard.id(), f, currentUser.principal().map(p -> p.role())
                .orElse(null), currentUser.scope(), today());
    }

    /** How many dashboard openings got the figures another one was computing (for the tests). */
    long sharedComputations() {
        return computing.joined();
    }

    /** One panel's rows for the filters; the callers ({@link #panel}, {@link #panels}) check the role. */
    private PanelData panel(Dashboard dashboard, Panel panel, Filters f, KpiQuery query,
            Map<KpiQuery, KpiTable> cache) {
        String building = uses(panel, "building") ? f.building() : null;
        String cluster = uses(panel, "cluster") ? f.cluster() : null;
        String butler = uses(panel, "butler") ? f.butler() : null;
        String category = uses(panel, "category") ? f.category() : null;
        String by = query.by();
        KpiTable table = cache.computeIfAbsent(query, kpi::dataset);
        Predicate<List<Object>> keep = scopeFilter(table, by, building, cluster, butler);
        if (category != null && table.columns().contains("category")) {
            int c = table.columns().indexOf("category");
            keep = keep.and(r -> category.equals(r.get(c)));
        }
        int period = table.columns().indexOf("period");
        if (!tile(panel) && period >= 0) {
            // the period before the range is there for the tiles' comparison only
            String first = periodCode(f.grain(), f.from());
            keep = keep.and(r -> r.get(period) == null
                    || String.valueOf(r.get(period)).compareTo(first) >= 0);
        }
        if (period >= 0 && "week".equals(f.grain())) {
            // the range's last week may begin after today: tiles and "last period" charts show
            // the current week, not an empty future one
            String current = weekCode(LocalDate.now(clock));
            keep = keep.and(r -> r.get(period) == null
                    || String.valueOf(r.get(period)).compareTo(current) <= 0);
        }
        Predicate<List<Object>> k = keep;
        return new PanelData(panel, by, new KpiTable(table.columns(),
                table.rows().stream().filter(k).toList()));
    }

    /** A tile or a gauge: the range's last period, compared with the one before. */
    private static boolean tile(Panel p) {
        return p.chart() == Dashboard.Chart.TILE || p.chart() == Dashboard.Chart.GAUGE;
    }

    /**
     * The KPI query of a panel: its dataset by its scope kind, or a finer one when a filter
     * narrows it (a building: by building; a cluster or butler: by cluster) or the user sees
     * only some clusters (no estate rows); from one period before the range (the tiles compare).
     */
    private KpiQuery query(Panel panel, Filters f) {
        Dataset dataset = Dataset.of(panel.dataset()).orElseThrow();
        String building = uses(panel, "building") ? f.building() : null;
        String cluster = uses(panel, "cluster") ? f.cluster() : null;
        String butler = uses(panel, "butler") ? f.butler() : null;
        String estate = uses(panel, "estate") ? f.estate() : null;
        String by = panel.by();
        if (building != null && (by.equals("estate") || by.equals("cluster"))) {
            by = "building";
        } else if ((cluster != null || butler != null) && by.equals("estate")) {
            by = "cluster";
        }
        if (!currentUser.scope().all() && by.equals("estate")) {
            by = "cluster";
        }
        return new KpiQuery(dataset, by, f.grain(), f.fromOneEarlier(), f.to(), null, estate);
    }

    /**
     * The page's query of each panel ({@link #query}), over the periods the panel shows: a
     * tile the range's last period and the one before, a chart by scope the range's last month
     * (at 500,000 units the overview's collection by building: 40,000 rows for twelve months,
     * 3,300 for one), other charts the range. Then queries are shared where that costs nothing:
     * a tile reads the rows of a chart's query of the same dataset, scope kind and estate that
     * covers its two periods; a chart by scope whose dataset has such a tile of its own and no
     * chart by period takes the tile's two periods, so that both are one computation of two
     * scope kinds ({@link KpiService#datasets}). The overview at 500,000 units: complaints,
     * aging and vacancy over two months instead of thirteen.
     */
    private Map<Panel, KpiQuery> pageQueries(Dashboard dashboard, Filters f) {
        Map<Panel, KpiQuery> out = new LinkedHashMap<>();
        for (Panel p : dashboard.panels()) {
            YearMonth from = tile(p) ? f.toOneEarlier()
                    : p.dimension() == Dashboard.Dimension.SCOPE ? f.to() : f.from();
            out.put(p, from(query(p, f), from));
        }
        Set<Dataset> alone = new HashSet<>();
        for (Panel p : dashboard.panels()) {
            KpiQuery q = out.get(p);
            if (tile(p)) {
                out.entrySet().stream()
                        .filter(e -> !tile(e.getKey()) && covers(e.getValue(), q))
                        .findFirst()
                        .ifPresentOrElse(e -> out.put(p, e.getValue()), () -> alone.add(q.dataset()));
            }
        }
        Set<Dataset> byPeriod = new HashSet<>();
        dashboard.panels().stream().filter(p -> !tile(p) && p.dimension() != Dashboard.Dimension.SCOPE)
                .forEach(p -> byPeriod.add(out.get(p).dataset()));
        for (Panel p : dashboard.panels()) {
            KpiQuery q = out.get(p);
            if (!tile(p) && p.dimension() == Dashboard.Dimension.SCOPE && alone.contains(q.dataset())
                    && !byPeriod.contains(q.dataset())) {
                out.put(p, from(q, f.toOneEarlier()));
            }
        }
        return out;
    }

    private static KpiQuery from(KpiQuery q, YearMonth from) {
        return new KpiQuery(q.dataset(), q.by(), q.grain(), from, q.to(), q.asOf(), q.estate());
    }

    /** The same dataset, scope kind, estate and grain, to the same month, from no later. */
    private static boolean covers(KpiQuery wide, KpiQuery narrow) {
        return wide.dataset() == narrow.dataset() && wide.by().equals(narrow.by())
                && Objects.equals(wide.estate(), narrow.estate()) && wide.grain().equals(narrow.grain())
                && Objects.equals(wide.asOf(), narrow.asOf()) && wide.to().equals(narrow.to())
                && !wide.from().isAfter(narrow.from());
    }

    /** The KPI output's period code (yyyy-Www) of the ISO week containing a day. */
    static String weekCode(LocalDate day) {
        return String.format(java.util.Locale.ROOT, "%d-W%02d",
                day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The KPI output's period code of the period containing a month. */
    static String periodCode(String grain, java.time.YearMonth m) {
        return switch (grain) {
            case "quarter" -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
            case "year" -> String.valueOf(m.getYear());
            // the ISO week of the month's first day (kpi_periods lists every week with a day in it)
            case "week" -> weekCode(m.atDay(1));
            default -> m.toString();
        };
    }

    private Predicate<List<Object>> scopeFilter(KpiTable table, String by, String building,
            String cluster, String butler) {
        int code = table.columns().indexOf("scope_code");
        Predicate<List<Object>> keep = r -> true;
        Map<String, String> clusterOf = by.equals("building") && (cluster != null || butler != null)
                ? repo.buildingClusters() : Map.of();
        if (building != null && by.equals("building")) {
            keep = keep.and(r -> building.equals(r.get(code)));
        }
        if (cluster != null) {
            if (by.equals("cluster")) {
                keep = keep.and(r -> cluster.equals(r.get(code)));
            } else if (by.equals("building")) {
                keep = keep.and(r -> cluster.equals(clusterOf.get((String) r.get(code))));
            }
        }
        if (butler != null) {
            if (by.equals("butler")) {
                keep = keep.and(r -> butler.equals(r.get(code)));
            } else {
                Set<String> theirs = repo.clustersOf(butler, today());
                if (by.equals("cluster")) {
                    keep = keep.and(r -> theirs.contains((String) r.get(code)));
                } else if (by.equals("building")) {
                    keep = keep.and(r -> theirs.contains(clusterOf.get((String) r.get(code))));
                }
            }
        }
        return keep;
    }

    private static boolean uses(Panel p, String filter) {
        return p.uses().contains(filter);
    }

    /** The choices of a filter within the user's scope (a butler: their clusters' objects). */
    public List<FilterChoice> choices(String filter) {
        Scope scope = currentUser.scope();
        return switch (filter) {
            case "estate" -> {
                if (scope.all()) {
                    yield repo.estates();
                }
                Map<String, String> estateOf = repo.clusterEstates();
                Set<String> mine = new java.util.HashSet<>();
                scope.clusterCodes().forEach(c -> mine.add(estateOf.get(c)));
                yield repo.estates().stream().filter(e -> mine.contains(e.code())).toList();
            }
            case "cluster" -> repo.clusters().stream().filter(c -> scope.allows(c.code()))
                    .toList();
            case "building" -> repo.buildings().stream().filter(b -> scope.allows(b.parent()))
                    .toList();
            case "butler" -> {
                List<FilterChoice> out = new ArrayList<>();
                Set<String> seen = new java.util.HashSet<>();
                for (FilterChoice b : repo.butlers(today())) {
                    if (scope.allows(b.parent()) && seen.add(b.code())) {
                        out.add(b);
                    }
                }
                yield out;
            }
            case "category" -> repo.categories().stream()
                    .map(c -> new FilterChoice(c, c, null)).toList();
            default -> List.of();
        };
    }
}

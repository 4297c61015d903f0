package org.guanjia.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiTable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.stereotype.Repository;

/** Reads the KPI table macros of sql/ with bind values (never spliced parameters). */
@Repository
public class KpiRepository {

    private final DSLContext dsl;

    KpiRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * All rows of the given scope kinds, per kind, ordered by code and period (code point order),
     * with one query: the dataset is computed once, which costs about as much as for one kind
     * (what a dashboard with panels by estate and by cluster asks for). Every kind asked for has
     * a table, empty when it has no rows.
     */
    public Map<String, KpiTable> fetch(Dataset dataset, LocalDate asOf, String grain, String from,
            String to, Collection<String> scopes) {
        List<String> kinds = new ArrayList<>(new LinkedHashSet<>(scopes));
        String order = switch (dataset) {
            case AGING -> "scope, scope_code, as_of";
            case COMPLAINT_CATEGORIES -> "scope, scope_code, period, category";
            default -> "scope, scope_code, period";
        };
        // grain, from and to may be null (an aging snapshot)
        // the macro computes only the kinds asked for (its scopes parameter, a list bound as
        // one comma-separated string: the kinds are fixed words without commas)
        List<Object> binds = new ArrayList<>(Arrays.asList(asOf, grain, from, to,
                String.join(",", kinds)));
        binds.addAll(kinds);
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        Result<Record> result = dsl.resultQuery("select * from " + dataset.macro()
                + "(cast(? as date), cast(? as varchar), cast(? as varchar), cast(? as varchar),"
                + " scopes := string_split(cast(? as varchar), ','))"
                + " where scope in (" + marks + ") order by " + order, binds.toArray()).fetch();
        List<String> columns = new ArrayList<>();
        for (Field<?> f : result.fields()) {
            columns.add(f.getName());
        }
        int scopeColumn = columns.indexOf("scope");
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        kinds.forEach(k -> rows.put(k, new ArrayList<>()));
        for (Record r : result) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                row.add(r.get(i));
            }
            rows.get((String) row.get(scopeColumn)).add(row);
        }
        Map<String, KpiTable> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, new KpiTable(columns, v)));
        return out;
    }

    /** The codes of the scope objects of a kind that belong to one of the clusters. */
    public Set<String> scopeCodesInClusters(String scope, Set<String> clusters) {
        Set<String> codes = new HashSet<>();
        for (Record r : dsl.resultQuery("select scope_code, cluster_code from kpi_scope_clusters"
                + " where scope = ?", scope).fetch()) {
            if (clusters.contains(r.get(1, String.class))) {
                codes.add(r.get(0, String.class));
            }
        }
        return codes;
    }

    /** The codes of the scope objects of a kind that belong to an estate. */
    public Set<String> scopeCodesInEstate(String scope, String estate) {
        return new HashSet<>(dsl.resultQuery("select distinct scope_code from kpi_scope_clusters"
                + " where scope = ? and estate_code = ?", scope, estate).fetch()
                .getValues(0, String.class));
    }

    public boolean estateExists(String estate) {
        return dsl.resultQuery("select 1 from estates where estate_code = ?", estate)
                .fetchOne() != null;
    }
}

package org.guanjia.analytics.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.duckdb.DuckDBResultSet;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiTable;
import org.guanjia.complaint.Complaint;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.springframework.stereotype.Repository;

/** Reads the KPI table macros of sql/ with bind values (never spliced parameters). */
@Repository
public class KpiRepository {

    /** Suffixes of the encoded key columns of {@link #fetch}: flag, position, text. */
    private static final String SAME = "__same";
    private static final String INDEX = "__index";
    private static final String TEXT = "__text";

    /**
     * The count columns of kpi_complaint_category_counts: the categories, in the order of the
     * dataset's rows (code point order, as DuckDB sorts them).
     */
    private static final List<String> CATEGORY_COLUMNS = Complaint.CATEGORIES.stream().sorted()
            .toList();

    /**
     * How {@link #fetch} reads a column: not at all (the text of a flag or position, read with
     * it), as a flag, as a position in a key list, as a DECIMAL, as a BIGINT, or by getObject.
     */
    private static final int SKIP = 0;
    private static final int FLAG = 1;
    private static final int POSITION = 2;
    private static final int DECIMAL = 3;
    private static final int BIGINT = 4;
    private static final int OTHER = 5;

    private final DSLContext dsl;
    private final Map<String, List<String>> periodKeys = new ConcurrentHashMap<>();
    private final Map<String, List<String>> scopeCodes = new ConcurrentHashMap<>();

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
        return fetch(dataset, asOf, grain, from, to, scopes, null);
    }

    /**
     * As {@link #fetch(Dataset, LocalDate, String, String, String, Collection)}, with only the
     * key columns (scope, code, period or snapshot day, category) and the figure columns among
     * {@code figures} (all when null or when none of them is the dataset's), in the dataset's
     * order: DuckDB then leaves out what only the other figures need (e.g. the complaint
     * percentiles for a count). The names are taken from {@link Dataset#columns()}, never
     * from the caller.
     */
    public Map<String, KpiTable> fetch(Dataset dataset, LocalDate asOf, String grain, String from,
            String to, Collection<String> scopes, Set<String> figures) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (grain != null) {
            keys.put("period", periodKeys(grain, from, to));
        }
        keys.put("scope_code", scopeCodes(new ArrayList<>(new LinkedHashSet<>(scopes))));
        if (dataset == Dataset.AGING && asOf != null) {
            // the snapshot day is text in every row (at 500,000 units by building and month:
            // 120,024 strings, about 45 ms to fetch)
            keys.put("as_of", snapshotDays(asOf, grain, from, to));
        }
        return fetch(dataset, asOf, grain, from, to, scopes, figures, keys);
    }

    /**
     * The snapshot days kpi_aging returns as its as_of (yyyy-MM-dd, sql/aging.sql): D, and per
     * period from one month to another of a grain its last day, or D when that is later. A day
     * the list lacks comes back as text, so an unknown grain just gets D.
     */
    static List<String> snapshotDays(LocalDate asOf, String grain, String from, String to) {
        Set<String> days = new LinkedHashSet<>();
        days.add(asOf.toString());
        if (grain == null || from == null || to == null
                || !List.of("month", "quarter", "year").contains(grain)) {
            return List.copyOf(days);
        }
        YearMonth last;
        YearMonth month;
        try {
            last = YearMonth.parse(to);
            month = YearMonth.parse(from);
        } catch (DateTimeParseException e) {
            return List.copyOf(days);
        }
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth end = switch (grain) {
                case "month" -> month;
                case "quarter" -> YearMonth.of(month.getYear(),
                        (month.getMonthValue() - 1) / 3 * 3 + 3);
                default -> YearMonth.of(month.getYear(), 12);
            };
            LocalDate day = end.atEndOfMonth();
            days.add((day.isAfter(asOf) ? asOf : day).toString());
        }
        return List.copyOf(days);
    }

    /**
     * As {@link #fetch(Dataset, LocalDate, String, String, String, Collection, Set)}, with the
     * lists of the values a key column is read as a position in (the period): a value
     * a list lacks comes back as text.
     */
    Map<String, KpiTable> fetch(Dataset dataset, LocalDate asOf, String grain, String from,
            String to, Collection<String> scopes, Set<String> figures,
            Map<String, List<String>> keys) {
        // the complaint categories are read as a row per scope object and period with a count
        // per category (kpi_complaint_category_counts: by butler and month at 500,000 units
        // 73,000 rows instead of 444,540), made the dataset's rows below
        boolean wide = dataset == Dataset.COMPLAINT_CATEGORIES;
        List<String> wanted = wide
                ? Stream.concat(Stream.of("scope_code", "period"), CATEGORY_COLUMNS.stream()).toList()
                : dataset.columns().stream()
                        .filter(c -> !c.equals("scope") && (Dataset.KEYS.contains(c)
                                || figures == null || figures.contains(c)))
                        .toList();
        if (wanted.stream().allMatch(Dataset.KEYS::contains)) {
            wanted = dataset.columns().stream().filter(c -> !c.equals("scope")).toList();
        }
        List<String> kinds = new ArrayList<>(new LinkedHashSet<>(scopes));
        // the periods after D share the snapshot on D: ordered by period among them
        String order = dataset == Dataset.AGING ? "scope, scope_code, as_of, period"
                : "scope, scope_code, period";
        String macro = wide ? "kpi_complaint_category_counts" : dataset.macro();
        // grain, from and to may be null (an aging snapshot)
        // the macro computes only the kinds asked for (its scopes parameter, a list bound as
        // one comma-separated string: the kinds are fixed words without commas). The scope
        // comes back as its position among the kinds: DuckDB's JDBC driver makes a Java string
        // of every text cell, which for a dataset by building or butler costs more than the
        // query (at 500,000 units 444,540 rows of categories by butler: 0.4 s to compute,
        // 2-3 s to fetch with the scope as text); the rows are read straight from the JDBC
        // result, not copied into jOOQ records first.
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        List<Object> binds = new ArrayList<>(kinds);
        // the text keys, which the driver would make a Java string of in every row (the scope
        // codes, periods and categories of 444,540 rows: 0.47 s of the 0.48 s the rows take to
        // fetch, against 0.15 s encoded), come back as few strings: a scope code and a period
        // as its position in a list bound here (the codes of the kinds, scopeCodes; the periods),
        // the text only where the list lacks it; without a list of codes (or one with a comma)
        // the code only where it differs from the previous row's (window w: the output order,
        // whose keys are unique), a flag where it repeats - a window over every row in one
        // thread, 37 ms of 120,024 rows at 500,000 units against 5 ms for the join. The loop
        // below turns them back into text.
        List<String> select = new ArrayList<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        // the scope codes are many (every building and butler): a code's position comes from a
        // join with the list unnested, not list_position (a scan of the list per row)
        String codeJoin = "";
        String codeList = null;
        boolean lag = false;
        for (String c : wanted) {
            List<String> list = keys.get(c);
            boolean plain = list != null && list.stream().noneMatch(v -> v.contains(","));
            if (c.equals("scope_code") && plain) {
                lists.put(c, list);
                codeList = String.join(",", list);
                codeJoin = " left join (select unnest(l) as __code,"
                        + " generate_subscripts(l, 1) as __code_index"
                        + " from (select string_split(cast(? as varchar), ',') as l)) __d"
                        + " on __d.__code = m.scope_code";
                select.add("__d.__code_index as scope_code" + INDEX);
                select.add("case when __d.__code_index is null then m.scope_code end"
                        + " as scope_code" + TEXT);
            } else if (c.equals("scope_code")) {
                lag = true;
                // the same code as the previous row's (of another kind too: the same string)
                select.add("coalesce(lag(scope_code) over w = scope_code, false)"
                        + " as scope_code" + SAME);
                select.add("case when coalesce(lag(scope_code) over w = scope_code, false)"
                        + " then null else scope_code end as scope_code" + TEXT);
            } else if (plain) {
                lists.put(c, list);
                select.add("list_position(string_split(cast(? as varchar), ','), " + c + ") as "
                        + c + INDEX);
                select.add("case when list_position(string_split(cast(? as varchar), ','), " + c
                        + ") is null then " + c + " end as " + c + TEXT);
                binds.add(String.join(",", list));
                binds.add(String.join(",", list));
            } else {
                select.add(c);
            }
        }
        binds.addAll(Arrays.asList(asOf, grain, from, to, String.join(",", kinds)));
        // a macro that computes only the parts of the figures read (Dataset.takesFigures) is
        // told them, unless they are all
        List<String> read = wanted.stream().filter(c -> !Dataset.KEYS.contains(c)).toList();
        boolean tell = dataset.takesFigures() && read.size() < dataset.figures().size();
        if (tell) {
            binds.add(String.join(",", read));
        }
        if (codeList != null) {
            binds.add(codeList);
        }
        binds.addAll(kinds);
        // with a position for each code and period, the rows are ordered by the positions: the
        // same order when both lists are in code point order (the codes as read, the periods
        // of a grain, whose keys sort as their days do), and numbers sort faster than text (at
        // 500,000 units by month and building, alternated in one process: complaints 389 -> 313
        // ms, vacancy 314 -> 289, collection 428 -> 409). By the two positions alone, not the
        // kind (each kind is a table of its own) nor the text of a code or period a list lacks
        // (such a row has no position, and the loop below then orders its kind's rows again):
        // two integer keys, no text key, sort faster still (the same, alternated, in twelve
        // pairs of seven runs: 5-11 ms less each, vacancy 139 -> 130 ms, complaints 125 -> 122).
        // Without an order by, complaints came faster and collection slower (163 -> 172 ms):
        // DuckDB then keeps the rows in the order its last pipeline makes them (the instance's
        // preserve_insertion_order, which the summaries' ordered rebuilds need).
        boolean byPosition = dataset != Dataset.AGING && codeList != null
                && lists.containsKey("period") && ascending(lists.get("scope_code"))
                && ascending(lists.get("period"));
        String sql = "select list_position([" + marks + "], scope) as scope_index, "
                + String.join(", ", select) + " from " + macro
                + "(cast(? as date), cast(? as varchar), cast(? as varchar), cast(? as varchar),"
                + " scopes := string_split(cast(? as varchar), ',')"
                + (tell ? ", figures := string_split(cast(? as varchar), ',')" : "") + ") m"
                + codeJoin + " where scope in (" + marks + ")"
                + (lag ? " window w as (order by " + order + ")" : "")
                + " order by " + (byPosition ? "scope_code" + INDEX + ", period" + INDEX : order);
        List<String> columns = new ArrayList<>();
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        kinds.forEach(k -> rows.put(k, new ArrayList<>()));
        try (ResultSet rs = dsl.resultQuery(sql, binds.toArray()).fetchResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            int width = meta.getColumnCount();
            // per JDBC column: the key list it indexes (INDEX), or whether it is a flag (SAME)
            // or the text following a flag or index (read with it)
            List<List<String>> indexes = new ArrayList<>(Collections.nCopies(width + 1, null));
            boolean[] same = new boolean[width + 1];
            boolean[] text = new boolean[width + 1];
            columns.add("scope");
            for (int i = 2; i <= width; i++) {
                String label = meta.getColumnLabel(i);
                String column = label.replace(SAME, "").replace(INDEX, "").replace(TEXT, "");
                same[i] = label.endsWith(SAME);
                text[i] = label.endsWith(TEXT);
                indexes.set(i, label.endsWith(INDEX) ? lists.get(column) : null);
                if (!text[i]) {
                    columns.add(column);
                }
            }
            if (wide) {
                columns.clear();
                columns.addAll(dataset.columns());
            }
            // how each column is read, decided once from its type (not per cell): a DECIMAL by
            // getBigDecimal, a BIGINT by getLong, on the driver's own result set (jOOQ's wrapper
            // adds a call per cell), into a row of fixed size. At 500,000 units by month and
            // building (120,024 rows) the rows took 27-37 ms to read with getObject into growing
            // lists, 18-22 ms so (kpi-bench alternated, by month and building or butler: the
            // sum of ten queries 2,205, 2,150, 1,934 -> 1,964, 1,870, 1,936 ms).
            int[] how = new int[width + 1];
            for (int i = 2; i <= width; i++) {
                String type = meta.getColumnTypeName(i);
                how[i] = same[i] ? FLAG : indexes.get(i) != null ? POSITION : text[i] ? SKIP
                        : type.startsWith("DECIMAL") ? DECIMAL : type.equals("BIGINT") ? BIGINT
                        : OTHER;
            }
            ResultSet raw = rs.isWrapperFor(DuckDBResultSet.class)
                    ? rs.unwrap(DuckDBResultSet.class) : rs;
            List<String> codes = lists.get("scope_code");
            // the scope and every column not read with another (the categories' counts too)
            int size = 1 + (int) IntStream.rangeClosed(2, width)
                    .filter(i -> how[i] != SKIP).count();
            Object[] last = new Object[width + 1];
            boolean missed = false;
            boolean unplaced = false;
            while (raw.next()) {
                String kind = kinds.get(raw.getInt(1) - 1);
                Object[] row = new Object[size];
                row[0] = kind;
                int at = 1;
                for (int i = 2; i <= width; i++) {
                    switch (how[i]) {
                        case FLAG -> {
                            if (!raw.getBoolean(i)) {
                                last[i] = raw.getObject(i + 1);
                            }
                            row[at++] = last[i];
                        }
                        case POSITION -> {
                            int position = raw.getInt(i);
                            if (raw.wasNull()) {
                                row[at++] = raw.getObject(i + 1);
                                // a scope object newer than the cached codes: read them again
                                // next time
                                missed |= indexes.get(i) == codes;
                                unplaced = true;
                            } else {
                                row[at++] = indexes.get(i).get(position - 1);
                            }
                        }
                        case DECIMAL -> row[at++] = raw.getBigDecimal(i);
                        case BIGINT -> {
                            long value = raw.getLong(i);
                            row[at++] = raw.wasNull() ? null : Long.valueOf(value);
                        }
                        case OTHER -> row[at++] = raw.getObject(i);
                        default -> {
                            // the text of a flag or position, read with it
                        }
                    }
                }
                if (wide) {
                    // scope, code and period, then the counts in the categories' order
                    for (int i = 0; i < CATEGORY_COLUMNS.size(); i++) {
                        Object count = row[3 + i];
                        if (((Number) count).longValue() > 0) {
                            rows.get(kind).add(List.of(kind, row[1], row[2],
                                    CATEGORY_COLUMNS.get(i), count));
                        }
                    }
                } else {
                    rows.get(kind).add(Arrays.asList(row));
                }
            }
            if (byPosition && unplaced) {
                int code = columns.indexOf("scope_code");
                int period = columns.indexOf("period");
                Comparator<byte[]> unsigned = Arrays::compareUnsigned;
                Comparator<List<Object>> byText = Comparator
                        .<List<Object>, byte[]>comparing(r -> utf8(r.get(code)), unsigned)
                        .thenComparing(r -> utf8(r.get(period)), unsigned);
                // a stable sort: a category's rows keep their order within a code and period
                rows.values().forEach(list -> list.sort(byText));
            }
            if (missed) {
                scopeCodes.clear();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading " + macro + " failed: " + e.getMessage(), e);
        }
        Map<String, KpiTable> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, new KpiTable(columns, v)));
        return out;
    }

    /** Whether each key is after the one before it in code point order (DuckDB's text order). */
    static boolean ascending(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            if (Arrays.compareUnsigned(utf8(keys.get(i - 1)), utf8(keys.get(i))) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A key's UTF-8 bytes, which DuckDB compares unsigned when it orders text. */
    private static byte[] utf8(Object key) {
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The keys of the periods of a grain from one month to another, in order (kpi_periods). */
    public List<String> periods(String grain, String from, String to) {
        return periodKeys(grain, from, to);
    }

    /** How many scope objects the kinds have (kpi_scopes; kept as {@link #fetch} keeps them). */
    public int scopeCount(List<String> kinds) {
        return scopeCodes(kinds).size();
    }

    /**
     * The keys of the periods of a grain from one month to another, in order (kpi_periods),
     * kept once read: they depend on the three parameters alone, and a list that lacked a key
     * would only cost speed (fetch reads any key it lacks as text).
     */
    private List<String> periodKeys(String grain, String from, String to) {
        String key = grain + " " + from + " " + to;
        List<String> known = periodKeys.get(key);
        if (known != null) {
            return known;
        }
        List<String> keys = List.copyOf(dsl.resultQuery("select period from kpi_periods("
                + "cast(? as varchar), cast(? as varchar), cast(? as varchar)) order by p_start",
                grain, from, to).fetch().getValues(0, String.class));
        if (periodKeys.size() >= 1_000) {
            periodKeys.clear();
        }
        periodKeys.put(key, keys);
        return keys;
    }

    /**
     * The codes of the scope objects of the kinds (kpi_scopes), kept once read: a code the list
     * lacks (a building or butler added since) only costs speed, read as text, and makes the
     * next fetch read the codes again.
     */
    private List<String> scopeCodes(List<String> kinds) {
        String key = String.join(",", kinds);
        List<String> known = scopeCodes.get(key);
        if (known != null) {
            return known;
        }
        List<String> codes = List.copyOf(dsl.resultQuery("select distinct scope_code from kpi_scopes"
                + " where list_contains(string_split(cast(? as varchar), ','), scope)"
                + " order by scope_code", key).fetch().getValues(0, String.class));
        scopeCodes.put(key, codes);
        return codes;
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

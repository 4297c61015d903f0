package org.guanjia.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guanjia.analytics.Dataset;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.base.Role;
import org.guanjia.dashboard.Dashboard.Chart;
import org.guanjia.dashboard.Dashboard.Dimension;
import org.guanjia.dashboard.Dashboard.DrillTarget;
import org.guanjia.dashboard.Dashboard.Format;
import org.guanjia.dashboard.Dashboard.Panel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one dashboard file (YAML, format in dashboards/README.md) and checks every reference
 * against the KPI datasets: an unknown key, dataset, column, scope, filter, chart type, format or
 * drill target is refused with the file name and the line of the offending node. SnakeYAML's
 * node API is used (not object binding) so every value keeps its line.
 */
public final class DashboardLoader {

    private static final Set<String> TOP = Set.of("title", "order", "roles", "filters", "panels");
    private static final Set<String> PANEL = Set.of("id", "title", "dataset", "measure",
            "measures", "ratio", "dimension", "by", "chart", "format", "target", "thresholds",
            "lower_is_better", "size", "drill", "cross_filter", "filters");
    private static final Set<String> PERIOD = Set.of("grain", "months");

    private final String file;

    private DashboardLoader(String file) {
        this.file = file;
    }

    /** Parses and checks {@code text}, the content of {@code fileName} (e.g. "collection.yaml"). */
    public static Dashboard load(String fileName, String text) {
        return new DashboardLoader(fileName).parse(text);
    }

    private Dashboard parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new DashboardFileException(file, line, "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new DashboardFileException(file, 1, "the file is empty");
        }
        Map<String, NodeTuple> top = mapping(root, TOP, "dashboard");
        String id = file.replaceFirst("\\.ya?ml$", "");
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new DashboardFileException(file, 1, "the file name must be lower-case letters,"
                    + " digits, '-' or '_' followed by .yaml");
        }
        Map<String, String> title = titles(required(top, "title", root));
        int order = top.containsKey("order") ? integer(top.get("order").getValueNode()) : 100;
        Set<Role> roles = top.containsKey("roles") ? roles(top.get("roles").getValueNode())
                : EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.FINANCE, Role.BUTLER);
        Map<String, String> filters = top.containsKey("filters")
                ? filters(top.get("filters").getValueNode()) : Map.of();
        Node panelsNode = required(top, "panels", root);
        if (!(panelsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw fail(panelsNode, "'panels' must be a non-empty list");
        }
        List<Panel> panels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node p : seq.getValue()) {
            Panel panel = panel(p, filters.keySet());
            if (!ids.add(panel.id())) {
                throw fail(p, "panel id '" + panel.id() + "' is used twice");
            }
            panels.add(panel);
        }
        return new Dashboard(id, order, title, roles, filters, List.copyOf(panels));
    }

    private Panel panel(Node node, Set<String> declaredFilters) {
        Map<String, NodeTuple> m = mapping(node, PANEL, "panel");
        String id = scalar(required(m, "id", node));
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw fail(m.get("id").getValueNode(), "panel id must be lower-case letters, digits,"
                    + " '-' or '_'");
        }
        Map<String, String> title = titles(required(m, "title", node));
        Node datasetNode = required(m, "dataset", node);
        String code = scalar(datasetNode);
        Dataset dataset = Dataset.of(code).orElseThrow(() -> fail(datasetNode,
                "unknown dataset '" + code + "' (one of " + Dataset.codes() + ")"));
        Chart chart = choice(Chart.class, required(m, "chart", node), "chart type");
        List<String> measures = new ArrayList<>();
        if (m.containsKey("measure") == m.containsKey("measures")) {
            throw fail(node, "a panel needs exactly one of 'measure' or 'measures'");
        }
        Node measuresNode = m.containsKey("measure") ? m.get("measure").getValueNode()
                : m.get("measures").getValueNode();
        for (Node c : m.containsKey("measure") ? List.of(measuresNode) : list(measuresNode)) {
            measures.add(column(dataset, c));
        }
        if (measures.isEmpty()) {
            throw fail(measuresNode, "at least one measure is needed");
        }
        List<String> ratio = List.of();
        if (m.containsKey("ratio")) {
            Node r = m.get("ratio").getValueNode();
            List<Node> parts = list(r);
            if (parts.size() != 2) {
                throw fail(r, "'ratio' is [numerator, denominator]");
            }
            ratio = List.of(column(dataset, parts.get(0)), column(dataset, parts.get(1)));
        }
        Dimension dimension = m.containsKey("dimension")
                ? choice(Dimension.class, m.get("dimension").getValueNode(), "dimension")
                : chart == Chart.TILE || chart == Chart.GAUGE ? Dimension.PERIOD
                : Dimension.PERIOD;
        if (dimension == Dimension.CATEGORY && dataset != Dataset.COMPLAINT_CATEGORIES) {
            throw fail(m.get("dimension").getValueNode(), "dimension 'category' needs the"
                    + " complaint_categories dataset");
        }
        String by = dataset.scopes().get(0);
        if (m.containsKey("by")) {
            Node b = m.get("by").getValueNode();
            by = scalar(b);
            if (!dataset.scopes().contains(by)) {
                throw fail(b, "unknown scope '" + by + "' for " + dataset.code() + " (one of "
                        + String.join(", ", dataset.scopes()) + ")");
            }
        }
        Format format = m.containsKey("format")
                ? choice(Format.class, m.get("format").getValueNode(), "format") : Format.NUMBER;
        BigDecimal target = m.containsKey("target") ? number(m.get("target").getValueNode()) : null;
        BigDecimal warn = null;
        BigDecimal bad = null;
        if (m.containsKey("thresholds")) {
            Map<String, NodeTuple> t = mapping(m.get("thresholds").getValueNode(),
                    Set.of("warn", "bad"), "thresholds");
            warn = t.containsKey("warn") ? number(t.get("warn").getValueNode()) : null;
            bad = t.containsKey("bad") ? number(t.get("bad").getValueNode()) : null;
        }
        boolean lower = m.containsKey("lower_is_better")
                && bool(m.get("lower_is_better").getValueNode());
        int size = m.containsKey("size") ? integer(m.get("size").getValueNode()) : 6;
        if (size < 1 || size > 12) {
            throw fail(m.get("size").getValueNode(), "size must be 1 to 12 columns");
        }
        DrillTarget drill = m.containsKey("drill")
                ? choice(DrillTarget.class, m.get("drill").getValueNode(), "drill target") : null;
        boolean cross = m.containsKey("cross_filter") && bool(m.get("cross_filter").getValueNode());
        if (cross && !by.equals("building") && !by.equals("cluster")) {
            throw fail(m.get("cross_filter").getValueNode(), "cross_filter needs by: building"
                    + " or by: cluster");
        }
        Set<String> uses = new LinkedHashSet<>(declaredFilters);
        if (m.containsKey("filters")) {
            uses.clear();
            for (Node f : list(m.get("filters").getValueNode())) {
                String name = scalar(f);
                if (!declaredFilters.contains(name)) {
                    throw fail(f, "unknown filter '" + name + "' (the dashboard declares "
                            + String.join(", ", declaredFilters) + ")");
                }
                uses.add(name);
            }
        }
        return new Panel(id, title, dataset.code(), List.copyOf(measures), ratio, dimension, by,
                chart, format, target, warn, bad, lower, size, drill, cross, Set.copyOf(uses));
    }

    private Map<String, String> filters(Node node) {
        Map<String, NodeTuple> m = mapping(node, null, "filters");
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : m.values()) {
            String name = scalar(t.getKeyNode());
            if (!Dashboard.FILTERS.contains(name)) {
                throw fail(t.getKeyNode(), "unknown filter '" + name + "' (one of "
                        + String.join(", ", Dashboard.FILTERS) + ")");
            }
            Node v = t.getValueNode();
            if (name.equals("period")) {
                Map<String, NodeTuple> p = mapping(v, PERIOD, "period");
                String grain = p.containsKey("grain") ? scalar(p.get("grain").getValueNode())
                        : "month";
                if (!KpiQuery.GRAINS.contains(grain)) {
                    throw fail(p.get("grain").getValueNode(), "unknown grain '" + grain
                            + "' (one of " + String.join(", ", KpiQuery.GRAINS) + ")");
                }
                int months = p.containsKey("months") ? integer(p.get("months").getValueNode()) : 12;
                if (months < 1 || months > 120) {
                    throw fail(p.get("months").getValueNode(), "months must be 1 to 120");
                }
                out.put(name, grain + "," + months);
            } else {
                out.put(name, v instanceof ScalarNode s && !s.getValue().isEmpty()
                        && !"null".equals(s.getTag().getValue().replaceAll(".*:", ""))
                        ? s.getValue() : "");
            }
        }
        return out;
    }

    private Set<Role> roles(Node node) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Node r : list(node)) {
            String name = scalar(r);
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw fail(r, "unknown role '" + name + "' (one of " + Arrays.stream(Role.values())
                        .map(x -> x.name().toLowerCase(Locale.ROOT)).toList() + ")");
            }
        }
        return roles;
    }

    private Map<String, String> titles(Node node) {
        Map<String, NodeTuple> m = mapping(node, Set.copyOf(Dashboard.LANGUAGES), "title");
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : Dashboard.LANGUAGES) {
            if (!m.containsKey(lang) || scalar(m.get(lang).getValueNode()).isBlank()) {
                throw fail(node, "title needs " + String.join(", ", Dashboard.LANGUAGES)
                        + " (missing " + lang + ")");
            }
            out.put(lang, scalar(m.get(lang).getValueNode()));
        }
        return out;
    }

    private String column(Dataset dataset, Node node) {
        String c = scalar(node);
        if (!dataset.figures().contains(c)) {
            throw fail(node, "unknown column '" + c + "' of dataset " + dataset.code()
                    + " (figures: " + String.join(", ", dataset.figures()) + ")");
        }
        return c;
    }

    private <E extends Enum<E>> E choice(Class<E> type, Node node, String what) {
        String v = scalar(node);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        throw fail(node, "unknown " + what + " '" + v + "' (one of " + Arrays.stream(
                type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ")");
    }

    private Map<String, NodeTuple> mapping(Node node, Set<String> allowed, String what) {
        if (!(node instanceof MappingNode map)) {
            throw fail(node, "'" + what + "' must be a mapping (key: value)");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (allowed != null && !allowed.contains(key)) {
                throw fail(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (out.put(key, t) != null) {
                throw fail(t.getKeyNode(), "key '" + key + "' appears twice");
            }
        }
        return out;
    }

    private Node required(Map<String, NodeTuple> m, String key, Node owner) {
        NodeTuple t = m.get(key);
        if (t == null) {
            throw fail(owner, "'" + key + "' is required");
        }
        return t.getValueNode();
    }

    private List<Node> list(Node node) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        throw fail(node, "a list [a, b] is expected");
    }

    private String scalar(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw fail(node, "a single value is expected");
    }

    private int integer(Node node) {
        try {
            return Integer.parseInt(scalar(node));
        } catch (NumberFormatException e) {
            throw fail(node, "a whole number is expected, not '" + scalar(node) + "'");
        }
    }

    private BigDecimal number(Node node) {
        try {
            return new BigDecimal(scalar(node));
        } catch (NumberFormatException e) {
            throw fail(node, "a number is expected, not '" + scalar(node) + "'");
        }
    }

    private boolean bool(Node node) {
        String v = scalar(node);
        if (!v.equals("true") && !v.equals("false")) {
            throw fail(node, "true or false is expected, not '" + v + "'");
        }
        return v.equals("true");
    }

    private DashboardFileException fail(Node node, String problem) {
        return new DashboardFileException(file, node.getStartMark().getLine() + 1, problem);
    }
}

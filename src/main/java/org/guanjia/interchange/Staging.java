package org.guanjia.interchange;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.guanjia.interchange.InterchangeFiles.BadValue;
import org.guanjia.interchange.InterchangeFiles.ColumnSpec;
import org.guanjia.interchange.InterchangeFiles.FileSpec;

/**
 * The rows of one file on their way into a staging table ({@code imp_<file>}, a DuckDB
 * temporary table of the import's transaction): each cell checked against its column (type,
 * enumeration, range, length, required) and appended with the DuckDB appender, with its row
 * number, so the checks across rows and files can run as SQL afterwards.
 */
final class Staging implements RowSink, AutoCloseable {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Bounds of numeric columns beyond their type (the CHECK constraints of the tables). */
    record Range(BigDecimal min, boolean minExclusive, BigDecimal max) {
        boolean holds(BigDecimal v) {
            int c = v.compareTo(min);
            return (minExclusive ? c > 0 : c >= 0) && v.compareTo(max) <= 0;
        }
    }

    private static final Range ONE_TO_FIVE = new Range(BigDecimal.ONE, false, BigDecimal.valueOf(5));
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    static final Map<String, Range> RANGES = Map.of(
            "buildings.floors", new Range(BigDecimal.ONE, false, BigDecimal.valueOf(200)),
            "units.floor", new Range(BigDecimal.valueOf(-10), false, BigDecimal.valueOf(200)),
            "units.area_sqm", new Range(BigDecimal.ZERO, true, new BigDecimal("99999999.99")),
            "statements.amount", new Range(BigDecimal.ZERO, true, MAX_AMOUNT),
            "payments.amount", new Range(BigDecimal.ZERO, true, MAX_AMOUNT),
            "complaints.satisfaction", ONE_TO_FIVE,
            "visits.satisfaction", ONE_TO_FIVE,
            "repairs.score_attitude", ONE_TO_FIVE,
            "repairs.score_quality", ONE_TO_FIVE,
            "repairs.score_etiquette", ONE_TO_FIVE);

    private final String fileName;
    private final FileSpec spec;
    private final boolean csv;
    private final int maxCellChars;
    private final Problems problems;
    private final DuckDBAppender appender;
    private final Runnable onRow;

    /** For each column of the file (by position), the index of its spec column or -1. */
    private int[] positions = new int[0];
    private final Set<String> present = new LinkedHashSet<>();
    private final Range[] ranges;
    private long rows;
    private boolean failed;

    Staging(Connection connection, String fileName, FileSpec spec, boolean csv, int maxCellChars,
            Problems problems, Runnable onRow) throws SQLException {
        this.fileName = fileName;
        this.spec = spec;
        this.csv = csv;
        this.maxCellChars = maxCellChars;
        this.problems = problems;
        this.onRow = onRow;
        this.ranges = new Range[spec.columns().size()];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = RANGES.get(spec.name() + "." + spec.columns().get(i).name());
        }
        try (Statement st = connection.createStatement()) {
            st.execute(ddl(spec));
        }
        this.appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main",
                tableName(spec));
    }

    static String tableName(FileSpec spec) {
        return "imp_" + spec.name();
    }

    private static String ddl(FileSpec spec) {
        StringBuilder s = new StringBuilder("create or replace temporary table \"")
                .append(tableName(spec)).append("\" (\"_row\" bigint not null");
        for (ColumnSpec c : spec.columns()) {
            s.append(", \"").append(c.name()).append("\" ").append(switch (c.type()) {
                case TEXT, CODE, MONTH -> "varchar";
                case INTEGER -> "integer";
                case DECIMAL -> "decimal(14,2)";
                case DATE -> "date";
                case TIMESTAMP -> "timestamp";
                case BOOLEAN -> "boolean";
            });
        }
        return s.append(')').toString();
    }

    /** The spec columns the file has (an update changes only these). */
    Set<String> present() {
        return present;
    }

    long rows() {
        return rows;
    }

    /** The file could not be read to its end. */
    boolean failed() {
        return failed;
    }

    @Override
    public void header(List<String> names) {
        positions = new int[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i) == null ? "" : names.get(i).strip();
            positions[i] = -1;
            if (n.isEmpty()) {
                positions[i] = -2; // a column without a name: its cells must be empty
                continue;
            }
            if (!seen.add(n)) {
                problems.add(fileName, 1, n, "imp.problem.duplicateColumn");
                continue;
            }
            int index = indexOf(n);
            if (index < 0) {
                problems.add(fileName, 1, n, "imp.problem.unknownColumn",
                        String.join(", ", spec.columns().stream().map(ColumnSpec::name).toList()));
                continue;
            }
            positions[i] = index;
            present.add(n);
        }
        for (ColumnSpec c : spec.columns()) {
            if (c.required() && !present.contains(c.name())) {
                problems.add(fileName, 1, c.name(), "imp.problem.missingColumn");
            }
        }
    }

    private int indexOf(String name) {
        List<ColumnSpec> columns = spec.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void row(long row, List<String> cells) {
        List<ColumnSpec> columns = spec.columns();
        String[] raw = new String[columns.size()];
        boolean blank = true;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            boolean hasText = !cell.isBlank();
            blank &= !hasText;
            if (i >= positions.length || positions[i] < 0) {
                if (hasText && (i >= positions.length || positions[i] == -2)) {
                    problems.add(fileName, row, null, "imp.problem.extraCell", i + 1);
                }
                continue;
            }
            raw[positions[i]] = cell;
        }
        if (blank) {
            return; // a spreadsheet's trailing empty row
        }
        rows++;
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            ColumnSpec c = columns.get(i);
            values[i] = cell(row, c, i, raw[i]);
        }
        if (spec.name().equals("statements")) {
            dueOnDefault(values);
        }
        append(row, values);
        onRow.run();
    }

    private Object cell(long row, ColumnSpec c, int index, String raw) {
        if (raw != null && csv) {
            raw = InterchangeFiles.unescapeFormula(raw);
        }
        if (raw != null && raw.length() > maxCellChars) {
            problems.add(fileName, row, c.name(), "imp.problem.cellTooLong", raw.length(), maxCellChars);
            return null;
        }
        Object v;
        try {
            v = InterchangeFiles.parse(c.type(), raw);
        } catch (BadValue e) {
            problems.add(fileName, row, c.name(), e.messageKey(), e.args());
            return null;
        }
        if (v == null && c.defaultValue() != null && present.contains(c.name())) {
            v = InterchangeFiles.parse(c.type(), c.defaultValue());
        }
        if (v == null) {
            if (c.required() && present.contains(c.name())) {
                problems.add(fileName, row, c.name(), "imp.problem.required");
            }
            return null;
        }
        if (!c.allowed().isEmpty() && !c.allowed().contains(v)) {
            problems.add(fileName, row, c.name(), "imp.problem.notAllowed", v, String.join(", ", c.allowed()));
            return null;
        }
        Range range = ranges[index];
        if (range != null) {
            BigDecimal d = v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Integer) v).longValue());
            if (!range.holds(d)) {
                problems.add(fileName, row, c.name(), range.minExclusive() ? "imp.problem.positive"
                        : "imp.problem.range", raw.strip(), range.min(), range.max());
                return null;
            }
        }
        if (spec.name().equals("estates")) {
            if (c.name().equals("timezone") && !validZone((String) v)) {
                problems.add(fileName, row, c.name(), "imp.problem.timezone", v);
                return null;
            }
            if (c.name().equals("currency") && !CURRENCY.matcher((String) v).matches()) {
                problems.add(fileName, row, c.name(), "imp.problem.currency", v);
                return null;
            }
        }
        return v;
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** IMPORT.md: due_on defaults to the last day of the statement's period. */
    private void dueOnDefault(Object[] values) {
        int due = indexOf("due_on");
        int period = indexOf("period");
        if (values[due] == null && values[period] != null) {
            String p = (String) values[period]; // yyyy-MM, checked by InterchangeFiles.parse
            values[due] = YearMonth.of(Integer.parseInt(p, 0, 4, 10), Integer.parseInt(p, 5, 7, 10)).atEndOfMonth();
        }
    }

    private void append(long row, Object[] values) {
        try {
            appender.beginRow();
            appender.append(row);
            for (Object v : values) {
                if (v == null) {
                    appender.appendNull();
                } else if (v instanceof String s) {
                    appender.append(s);
                } else if (v instanceof BigDecimal d) {
                    appender.append(d);
                } else if (v instanceof Integer n) {
                    appender.append(n.intValue());
                } else if (v instanceof LocalDate d) {
                    appender.append(d);
                } else if (v instanceof LocalDateTime t) {
                    appender.append(t);
                } else if (v instanceof Boolean b) {
                    appender.append(b.booleanValue());
                } else {
                    throw new IllegalStateException(v.getClass().getName());
                }
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("Staging " + fileName + " row " + row + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void fatal(long row, String messageKey, Object... args) {
        failed = true;
        problems.add(fileName, row, null, messageKey, args);
    }

    /** Flushes the rows to the staging table. */
    @Override
    public void close() throws SQLException {
        appender.close();
    }

}

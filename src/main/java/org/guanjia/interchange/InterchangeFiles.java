package org.guanjia.interchange;

import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.COLLECTION_ACTIONS;
import static org.guanjia.db.Tables.COMPLAINTS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.PAYMENTS;
import static org.guanjia.db.Tables.REPAIRS;
import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.UNITS;
import static org.guanjia.db.Tables.UNIT_STATUS;
import static org.guanjia.db.Tables.VACANCY_INSPECTIONS;
import static org.guanjia.db.Tables.VISITS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The interchange format of {@code shared/spec/IMPORT.md}: its 15 files in dependency order
 * (a file only references files before it), their columns, and how a value is written and read.
 * Import and export both use this class, so the two cannot drift apart.
 *
 * <p><b>Values.</b> Dates {@code yyyy-MM-dd}; timestamps written {@code yyyy-MM-dd HH:mm:ss},
 * read with or without seconds; months {@code yyyy-MM}; amounts with a decimal point and at most
 * 2 decimals (written with exactly 2), no thousands separator, no currency sign; booleans
 * written {@code true}/{@code false}, read also as {@code yes}/{@code no}, {@code 1}/{@code 0},
 * {@code 是}/{@code 否}; an empty cell is "no value". Codes are trimmed.
 *
 * <p><b>Formula-looking cells.</b> A spreadsheet runs a CSV cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @}. Export therefore writes such a text cell with one leading
 * apostrophe ({@link #escapeFormula}), and import removes it again ({@link #unescapeFormula}):
 * the apostrophe is stripped when what follows it would itself need escaping. A text that
 * really starts with an apostrophe before one of those characters is written with one more
 * apostrophe, so every text reads back unchanged. A CSV cell such as {@code =SUM(A1)} that was
 * not escaped is imported as that text, never evaluated. XLSX cells are typed and not escaped.
 */
public final class InterchangeFiles {

    /** How a column's text is read. */
    public enum ColumnType {
        TEXT, CODE, INTEGER, DECIMAL, DATE, TIMESTAMP, MONTH, BOOLEAN
    }

    /**
     * A column of a file.
     *
     * @param allowed      the enumeration (lower case), or empty
     * @param defaultValue the value (as written in a file) that an empty cell stands for, or null
     * @param field        the column of the table it is stored in
     */
    public record ColumnSpec(String name, ColumnType type, boolean required, List<String> allowed,
            String defaultValue, Field<?> field) {
        public ColumnSpec {
            allowed = List.copyOf(allowed);
        }
    }

    /**
     * A file: {@code name} is the base name ({@code units} for units.csv / units.xlsx);
     * {@code keyColumns} identify a row (its natural key).
     */
    public record FileSpec(String name, Table<?> table, List<ColumnSpec> columns,
            List<String> keyColumns) {
        public FileSpec {
            columns = List.copyOf(columns);
            keyColumns = List.copyOf(keyColumns);
        }

        public Optional<ColumnSpec> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }
    }

    /** A value that does not fit its column: the message key (imp.problem.*) and arguments. */
    public static final class BadValue extends RuntimeException {
        private final String messageKey;
        private final transient Object[] args;

        public BadValue(String messageKey, Object... args) {
            super(messageKey + " " + Arrays.toString(args), null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public static final List<String> STATUS = List.of("vacant", "decorating", "occupied");
    public static final List<String> ROLES = List.of("butler", "supervisor", "manager", "engineer",
            "security", "cleaning", "call_center", "finance");
    public static final List<String> PAYMENT_CHANNELS = List.of("cash", "bank_debit", "transfer",
            "online", "other");
    public static final List<String> METHODS = List.of("phone", "visit", "letter", "lawyer_letter",
            "sms");
    public static final List<String> REASONS = List.of("service_issue", "financial", "forgot",
            "dispute", "malicious", "not_received", "other");
    public static final List<String> COMPLAINT_CHANNELS = List.of("phone", "visit", "app",
            "patrol", "other");
    public static final List<String> CATEGORIES = List.of("security", "cleaning", "greening",
            "engineering", "noise", "parking", "decoration", "fees", "staff", "neighbour",
            "other");
    public static final List<String> VISIT_KINDS = List.of("scheduled", "chance", "return");

    /** The files in dependency order. */
    public static final List<FileSpec> FILES = List.of(
            file("estates", ESTATES, List.of("estate_code"),
                    code("estate_code", ESTATES.ESTATE_CODE, true),
                    text("name", ESTATES.NAME, true),
                    text("city", ESTATES.CITY, false),
                    withDefault(text("timezone", ESTATES.TIMEZONE, false), "Asia/Shanghai"),
                    withDefault(text("currency", ESTATES.CURRENCY, false), "CNY")),
            file("clusters", CLUSTERS, List.of("cluster_code"),
                    code("cluster_code", CLUSTERS.CLUSTER_CODE, true),
                    code("estate_code", CLUSTERS.ESTATE_CODE, true),
                    text("name", CLUSTERS.NAME, true)),
            file("buildings", BUILDINGS, List.of("building_code"),
                    code("building_code", BUILDINGS.BUILDING_CODE, true),
                    code("cluster_code", BUILDINGS.CLUSTER_CODE, true),
                    text("name", BUILDINGS.NAME, true),
                    col("floors", ColumnType.INTEGER, BUILDINGS.FLOORS, false)),
            file("units", UNITS, List.of("unit_code"),
                    code("unit_code", UNITS.UNIT_CODE, true),
                    code("building_code", UNITS.BUILDING_CODE, true),
                    col("floor", ColumnType.INTEGER, UNITS.FLOOR, false),
                    text("room", UNITS.ROOM, false),
                    col("area_sqm", ColumnType.DECIMAL, UNITS.AREA_SQM, true),
                    col("delivered_on", ColumnType.DATE, UNITS.DELIVERED_ON, false)),
            file("unit_status", UNIT_STATUS, List.of("unit_code", "from_date"),
                    code("unit_code", UNIT_STATUS.UNIT_CODE, true),
                    enumeration("status", UNIT_STATUS.STATUS, true, STATUS),
                    col("from_date", ColumnType.DATE, UNIT_STATUS.FROM_DATE, true)),
            file("owners", OWNERS, List.of("owner_code"),
                    code("owner_code", OWNERS.OWNER_CODE, true),
                    code("unit_code", OWNERS.UNIT_CODE, true),
                    text("name", OWNERS.NAME, true),
                    text("phone", OWNERS.PHONE, false),
                    col("key_customer", ColumnType.BOOLEAN, OWNERS.KEY_CUSTOMER, false),
                    text("mailing_address", OWNERS.MAILING_ADDRESS, false),
                    col("auto_debit", ColumnType.BOOLEAN, OWNERS.AUTO_DEBIT, false),
                    col("since", ColumnType.DATE, OWNERS.SINCE, false)),
            file("staff", STAFF, List.of("staff_code"),
                    code("staff_code", STAFF.STAFF_CODE, true),
                    text("name", STAFF.NAME, true),
                    enumeration("role", STAFF.ROLE, true, ROLES),
                    text("phone", STAFF.PHONE, false),
                    text("service_phone", STAFF.SERVICE_PHONE, false)),
            file("assignments", ASSIGNMENTS, List.of("staff_code", "cluster_code", "from_date"),
                    code("staff_code", ASSIGNMENTS.STAFF_CODE, true),
                    code("cluster_code", ASSIGNMENTS.CLUSTER_CODE, true),
                    col("from_date", ColumnType.DATE, ASSIGNMENTS.FROM_DATE, true),
                    col("to_date", ColumnType.DATE, ASSIGNMENTS.TO_DATE, false)),
            file("statements", STATEMENTS, List.of("statement_no"),
                    code("statement_no", STATEMENTS.STATEMENT_NO, true),
                    code("unit_code", STATEMENTS.UNIT_CODE, true),
                    col("period", ColumnType.MONTH, STATEMENTS.PERIOD, true),
                    withDefault(code("fee_type", STATEMENTS.FEE_TYPE, false), "property_fee"),
                    col("amount", ColumnType.DECIMAL, STATEMENTS.AMOUNT, true),
                    col("issued_on", ColumnType.DATE, STATEMENTS.ISSUED_ON, true),
                    // empty = the last day of period (computed per row, so no fixed default)
                    col("due_on", ColumnType.DATE, STATEMENTS.DUE_ON, false)),
            file("payments", PAYMENTS, List.of("payment_no"),
                    code("payment_no", PAYMENTS.PAYMENT_NO, true),
                    code("unit_code", PAYMENTS.UNIT_CODE, true),
                    col("paid_on", ColumnType.DATE, PAYMENTS.PAID_ON, true),
                    col("amount", ColumnType.DECIMAL, PAYMENTS.AMOUNT, true),
                    enumeration("channel", PAYMENTS.CHANNEL, false, PAYMENT_CHANNELS),
                    code("statement_no", PAYMENTS.STATEMENT_NO, false)),
            file("collection_actions", COLLECTION_ACTIONS, List.of("action_no"),
                    code("action_no", COLLECTION_ACTIONS.ACTION_NO, true),
                    code("unit_code", COLLECTION_ACTIONS.UNIT_CODE, true),
                    col("action_on", ColumnType.DATE, COLLECTION_ACTIONS.ACTION_ON, true),
                    code("staff_code", COLLECTION_ACTIONS.STAFF_CODE, false),
                    enumeration("method", COLLECTION_ACTIONS.METHOD, true, METHODS),
                    enumeration("reason", COLLECTION_ACTIONS.REASON, false, REASONS),
                    col("promised_on", ColumnType.DATE, COLLECTION_ACTIONS.PROMISED_ON, false),
                    text("note", COLLECTION_ACTIONS.NOTE, false)),
            file("complaints", COMPLAINTS, List.of("complaint_no"),
                    code("complaint_no", COMPLAINTS.COMPLAINT_NO, true),
                    code("unit_code", COMPLAINTS.UNIT_CODE, true),
                    col("received_at", ColumnType.TIMESTAMP, COMPLAINTS.RECEIVED_AT, true),
                    enumeration("channel", COMPLAINTS.CHANNEL, false, COMPLAINT_CHANNELS),
                    enumeration("category", COMPLAINTS.CATEGORY, true, CATEGORIES),
                    text("description", COMPLAINTS.DESCRIPTION, false),
                    col("first_response_at", ColumnType.TIMESTAMP, COMPLAINTS.FIRST_RESPONSE_AT, false),
                    code("responder_code", COMPLAINTS.RESPONDER_CODE, false),
                    col("valid", ColumnType.BOOLEAN, COMPLAINTS.VALID, false),
                    text("department", COMPLAINTS.DEPARTMENT, false),
                    col("resolved_at", ColumnType.TIMESTAMP, COMPLAINTS.RESOLVED_AT, false),
                    col("owner_signed", ColumnType.BOOLEAN, COMPLAINTS.OWNER_SIGNED, false),
                    col("satisfaction", ColumnType.INTEGER, COMPLAINTS.SATISFACTION, false)),
            file("repairs", REPAIRS, List.of("repair_no"),
                    code("repair_no", REPAIRS.REPAIR_NO, true),
                    code("building_code", REPAIRS.BUILDING_CODE, true),
                    code("unit_code", REPAIRS.UNIT_CODE, false),
                    col("reported_at", ColumnType.TIMESTAMP, REPAIRS.REPORTED_AT, true),
                    text("category", REPAIRS.CATEGORY, false),
                    col("completed_at", ColumnType.TIMESTAMP, REPAIRS.COMPLETED_AT, false),
                    col("return_visit_at", ColumnType.TIMESTAMP, REPAIRS.RETURN_VISIT_AT, false),
                    col("score_attitude", ColumnType.INTEGER, REPAIRS.SCORE_ATTITUDE, false),
                    col("score_quality", ColumnType.INTEGER, REPAIRS.SCORE_QUALITY, false),
                    col("score_etiquette", ColumnType.INTEGER, REPAIRS.SCORE_ETIQUETTE, false)),
            file("vacancy_inspections", VACANCY_INSPECTIONS, List.of("inspection_no"),
                    code("inspection_no", VACANCY_INSPECTIONS.INSPECTION_NO, true),
                    code("unit_code", VACANCY_INSPECTIONS.UNIT_CODE, true),
                    col("inspected_on", ColumnType.DATE, VACANCY_INSPECTIONS.INSPECTED_ON, true),
                    code("staff_code", VACANCY_INSPECTIONS.STAFF_CODE, false),
                    col("doors_windows_ok", ColumnType.BOOLEAN, VACANCY_INSPECTIONS.DOORS_WINDOWS_OK, false),
                    col("utilities_off_ok", ColumnType.BOOLEAN, VACANCY_INSPECTIONS.UTILITIES_OFF_OK, false),
                    col("no_leak", ColumnType.BOOLEAN, VACANCY_INSPECTIONS.NO_LEAK, false),
                    col("no_cracks", ColumnType.BOOLEAN, VACANCY_INSPECTIONS.NO_CRACKS, false),
                    text("note", VACANCY_INSPECTIONS.NOTE, false)),
            file("visits", VISITS, List.of("visit_no"),
                    code("visit_no", VISITS.VISIT_NO, true),
                    code("unit_code", VISITS.UNIT_CODE, true),
                    col("visited_on", ColumnType.DATE, VISITS.VISITED_ON, true),
                    code("staff_code", VISITS.STAFF_CODE, false),
                    enumeration("kind", VISITS.KIND, false, VISIT_KINDS),
                    text("topic", VISITS.TOPIC, false),
                    col("satisfaction", ColumnType.INTEGER, VISITS.SATISFACTION, false)));

    private static final Map<String, FileSpec> BY_NAME = new LinkedHashMap<>();

    static {
        for (FileSpec f : FILES) {
            BY_NAME.put(f.name(), f);
        }
    }

    private InterchangeFiles() {
    }

    /** The file of that base name ({@code units}), if the format has one. */
    public static Optional<FileSpec> byName(String baseName) {
        return Optional.ofNullable(BY_NAME.get(baseName));
    }

    /** Position of the file in dependency order (for sorting problems); -1 if unknown. */
    public static int order(String baseName) {
        FileSpec f = BY_NAME.get(baseName);
        return f == null ? -1 : FILES.indexOf(f);
    }

    // ---- writing and reading values ----

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern MANY_DECIMALS = Pattern.compile("\\d+\\.\\d{3,}");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern CURRENCY = Pattern.compile(
            ".*[¥￥$€£元]+.*|(?i).*\\b(cny|rmb|usd|eur)\\b.*");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    /**
     * A value as written in a file: dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd
     * HH:mm:ss}, amounts with 2 decimals, booleans {@code true}/{@code false}; null is empty.
     * Not escaped: a CSV writer applies {@link #escapeFormula} to text cells.
     */
    public static String format(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case DATE -> ((LocalDate) value).format(DATE);
            case TIMESTAMP -> ((LocalDateTime) value).format(TIMESTAMP_SECONDS);
            case DECIMAL -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case BOOLEAN -> ((Boolean) value) ? "true" : "false";
            case MONTH -> value instanceof YearMonth ym ? ym.format(MONTH) : value.toString();
            default -> value.toString();
        };
    }

    /**
     * Reads a cell (already unescaped) into the column's Java value: String for TEXT, CODE and
     * MONTH ({@code yyyy-MM}), Integer, BigDecimal (scale 2), LocalDate, LocalDateTime, Boolean;
     * null for an empty cell (codes and typed values are trimmed; text is kept as written, an
     * all-blank text is empty).
     *
     * @throws BadValue with an {@code imp.problem.*} key when the text does not fit the type
     */
    public static Object parse(ColumnType type, String text) {
        if (text == null) {
            return null;
        }
        if (type == ColumnType.TEXT) {
            return text.isBlank() ? null : text;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        switch (type) {
            case CODE:
                return s;
            case INTEGER:
                if (!INTEGER.matcher(s).matches()) {
                    throw new BadValue("imp.problem.integer", s);
                }
                return Integer.valueOf(s);
            case DECIMAL:
                return parseAmount(s);
            case DATE:
                if (!shape(s, "dddd-dd-dd")) {
                    throw new BadValue("imp.problem.dateFormat", s);
                }
                try {
                    return inRange(LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10)));
                } catch (DateTimeException e) {
                    throw new BadValue("imp.problem.noSuchDate", s);
                }
            case TIMESTAMP:
                boolean seconds = shape(s, "dddd-dd-dd dd:dd:dd");
                if (!seconds && !shape(s, "dddd-dd-dd dd:dd")) {
                    throw new BadValue("imp.problem.timestampFormat", s);
                }
                try {
                    LocalDateTime t = LocalDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13),
                            num(s, 14, 16), seconds ? num(s, 17, 19) : 0);
                    inRange(t.toLocalDate());
                    return t;
                } catch (DateTimeException e) {
                    throw new BadValue("imp.problem.noSuchDate", s);
                }
            case MONTH:
                if (!shape(s, "dddd-dd") || num(s, 5, 7) < 1 || num(s, 5, 7) > 12) {
                    throw new BadValue("imp.problem.monthFormat", s);
                }
                return s;
            case BOOLEAN:
                return parseBoolean(s);
            default:
                throw new IllegalStateException(type.name());
        }
    }

    /** The forms' date range ({@link org.guanjia.base.InputGuard}): the driver stored year 0 as year 1. */
    private static LocalDate inRange(LocalDate d) {
        if (d.isBefore(org.guanjia.base.InputGuard.FIRST_DAY) || d.isAfter(org.guanjia.base.InputGuard.LAST_DAY)) {
            throw new BadValue("hostile.dateRange", org.guanjia.base.InputGuard.FIRST_DAY.toString(),
                    org.guanjia.base.InputGuard.LAST_DAY.toString());
        }
        return d;
    }

    /** Whether s has the shape of the pattern: 'd' a digit, any other character itself (no regex: hot path). */
    private static boolean shape(String s, String pattern) {
        if (s.length() != pattern.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char p = pattern.charAt(i);
            char c = s.charAt(i);
            if (p == 'd' ? c < '0' || c > '9' : c != p) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** Digits, then optionally a point and 1 or 2 digits; at most 12 digits before the point. */
    private static boolean plainAmount(String s) {
        int point = s.indexOf('.');
        int whole = point < 0 ? s.length() : point;
        if (whole < 1 || whole > 12 || (point >= 0 && (s.length() - point - 1 < 1 || s.length() - point - 1 > 2))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i != point && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal parseAmount(String s) {
        if (plainAmount(s)) {
            return new BigDecimal(s).setScale(2, RoundingMode.UNNECESSARY);
        }
        if (CURRENCY.matcher(s).matches()) {
            throw new BadValue("imp.problem.currencySign", s);
        }
        if (THOUSANDS.matcher(s).matches()) {
            throw new BadValue("imp.problem.thousands", s);
        }
        if (MANY_DECIMALS.matcher(s).matches()) {
            throw new BadValue("imp.problem.decimals", s);
        }
        throw new BadValue("imp.problem.amount", s);
    }

    private static Boolean parseBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是":
                return Boolean.TRUE;
            case "false", "no", "0", "否":
                return Boolean.FALSE;
            default:
                throw new BadValue("imp.problem.boolean", s);
        }
    }

    /** Whether a spreadsheet would run this text as a formula, after an apostrophe or not. */
    private static boolean needsEscape(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    /**
     * The text to write in a CSV cell: one apostrophe more in front of a text that starts (after
     * any apostrophes) with {@code = + - @}; other texts unchanged.
     */
    public static String escapeFormula(String text) {
        return text != null && needsEscape(text) ? "'" + text : text;
    }

    /** The inverse of {@link #escapeFormula}: the text a CSV cell stands for. */
    public static String unescapeFormula(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsEscape(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    // ---- building the table above ----

    private static FileSpec file(String name, Table<?> table, List<String> key, ColumnSpec... columns) {
        List<ColumnSpec> list = new ArrayList<>(Arrays.asList(columns));
        for (String k : key) {
            if (list.stream().noneMatch(c -> c.name().equals(k))) {
                throw new IllegalStateException(name + ": key column " + k);
            }
        }
        for (ColumnSpec c : list) {
            if (!c.field().getName().equals(c.name()) || table.field(c.field()) == null) {
                throw new IllegalStateException(name + ": column " + c.name());
            }
        }
        return new FileSpec(name, table, list, key);
    }

    private static ColumnSpec col(String name, ColumnType type, Field<?> field, boolean required) {
        return new ColumnSpec(name, type, required, List.of(), null, field);
    }

    private static ColumnSpec code(String name, Field<?> field, boolean required) {
        return col(name, ColumnType.CODE, field, required);
    }

    private static ColumnSpec text(String name, Field<?> field, boolean required) {
        return col(name, ColumnType.TEXT, field, required);
    }

    private static ColumnSpec enumeration(String name, Field<?> field, boolean required, List<String> values) {
        return new ColumnSpec(name, ColumnType.CODE, required, values, null, field);
    }

    private static ColumnSpec withDefault(ColumnSpec c, String value) {
        return new ColumnSpec(c.name(), c.type(), c.required(), c.allowed(), value, c.field());
    }
}

package org.guanjia.base;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A column of many values as one bind value: a JSON array of strings that DuckDB unnests
 * ({@code unnest(from_json(?, '["DATE"]'))}). The fast way to move many rows through jOOQ,
 * which cannot bind SQL arrays for DuckDB; JSON escaping makes any text safe.
 */
public final class JsonColumn {

    private JsonColumn() {
    }

    /** The values as a set-returning expression of the field's type. */
    public static <V> Field<V> unnest(Field<V> field, List<?> values) {
        StringBuilder json = new StringBuilder(values.size() * 12).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendJson(json, values.get(i));
        }
        json.append(']');
        DataType<V> type = field.getDataType();
        // the element type is a constant of the schema, the data a bind value
        return DSL.field("unnest(from_json({0}, {1}))", type, DSL.val(json.toString()),
                DSL.inline("[\"" + jsonType(type) + "\"]"));
    }

    static String jsonType(DataType<?> type) {
        Class<?> t = type.getType();
        if (t == String.class) {
            return "VARCHAR";
        }
        if (t == Long.class) {
            return "BIGINT";
        }
        if (t == Integer.class) {
            return "INTEGER";
        }
        if (t == Short.class) {
            return "SMALLINT";
        }
        if (t == Boolean.class) {
            return "BOOLEAN";
        }
        if (t == LocalDate.class) {
            return "DATE";
        }
        if (t == LocalDateTime.class) {
            return "TIMESTAMP";
        }
        if (t == BigDecimal.class) {
            return "DECIMAL(" + type.precision() + "," + type.scale() + ")";
        }
        throw new IllegalArgumentException("No JSON column for values of " + t);
    }

    /** Writes a value as a JSON string (or null): every type above parses from its text. */
    static void appendJson(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
            return;
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                json.append('\\').append(ch);
            } else if (ch < 0x20) {
                json.append(String.format("\\u%04x", (int) ch));
            } else {
                json.append(ch);
            }
        }
        json.append('"');
    }
}

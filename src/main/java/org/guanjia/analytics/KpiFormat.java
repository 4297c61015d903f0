package org.guanjia.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The machine-readable output of KPI.md: CSV with a header row or JSON (an array of objects),
 * the same for the command line and the HTTP API. The views already round (rates 4 decimals,
 * money 2, minutes and hours 1), so a value is printed as it comes; undefined is empty (CSV)
 * or null (JSON).
 */
public final class KpiFormat {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private KpiFormat() {
    }

    /** One value as text: decimals as written (no exponent), undefined as "". */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    public static String csv(KpiTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setRecordSeparator("\n").get())) {
            csv.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(KpiFormat::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String json(KpiTable table) {
        ArrayNode rows = JSON.createArrayNode();
        for (List<Object> row : table.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < table.columns().size(); i++) {
                String name = table.columns().get(i);
                Object v = row.get(i);
                if (v == null) {
                    o.putNull(name);
                } else if (v instanceof BigDecimal d) {
                    o.put(name, d);
                } else if (v instanceof BigInteger b) {
                    o.put(name, b);
                } else if (v instanceof Long l) {
                    o.put(name, l);
                } else if (v instanceof Integer n) {
                    o.put(name, n);
                } else {
                    o.put(name, v.toString());
                }
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.guanjia.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.guanjia.base.StatementCache;

/**
 * The KPI views of {@code sql/} (packaged into the jar as {@code classpath:sql/*.sql}): DuckDB
 * macros and views created with {@code create or replace}, so applying them again after every
 * Flyway migration (at each start) replaces a changed definition. jOOQ's code generation never
 * sees them (it reads db/migration only).
 */
public final class KpiViews {

    /** The files in the order they must be applied (common first: the families use it). */
    public static final List<String> FILES = List.of("common", "fee_summary", "collection", "aging",
            "complaints", "repairs", "vacancy", "satisfaction", "workload", "agenda");

    /** Statements end with a semicolon at the end of a line (the files use no other ';'). */
    private static final Pattern END = Pattern.compile(";\\s*(\\n|$)");

    private KpiViews() {
    }

    /** Creates or replaces every KPI macro and view on the connection. */
    public static void apply(Connection connection) throws SQLException {
        for (String file : FILES) {
            String sql = read(file);
            try (Statement st = connection.createStatement()) {
                for (String statement : END.split(sql)) {
                    if (!withoutComments(statement).isBlank()) {
                        try {
                            st.execute(statement);
                        } catch (SQLException e) {
                            throw new SQLException("sql/" + file + ".sql: " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
        // statements kept by the pool's connections would still call the macros replaced here
        StatementCache.invalidateAll();
    }

    static String read(String file) {
        String path = "/sql/" + file + ".sql";
        try (InputStream in = KpiViews.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "");
    }
}

package org.guanjia.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code guanjia.*}; each has an environment variable (see application.properties
 * and the README).
 *
 * @param dbPath        the DuckDB file ({@code GUANJIA_DB})
 * @param demo          fill an empty database with demo data and enable the demo accounts
 *                      ({@code GUANJIA_DEMO})
 * @param adminPassword password of the {@code admin} account created on first start outside
 *                      demo mode ({@code GUANJIA_ADMIN_PASSWORD}); never committed
 * @param demoSeed      seed of the demo generator
 * @param demoScale     scale of the demo generator (1 = about 2,000 units)
 * @param poolSize      connections in the pool to the one shared database instance
 * @param timezone      the local time of the estates, which decides "today" ({@code GUANJIA_TIMEZONE})
 */
@ConfigurationProperties(prefix = "guanjia")
public record GuanjiaProperties(
        Path dbPath, boolean demo, String adminPassword, long demoSeed, double demoScale,
        int poolSize, java.time.ZoneId timezone) {

    public GuanjiaProperties {
        if (dbPath == null) {
            dbPath = Path.of("data", "guanjia.duckdb");
        }
        if (demoSeed == 0) {
            demoSeed = 20250101L;
        }
        if (demoScale <= 0) {
            demoScale = 1.0;
        }
        if (poolSize <= 0) {
            poolSize = 8;
        }
        if (timezone == null) {
            timezone = java.time.ZoneId.of("Asia/Shanghai");
        }
    }
}

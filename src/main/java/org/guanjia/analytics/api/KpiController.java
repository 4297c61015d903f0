package org.guanjia.analytics.api;

import java.util.Map;
import org.guanjia.analytics.KpiFormat;
import org.guanjia.analytics.KpiParameterException;
import org.guanjia.analytics.KpiQuery;
import org.guanjia.analytics.KpiService;
import org.guanjia.analytics.KpiTable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only HTTP API of the KPI datasets: {@code GET /api/v1/kpi/{dataset}} with the
 * parameters of the {@code kpi} command (by, grain, from, to, as-of, estate) as query
 * parameters; CSV or JSON by {@code format} or the Accept header (CSV by default). Errors are
 * JSON {@code {"status":…, "message":…}}.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/kpi")
class KpiController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/{dataset}")
    ResponseEntity<String> dataset(@PathVariable String dataset,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String grain,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "as-of", required = false) String asOf,
            @RequestParam(required = false) String estate,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        boolean json = json(format, accept);
        KpiTable table = kpis.dataset(KpiQuery.parse(dataset, by, grain, from, to, asOf, estate));
        return json
                ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(KpiFormat.json(table))
                : ResponseEntity.ok().contentType(CSV).body(KpiFormat.csv(table));
    }

    private static boolean json(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip()) {
                case "json" -> true;
                case "csv" -> false;
                default -> throw new KpiParameterException("format", "must be csv or json, not '"
                        + format + "'");
            };
        }
        return accept != null && accept.contains("application/json")
                && !accept.contains("text/csv");
    }

    @ExceptionHandler(KpiParameterException.class)
    ResponseEntity<Map<String, Object>> badParameter(KpiParameterException e) {
        return ApiErrors.body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e) {
        return ApiErrors.body(HttpStatus.FORBIDDEN, "not allowed to read these KPIs");
    }
}

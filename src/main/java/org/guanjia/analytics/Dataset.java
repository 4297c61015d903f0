package org.guanjia.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The datasets of KPI.md "Machine-readable output" (and the butler workload): the macro in
 * sql/ that computes each, and its columns in output order (key columns first).
 */
public enum Dataset {
    COLLECTION("collection", "kpi_collection", List.of("scope", "scope_code", "period",
            "billed", "collected_in_period", "collection_rate", "collected_to_date",
            "cumulative_collection_rate", "opening_arrears", "arrears_recovered",
            "arrears_recovery_rate", "promise_kept_rate")),
    AGING("aging", "kpi_aging", List.of("scope", "scope_code", "as_of", "bucket_1_30",
            "bucket_31_90", "bucket_91_180", "bucket_181_365", "bucket_over_365", "arrears",
            "households_in_arrears", "period")),
    COMPLAINTS("complaints", "kpi_complaints", List.of("scope", "scope_code", "period",
            "complaints", "valid_rate", "response_timeliness", "resolution_timeliness",
            "median_response_minutes", "p90_response_minutes", "median_resolution_hours",
            "p90_resolution_hours", "repeat_units", "signoff_rate")),
    COMPLAINT_CATEGORIES("complaint_categories", "kpi_complaint_categories", List.of("scope",
            "scope_code", "period", "category", "complaints")),
    REPAIRS("repairs", "kpi_repairs", List.of("scope", "scope_code", "period", "completed",
            "return_visit_rate", "median_completion_hours")),
    VACANCY("vacancy", "kpi_vacancy", List.of("scope", "scope_code", "period",
            "delivered_units", "vacant_units", "vacancy_rate", "occupancy_rate", "move_ins",
            "inspection_coverage")),
    SATISFACTION("satisfaction", "kpi_satisfaction", List.of("scope", "scope_code", "period",
            "scored_records", "satisfaction_score", "satisfied_rate", "visit_score",
            "complaint_score", "repair_score")),
    WORKLOAD("workload", "kpi_workload", List.of("scope", "scope_code", "period", "patrols",
            "visits", "collection_actions", "complaints_handled", "vacancy_inspections",
            "documents_delivered", "agenda_due", "agenda_late", "agenda_not_done"));

    public static final List<String> SCOPES = List.of("estate", "cluster", "building", "butler");

    /** The columns that name a row (scope, period or snapshot day, category), not measure it. */
    public static final Set<String> KEYS = Set.of("scope", "scope_code", "period", "as_of", "category");

    private final String code;
    private final String macro;
    private final List<String> columns;

    Dataset(String code, String macro, List<String> columns) {
        this.code = code;
        this.macro = macro;
        this.columns = columns;
    }

    /** The name used by the CLI and the API. */
    public String code() {
        return code;
    }

    /** The table macro of sql/ (a fixed identifier, never user input). */
    public String macro() {
        return macro;
    }

    public List<String> columns() {
        return columns;
    }

    /** The figure columns: every column but the {@link #KEYS}, in output order. */
    public List<String> figures() {
        return columns.stream().filter(c -> !KEYS.contains(c)).toList();
    }

    /**
     * Whether the macro takes the named parameter {@code figures} (the columns read; it then
     * leaves out the parts of the computation no such column needs): kpi_collection,
     * kpi_complaints (repeat units) and kpi_vacancy (move-ins, inspection coverage).
     */
    public boolean takesFigures() {
        return this == COLLECTION || this == COMPLAINTS || this == VACANCY;
    }

    /** The scopes the dataset has rows for (workload is per butler only). */
    public List<String> scopes() {
        return this == WORKLOAD ? List.of("butler") : SCOPES;
    }

    /**
     * The grains the dataset accepts: ISO weeks only where every figure is exact for any day
     * range (the butler's work and agenda, move-ins and vacancy snapshots; inspection coverage
     * is monthly and empty for a week).
     */
    public List<String> grains() {
        return this == WORKLOAD || this == VACANCY ? KpiQuery.GRAINS_WITH_WEEK : KpiQuery.GRAINS;
    }

    public static Optional<Dataset> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Dataset::code).toList());
    }
}

-- Promise checks (sql/collection.sql, promise kept; sql/README.md "Fee summaries"): one row per
-- collection action with a promised date, with what its check needs from the unit's statements
-- and allocations, so that kpi_collection reads one row per promise instead of pairing every
-- promise with every statement of its unit (at 500,000 units: 2.3 million promises x 17
-- statements each, ~22 of the 24 s a collection query took).
--   kept_by      the day the last of the unit's statements due before action_on was paid in
--                full (9999-12-31: one of them is not yet; NULL: none was due)
--   last_issued  the latest issued_on of those statements (a query as of a day before it falls
--                back to the statements themselves)
-- Derived data like the V020 tables: filled by analytics.KpiSummaries from the macro
-- kpi_promise_check_rows (sql/fee_summary.sql), per unit after every allocation recompute and
-- every logged collection action, everything at start-up when kpi_summary_state is older.
create table kpi_promise_checks (
    unit_code       varchar(32)   not null,
    building_code   varchar(32)   not null,
    action_no       varchar(32)   not null,
    action_on       date          not null,
    promised_on     date          not null,
    kept_by         date,
    last_issued     date
);

-- Promise counts per month (sql/fee_summary.sql kpi_promise_month_rows, sql/collection.sql;
-- sql/README.md "Fee summaries"): the promise checks (V022) counted per building x promised
-- month x action month x settle month, where a promise is settled from the first day on which
-- it has been made (action_on), has fallen due (promised_on) and every statement its check reads
-- has been issued (last_issued): that day is stored as kpi_promise_checks.settle_on (below). As
-- of any day from then on it counts, and it is kept exactly when kept_by is NULL or not after
-- promised_on. kpi_collection reads these counts for the
-- promises settled before the as-of date's month, and the checks themselves only for the
-- others (at 500,000 units 2.3 million checks per query otherwise).
-- Derived data like V022: kept by analytics.KpiSummaries with the checks (by difference after a
-- unit's checks are refreshed; everything with a full rebuild, summary version 7).
create table kpi_promise_months (
    building_code   varchar(32)   not null,
    p_month         date          not null,
    a_month         date          not null,
    settle_month    date          not null,
    promises        integer       not null,
    kept            integer       not null
);

-- The day from which a check is settled (greatest of action_on, promised_on and last_issued),
-- stored so that a query finds the promises not yet settled by a plain filter on one column.
alter table kpi_promise_checks add column settle_on date;

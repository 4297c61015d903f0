-- Billed and collected side by side per building x issued_on x period month (sql/fee_summary.sql
-- kpi_fee_period_rows, sql/collection.sql; sql/README.md "Fee summaries"): what kpi_collection
-- reads for billed, collected in period and collected to date, one row per key, where it grouped
-- kpi_fee_billed (by due day) and kpi_fee_collected (by paid_by) together for every query (at
-- 500,000 units 105,474 keys from some 430,000 rows for 36 months). Derived data like the others
-- (V020): filled by analytics.KpiSummaries from kpi_fee_billed and kpi_fee_collected, kept by
-- difference after a payment and regrouped per building after other writes; a full rebuild
-- (summary version 8) fills it.
--
-- billed: the statements; paid: every allocation to them; paid_in_month / paid_in_quarter /
-- paid_in_year: those dated in the period month, its quarter, its year at the latest
-- (kpi_fee_paid_by not after the last month start of the period: collected in period).
create table kpi_fee_periods (
    building_code    varchar(32)   not null,
    issued_on        date          not null,
    period_month     date          not null,
    billed           decimal(18,2) not null,
    paid             decimal(18,2) not null,
    paid_in_month    decimal(18,2) not null,
    paid_in_quarter  decimal(18,2) not null,
    paid_in_year     decimal(18,2) not null
);

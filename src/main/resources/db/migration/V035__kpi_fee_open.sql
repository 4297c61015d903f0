-- What is still owed per building x issued_on x due_on (sql/fee_summary.sql kpi_fee_open_rows,
-- sql/aging.sql; sql/README.md "Fee summaries"): the statements less every allocation to them,
-- only where that is not zero. kpi_aging's snapshot on D inside a month (every query as of
-- today) reads these rows and adds back what was paid after D, where it summed every statement
-- and every month row of the allocations (at 500,000 units 1.2 million rows per query). Derived
-- data like the others (V020): filled by analytics.KpiSummaries from kpi_fee_billed and
-- kpi_fee_paid_month, kept by difference after a payment and regrouped per building after other
-- writes; a full rebuild (summary version 9) fills it.
create table kpi_fee_open (
    building_code   varchar(32)   not null,
    issued_on       date          not null,
    due_on          date          not null,
    amount          decimal(18,2) not null
);

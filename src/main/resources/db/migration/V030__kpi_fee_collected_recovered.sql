-- Two more fee summaries (sql/fee_summary.sql, sql/collection.sql; sql/README.md "Fee
-- summaries"), coarser than kpi_fee_paid_month for the two figures that read it most: at 500,000
-- units a 36-month collection query grouped its 1.46 million month and day rows twice. Derived
-- data like the others (V020): filled by analytics.KpiSummaries from the month rows, kept by
-- difference after a payment and regrouped per building after other writes; a full rebuild
-- (summary version 6) fills them.

-- Allocations per building x issued_on x period month x paid_by: the last month start of the
-- first of (the period month, its quarter, its year) that the allocation month is not after,
-- 9999-12-01 when it is after all three (kpi_fee_paid_by): collected in period is the sum up to
-- the last month of the period, collected to date the sum of all (less what is dated after D).
create table kpi_fee_collected (
    building_code   varchar(32)   not null,
    issued_on       date          not null,
    period_month    date          not null,
    paid_by         date          not null,
    amount          decimal(18,2) not null
);

-- Allocations per building x allocation month x k_class: the first of (the allocation month's
-- year start, quarter start, the month itself) on or after the month from which the statement
-- counts in opening arrears (kpi_fee_recovery_class); allocations of statements that do not yet
-- count in the month they are dated in are not recovered arrears at any grain and not stored.
create table kpi_fee_recovered (
    building_code   varchar(32)   not null,
    a_month         date          not null,
    k_class         date          not null,
    amount          decimal(18,2) not null
);

-- Summary tables of the fee KPIs (sql/collection.sql, sql/aging.sql; sql/README.md "Fee
-- summaries"). Their size depends on buildings x days/months, not on statements: the KPI macros
-- read them instead of every statement and allocation. They are derived data: filled by
-- analytics.KpiSummaries from statements and payment_allocations (the rows of the touched
-- buildings after every allocation recompute, in the same transaction; everything at start-up
-- when kpi_summary_state says they are missing or stale, and after bulk loads).

-- Statements per building x issued_on x period month x due_on.
create table kpi_fee_billed (
    building_code   varchar(32)   not null,
    issued_on       date          not null,
    period_month    date          not null,
    due_on          date          not null,
    amount          decimal(18,2) not null
);

-- Allocations per statement key (as above) x allocation month.
create table kpi_fee_paid_month (
    building_code   varchar(32)   not null,
    issued_on       date          not null,
    period_month    date          not null,
    due_on          date          not null,
    a_month         date          not null,
    amount          decimal(18,2) not null
);

-- Allocations per statement key x allocation day: read only for the month of the as-of date
-- (or of a snapshot day that is not a month end).
create table kpi_fee_paid_day (
    building_code   varchar(32)   not null,
    issued_on       date          not null,
    period_month    date          not null,
    due_on          date          not null,
    allocated_on    date          not null,
    amount          decimal(18,2) not null
);

-- Households in arrears: the spells [from_day, to_day) in which a unit owes an overdue
-- statement, counted per building and spell (to_day 9999-12-31 = still owing).
create table kpi_arrears_spells (
    building_code   varchar(32)   not null,
    from_day        date          not null,
    to_day          date          not null,
    units           integer       not null
);

-- The format version of the summary SQL the tables were last rebuilt with (one row, id 1): a
-- missing row or an older version makes the next start rebuild them. Writers that bypass
-- billing.AllocationService (a bulk generator) call analytics.KpiSummaries.rebuild afterwards.
create table kpi_summary_state (
    id              integer       not null primary key,
    version         integer       not null,
    rebuilt_at      timestamp     not null
);

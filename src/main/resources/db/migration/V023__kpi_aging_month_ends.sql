-- Aging at month ends (sql/aging.sql; sql/README.md "Fee summaries"): per building and month end
-- X, the amounts overdue on X by days overdue (b1 1-30, b2 31-90, b3 91-180, b4 181-365, b5 over
-- 365), their total and the units in arrears on X. A snapshot on a month end does not depend on
-- the as-of date D >= X, so kpi_aging reads these rows for every such snapshot instead of pairing
-- it with every summary row (at 500,000 units: 17.7 million pairs for a 36-month query).
-- Derived data like the V020 tables: filled by analytics.KpiSummaries from the macro
-- kpi_aging_month_end_rows (sql/fee_summary.sql) out of the V020 tables - the rows of the
-- buildings whose summaries changed after every write, everything at a full rebuild - for the
-- month ends up to kpi_summary_state.aging_until (a full rebuild sets it 24 months ahead; the
-- start-up extends it when less than 12 remain). Later month ends are computed as before. A
-- building and month end with nothing overdue and no unit in arrears has no row.
create table kpi_aging_month_ends (
    building_code   varchar(32)   not null,
    snap_on         date          not null,
    b1              decimal(18,2) not null,
    b2              decimal(18,2) not null,
    b3              decimal(18,2) not null,
    b4              decimal(18,2) not null,
    b5              decimal(18,2) not null,
    arrears         decimal(18,2) not null,
    households      integer       not null
);

alter table kpi_summary_state add column aging_until date;

-- Opening arrears at month ends (sql/fee_summary.sql kpi_aging_month_end_rows, sql/collection.sql;
-- sql/README.md "Fee summaries"): per building and month end X, what is owed at the end of X on
-- the statements due on or before X and issued on or before X, less their allocations of the
-- months up to X's - the opening arrears of the month starting the day after X (KPI.md), which
-- like the aging at X does not depend on the as-of date D once D is on or after X. kpi_collection
-- reads it for every period start instead of summing every statement and allocation before it.
-- Filled with the other month-end columns (V023); a full rebuild (summary version 5) fills it
-- for the rows that exist.
alter table kpi_aging_month_ends add column opening decimal(18,2) default 0 not null;

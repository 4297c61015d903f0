-- Butler work per month (sql/workload.sql, sql/README.md "Butler work per month"): the records
-- each staff member made in each month, per kind, as kpi_workload counts them (the staff code on
-- the record and its own date; a complaint for its responder on the day of its first response;
-- a document delivery once delivered). Derived data, kept as differences: every writer of those
-- records appends a row of +1 (a new record) or -1 and +1 (a record moved to another staff member
-- or month) in its transaction (analytics.KpiSummaryMaintenance.addWork), so that concurrent
-- writers never update the same row; the sum per staff member and month is the count
-- (kpi_work_months_stored). The agenda's hourly recording folds the rows into one per staff
-- member and month (KpiWorkMonths.compact), a bulk load rebuilds them. kpi_workload reads a month
-- from here once it has ended on or before the as-of day, and the records themselves for the rest.
create table kpi_work_months (
    staff_code             varchar(32)   not null,
    month                  date          not null,
    patrols                bigint        not null default 0,
    visits                 bigint        not null default 0,
    collection_actions     bigint        not null default 0,
    complaints_handled     bigint        not null default 0,
    vacancy_inspections    bigint        not null default 0,
    documents_delivered    bigint        not null default 0
);

-- The agenda items per staff member and month they fell due (sql/workload.sql): all of them,
-- those done after their due day (on any day), those not done. kpi_workload reads a month from
-- here once it has ended on or before the as-of day D, and moves the items done after D from
-- late to not done. Kept by the agenda's recording (analytics.KpiSummaryMaintenance
-- .refreshAgenda: the months it wrote, counted again), rebuilt with kpi_work_months.
create table kpi_agenda_months (
    staff_code             varchar(32)   not null,
    month                  date          not null,
    agenda_due             bigint        not null,
    agenda_done_late       bigint        not null,
    agenda_not_done        bigint        not null,
    primary key (staff_code, month)
);

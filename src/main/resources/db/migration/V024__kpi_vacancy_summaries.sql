-- Vacancy summaries (sql/vacancy.sql; sql/README.md "Vacancy summaries"): per building and
-- month end, the delivered, vacant and occupied units on that day and the vacant ones inspected
-- in its month; per building and day, the move-ins. kpi_vacancy reads a month end from the first
-- table, and any other snapshot day as the month end before it plus the units that changed
-- since, instead of every status row of every unit (at 500,000 units 1.3 million rows sorted
-- and summed for each query).
-- Derived data like the V020 and V023 tables: filled by analytics.KpiSummaries from the macros
-- kpi_vacancy_month_end_rows and kpi_move_in_day_rows - the rows of the buildings whose units,
-- status rows or vacancy inspections changed after every such write, everything at a full
-- rebuild - for the month ends up to kpi_summary_state.aging_until, as the aging month ends.
create table kpi_vacancy_month_ends (
    building_code   varchar(32) not null,
    snap_on         date        not null,
    delivered_units integer     not null,
    vacant_units    integer     not null,
    occupied_units  integer     not null,
    covered_units   integer     not null
);

create table kpi_move_in_days (
    building_code   varchar(32) not null,
    day             date        not null,
    move_ins        integer     not null
);

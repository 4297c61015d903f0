-- Closed complaint periods (sql/complaints.sql, sql/README.md "Closed complaint periods"): the
-- kpi_complaints and kpi_complaint_category_counts rows of every scope object for a period whose
-- complaints were all answered and resolved, stored once so that a query computes only the
-- periods still open. Derived data: written only by analytics.ComplaintPeriods (a fill on a
-- schedule), read by the two macros only while the period's complaints, scopes, links and
-- service levels are what they were when stored (the fingerprint and context); empty, every
-- period is computed from the complaints.
create table kpi_complaint_closed_periods (
    grain           varchar(8)     not null,
    period          varchar(8)     not null,
    -- the rows hold as of this day and every later one
    settled_on      date           not null,
    complaints      bigint         not null,
    fingerprint     decimal(38,0)  not null,
    context         decimal(38,0)  not null
);

create table kpi_complaint_closed (
    grain                    varchar(8)     not null,
    period                   varchar(8)     not null,
    scope                    varchar(8)     not null,
    scope_code               varchar(32)    not null,
    complaints               bigint         not null,
    valid_rate               decimal(18,4),
    response_timeliness      decimal(18,4),
    resolution_timeliness    decimal(18,4),
    median_response_minutes  decimal(18,1),
    p90_response_minutes     decimal(18,1),
    median_resolution_hours  decimal(18,1),
    p90_resolution_hours     decimal(18,1),
    repeat_units             bigint,
    signoff_rate             decimal(18,4)
);

-- kpi_complaint_category_counts's rows (one per scope object with a complaint in the period)
create table kpi_complaint_category_closed (
    grain          varchar(8)    not null,
    period         varchar(8)    not null,
    scope          varchar(8)    not null,
    scope_code     varchar(32)   not null,
    cleaning       bigint        not null,
    decoration     bigint        not null,
    engineering    bigint        not null,
    fees           bigint        not null,
    greening       bigint        not null,
    neighbour      bigint        not null,
    noise          bigint        not null,
    other          bigint        not null,
    parking        bigint        not null,
    security       bigint        not null,
    staff          bigint        not null
);

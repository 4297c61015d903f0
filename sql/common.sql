-- Shared building blocks of the KPI views (KPI.md "Common rules"); applied before the family
-- files. Grain: none of its own - periods, scopes and exact arithmetic used by every family.

-- n / d rounded half away from zero to the scale f (10 = 1 decimal, 10000 = 4 decimals, at
-- most 10000), as a whole number of 1/f units. n and d must be whole numbers (callers scale
-- money to cents), so the rounding works on the exact value; NULL when d is 0 (empty
-- denominator). In 64-bit arithmetic when |n| and |d| are below 10^14 (then |n| * f * 2 + |d|
-- < 2.0001 * 10^18, inside a bigint): about 5 times faster than the 128-bit branch taken
-- beyond (600,000 divisions: 78 -> 14 ms, the rates of 120,000 rows by building and month).
-- A macro's argument is evaluated once per mention (DuckDB does not share them), so n is
-- mentioned four times and d six: a NULL n or d gives NULL through the arithmetic, and CASE
-- evaluates the division only for the rows whose d is not 0. Callers pass columns, not
-- expressions, where the rows are many (kpi_collection computes the cents first).
create or replace macro kpi_rdiv(n, d, f) as
    case
        when d = 0 then null
        when abs(n) < 100000000000000 and abs(d) < 100000000000000
            then sign(n) * sign(d)
                * ((abs(cast(n as bigint)) * f * 2 + abs(cast(d as bigint)))
                    // (2 * abs(cast(d as bigint))))
        else sign(n) * sign(d)
            * ((abs(cast(n as hugeint)) * f * 2 + abs(cast(d as hugeint)))
                // (2 * abs(cast(d as hugeint))))
    end;

create or replace macro kpi_div4(n, d) as cast(kpi_rdiv(n, d, 10000) * 0.0001 as decimal(18,4));

create or replace macro kpi_div2(n, d) as cast(kpi_rdiv(n, d, 100) * 0.01 as decimal(18,2));

create or replace macro kpi_div1(n, d) as cast(kpi_rdiv(n, d, 10) * 0.1 as decimal(18,1));

-- Money (two decimals) as whole cents, for kpi_div*. Through decimal(18,2), the type of every
-- money column of the outputs, whose 64-bit arithmetic is some 30 times faster than that of the
-- decimal(38,2) a sum gives. Up to 10^14 yuan: beyond, the product overflows and the query
-- fails (it never rounds).
create or replace macro kpi_cents(m) as cast(cast(m as decimal(18,2)) * 100 as bigint);

-- A continuous percentile (KPI.md: linear interpolation between closest ranks) of whole
-- numbers of seconds, times 10, exact: the callers take DuckDB's quantile_cont(x, [0.5, 0.9])
-- over the values as doubles and pass each element here. The exact percentile is
-- v[lo] + f/10 * (v[lo + 1] - v[lo]) with f in 0..9 (h = (n - 1) * q, q = 0.5 or 0.9), so ten
-- times it is a whole number, and the double differs from it by far less than 0.05 for values
-- below 10^12 (quantile_cont computes h in binary: 7 * 0.9 comes out just under 6.3, and
-- [0, 0, 0, 0, 0, 0, 0, 10] gives 2.9999999999999982 for p90, 3 exactly): rounding to the
-- nearest whole number recovers it. quantile_cont over decimals truncates instead (2.9 there),
-- which is why the callers pass whole numbers, not decimals. Cheaper than sorting a list per
-- group (36 months of complaints by estate at 500,000 units: 226 -> 178 ms). NULL stays NULL
-- (no value: quantile_cont gives NULL). KpiArithmeticTest checks it against BigDecimal.
create or replace macro kpi_tenths(x) as cast(round(x * 10) as bigint);

-- The aging bucket (KPI.md "aging") of a number of days overdue: 1 = 1-30, 2 = 31-90,
-- 3 = 91-180, 4 = 181-365, 5 = over 365; NULL when not overdue. Used by kpi_aging and by the
-- stored month ends (kpi_aging_month_end_rows), which must agree.
create or replace macro kpi_aging_bucket(days) as
    case
        when days between 1 and 30 then 1
        when days between 31 and 90 then 2
        when days between 91 and 180 then 3
        when days between 181 and 365 then 4
        when days > 365 then 5
    end;

-- The first day of the month containing d when d is a first of a month, else of the next
-- month: the first month start m with d <= m.
create or replace macro kpi_month_ceil(d) as
    case when day(d) = 1 then cast(d as date)
        else cast(date_trunc('month', d) + interval 1 month as date) end;

-- Seconds between two timestamps (whole seconds), NULL when either is NULL.
create or replace macro kpi_seconds(a, b) as date_diff('second', a, b);

-- The periods of a grain ('month', 'quarter', 'year', 'week') that contain the months
-- from_period to to_period ('yyyy-MM'): one row per period with its key and first and last day.
-- Weeks are ISO weeks (Monday to Sunday, key 'yyyy-Www' of the ISO year), every week that has a
-- day in those months; only the datasets whose figures are exact for any day range accept them
-- (analytics.Dataset.grains: workload, vacancy).
create or replace macro kpi_periods(grain, from_period, to_period) as table
with months as (
    select cast(unnest(generate_series(
        cast(strptime(from_period || '-01', '%Y-%m-%d') as date),
        cast(strptime(to_period || '-01', '%Y-%m-%d') as date),
        interval 1 month)) as date) as month_start
),
keyed as (
    select
        case grain
            when 'month' then strftime(month_start, '%Y-%m')
            when 'quarter' then strftime(month_start, '%Y') || '-Q' || quarter(month_start)
            else strftime(month_start, '%Y')
        end as period,
        cast(date_trunc(grain, month_start) as date) as p_start
    from months
    where grain <> 'week'
),
weeks as (
    select distinct cast(date_trunc('week', d.day) as date) as w_start
    from unnest(generate_series(
        cast(strptime(from_period || '-01', '%Y-%m-%d') as date),
        cast(strptime(to_period || '-01', '%Y-%m-%d') + interval 1 month - interval 1 day
            as date),
        interval 1 day)) as d(day)
    where grain = 'week'
),
final as (
    select distinct
        period,
        p_start,
        cast(p_start + to_months(case grain when 'month' then 1 when 'quarter' then 3
            else 12 end) - interval 1 day as date) as p_end
    from keyed
    union all
    select
        cast(isoyear(w_start) as varchar) || '-W' || lpad(cast(week(w_start) as varchar), 2, '0'),
        w_start,
        cast(w_start + interval 6 day as date)
    from weeks
)
select * from final;

-- The first day of the periods kpi_periods(grain, from_period, to_period) returns, and the day
-- after their last day: every day in between falls in one of them. Written from the parameters
-- alone, they fold into constants, so a family that filters its records by them lets DuckDB
-- skip row groups and rows while scanning (the join with the periods would drop the records
-- outside them anyway, after reading them).
create or replace macro kpi_range_start(grain, from_period) as
    cast(date_trunc(grain, strptime(from_period || '-01', '%Y-%m-%d')) as date);

create or replace macro kpi_range_end(grain, to_period) as
    cast(case when grain = 'week'
        then date_trunc('week', strptime(to_period || '-01', '%Y-%m-%d') + interval 1 month
            - interval 1 day) + interval 7 day
        else date_trunc(grain, strptime(to_period || '-01', '%Y-%m-%d'))
            + to_months(case grain when 'month' then 1 when 'quarter' then 3 else 12 end)
    end as date);

-- Which scope objects a building's records count for, and from when to when: its estate,
-- cluster and building always; each butler assigned to its cluster over the assignment.
create or replace view kpi_scope_links as
with bld as (
    select b.building_code, b.cluster_code, c.estate_code
    from buildings b
    join clusters c on c.cluster_code = b.cluster_code
),
final as (
    select building_code, 'estate' as scope, estate_code as scope_code,
        date '0001-01-01' as valid_from, date '9999-12-31' as valid_to
    from bld
    union all
    select building_code, 'cluster', cluster_code, date '0001-01-01', date '9999-12-31'
    from bld
    union all
    select building_code, 'building', building_code, date '0001-01-01', date '9999-12-31'
    from bld
    union all
    select distinct bld.building_code, 'butler', a.staff_code, a.from_date,
        coalesce(a.to_date, date '9999-12-31')
    from bld
    join assignments a on a.cluster_code = bld.cluster_code
)
select * from final;

-- A building's time cut into epochs [epoch_on, next_on) by the days its butler links begin and
-- end (the day after valid_to): within one epoch the butlers linked to the building are the
-- same. A family counts its records per building and epoch, then joins the butler links valid
-- on epoch_on, instead of joining every record to every link by its day. The estate, cluster
-- and building links are valid on every day, so records are counted per building for them.
create or replace view kpi_butler_epochs as
with links as (
    select building_code, valid_from, valid_to
    from kpi_scope_links
    where scope = 'butler'
),
bounds as (
    select building_code, valid_from as epoch_on from links
    union
    select building_code, cast(valid_to + 1 as date) from links
    where valid_to < date '9999-12-31'
)
select building_code, epoch_on,
    lead(epoch_on, 1, date '9999-12-31') over (partition by building_code order by epoch_on)
        as next_on
from bounds;

-- Every scope object that gets rows: estates, clusters, buildings, and butlers (staff with
-- the butler role or with any assignment).
create or replace view kpi_scopes as
with final as (
    select 'estate' as scope, estate_code as scope_code from estates
    union all
    select 'cluster', cluster_code from clusters
    union all
    select 'building', building_code from buildings
    union all
    select 'butler', staff_code from staff where role = 'butler'
    union
    select 'butler', staff_code from assignments
)
select * from final;

-- The clusters behind each scope object (a butler: every cluster ever assigned), to filter
-- rows by an estate or by a user's clusters.
create or replace view kpi_scope_clusters as
with final as (
    select 'estate' as scope, c.estate_code as scope_code, c.cluster_code, c.estate_code
    from clusters c
    union all
    select 'cluster', c.cluster_code, c.cluster_code, c.estate_code from clusters c
    union all
    select 'building', b.building_code, b.cluster_code, c.estate_code
    from buildings b
    join clusters c on c.cluster_code = b.cluster_code
    union all
    select distinct 'butler', a.staff_code, a.cluster_code, c.estate_code
    from assignments a
    join clusters c on c.cluster_code = a.cluster_code
)
select * from final;

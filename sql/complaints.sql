-- Complaints (KPI.md "Complaints"; datasets `complaints` and `complaint_categories`).
-- Grain: kpi_complaints - one row per scope object per period; kpi_complaint_categories - one
-- row per scope object, period and category with at least one complaint;
-- kpi_complaint_category_counts - the same as one row per scope object and period with a count
-- column per category.
-- Parameters (as_of, grain, from_period, to_period) as in collection.sql. Cohort: complaints
-- received in P (received_at on or before D). T = start of the day after D: a response or
-- resolution at or after T is treated as empty. Service levels per category from
-- complaint_service_levels (30 min / 48 h when a category has no row).
-- Butler: the butler of the unit's cluster on the day the complaint was received. Building: the
-- unit's, as stored on the complaint (complaints.building_code, V026).
create or replace macro kpi_complaint_facts(as_of, grain, from_period, to_period) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
kept as (
    select
        c.complaint_no,
        c.unit_code,
        c.building_code,
        c.category,
        c.received_at,
        cast(c.received_at as date) as received_on,
        c.valid,
        c.owner_signed,
        case when c.first_response_at < cast(as_of as date) + interval 1 day
            then c.first_response_at end as responded_at,
        case when c.resolved_at < cast(as_of as date) + interval 1 day
            then c.resolved_at end as resolved_at,
        coalesce(l.response_minutes, 30) * 60 as response_limit_s,
        coalesce(l.resolution_hours, 48) * 3600 as resolution_limit_s
    -- the unit's building is stored on the complaint (V026): no join of every unit
    from complaints c
    left join complaint_service_levels l on l.category = c.category
    -- only the periods' days (kpi_range_start/kpi_range_end, common.sql): fewer rows to join
    where cast(c.received_at as date) <= cast(as_of as date)
        and c.received_at >= kpi_range_start(grain, from_period)
        and c.received_at < kpi_range_end(grain, to_period)
),
timed as (
    select
        k.*,
        kpi_seconds(k.received_at, k.responded_at) as response_s,
        kpi_seconds(k.received_at, k.resolved_at) as resolution_s,
        -- the deadline received_at + level, compared with T in whole seconds
        kpi_seconds(k.received_at, cast(as_of as date) + interval 1 day) as until_t_s
    from kept k
),
final as (
    select
        p.period,
        t.complaint_no,
        t.unit_code,
        t.building_code,
        t.category,
        t.received_on,
        t.valid,
        t.owner_signed,
        t.response_s,
        t.resolution_s,
        -- in the timeliness denominator unless unanswered with a deadline after T
        t.response_s is not null or t.response_limit_s <= t.until_t_s as response_counted,
        coalesce(t.response_s <= t.response_limit_s, false) as response_on_time,
        t.resolution_s is not null or t.resolution_limit_s <= t.until_t_s as resolution_counted,
        coalesce(t.resolution_s <= t.resolution_limit_s, false) as resolution_on_time
    from periods p
    -- the period of a day is the one starting on date_trunc(grain, day)
    join timed t on p.p_start = cast(date_trunc(grain, t.received_on) as date)
)
select * from final;

-- figures (named, optional): the columns the caller reads, default all; repeat units are
-- computed only when asked for (NULL otherwise). The percentiles of columns not read are left
-- out by DuckDB itself.
create or replace macro kpi_complaints(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler'], figures := null) as table
-- not materialised although read twice: each reader then reads only the columns it needs (the
-- repeat units three of them), and materialising every column cost more than computing the
-- facts twice (36 months at 500,000 units, A/B: by estate 327 -> 282 ms, by butler and quarter
-- 897 -> 793 ms, by building about the same)
with facts as not materialized (
    select * from kpi_complaint_facts(as_of, grain, from_period, to_period)
),
-- the estate, cluster and building links hold on every day: joined by building alone; a
-- butler's by the day received. Each branch is dropped by DuckDB when none of its kinds is
-- asked for (the constant conditions on scopes; by month and butler 778 -> 674 ms)
scoped as (
    select l.scope, l.scope_code, f.*
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    union all
    select l.scope, l.scope_code, f.*
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and l.scope = 'butler'
        and f.received_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
),
by_scope as (
    select
        scope,
        scope_code,
        period,
        count(*) as complaints,
        count(*) filter (where valid) as valid_n,
        count(*) filter (where valid is not null) as decided_n,
        count(*) filter (where response_on_time) as response_ok,
        count(*) filter (where response_counted) as response_n,
        count(*) filter (where resolution_on_time) as resolution_ok,
        count(*) filter (where resolution_counted) as resolution_n,
        -- the percentiles (kpi_tenths, common.sql); NULLs (no response) are left out
        quantile_cont(response_s, [0.5, 0.9]) as response_q,
        quantile_cont(resolution_s, [0.5, 0.9]) as resolution_q,
        count(*) filter (where resolution_s is not null and owner_signed) as signed_n,
        count(*) filter (where resolution_s is not null) as resolved_n
    from scoped
    group by scope, scope_code, period
),
-- repeat units: units with two or more complaints of the period in the scope object. Only a
-- unit with two or more complaints of the period in all can be one (unit_days: those units,
-- with the days their complaints were received). The estate, cluster and building links hold
-- on every day, so those are counted per building (a unit is in one building); a butler's link
-- depends on the day, so a unit's complaints of one period can fall to two butlers: its days
-- in the butler's links count (a butler can hold a building in two spells of one period).
-- Grouping those few units instead of every scoped row by butler, unit and period: 36 months
-- by butler at 500,000 units, A/B 1,418 -> 905 ms (by quarter 984 -> 598), identical rows.
unit_days as (
    select building_code, period, unit_code, list(received_on) as days
    from facts
    where figures is null or list_contains(figures, 'repeat_units')
    group by building_code, period, unit_code
    having count(*) >= 2
),
unit_repeats as (
    select building_code, period, count(*) as repeat_units
    from unit_days
    group by building_code, period
),
repeats as (
    select l.scope, l.scope_code, r.period, sum(r.repeat_units) as repeat_units
    from unit_repeats r
    join kpi_scope_links l on l.building_code = r.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    group by l.scope, l.scope_code, r.period
    union all
    select scope, scope_code, period, count(*)
    from (
        select l.scope, l.scope_code, u.period, u.unit_code
        from unit_days u
        join kpi_scope_links l on l.building_code = u.building_code and l.scope = 'butler'
        where list_contains(scopes, 'butler')
        group by l.scope, l.scope_code, u.period, u.unit_code
        having sum(len(list_filter(u.days, lambda d: d between l.valid_from and l.valid_to)))
            >= 2
    )
    group by scope, scope_code, period
),
grid as (
    select s.scope, s.scope_code, p.period
    from kpi_scopes s
    cross join kpi_periods(grain, from_period, to_period) p
    where list_contains(scopes, s.scope)
),
-- the percentiles (times 10) once per row: a macro argument is evaluated at each mention
-- inside kpi_div1
joined as (
    select
        g.scope,
        g.scope_code,
        g.period,
        b.complaints,
        b.valid_n,
        b.decided_n,
        b.response_ok,
        b.response_n,
        b.resolution_ok,
        b.resolution_n,
        kpi_tenths(b.response_q[1]) as response_p50,
        kpi_tenths(b.response_q[2]) as response_p90,
        kpi_tenths(b.resolution_q[1]) as resolution_p50,
        kpi_tenths(b.resolution_q[2]) as resolution_p90,
        r.repeat_units,
        b.signed_n,
        b.resolved_n
    from grid g
    left join by_scope b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.period = g.period
    left join repeats r
        on r.scope = g.scope and r.scope_code = g.scope_code and r.period = g.period
),
final as (
    select
        scope,
        scope_code,
        period,
        coalesce(complaints, 0) as complaints,
        kpi_div4(valid_n, decided_n) as valid_rate,
        kpi_div4(response_ok, response_n) as response_timeliness,
        kpi_div4(resolution_ok, resolution_n) as resolution_timeliness,
        kpi_div1(response_p50, 600) as median_response_minutes,
        kpi_div1(response_p90, 600) as p90_response_minutes,
        kpi_div1(resolution_p50, 36000) as median_resolution_hours,
        kpi_div1(resolution_p90, 36000) as p90_resolution_hours,
        case when figures is null or list_contains(figures, 'repeat_units')
            then coalesce(repeat_units, 0) end as repeat_units,
        kpi_div4(signed_n, resolved_n) as signoff_rate
    from joined
)
select * from final;

-- One row per scope object and period with at least one complaint, one count column per category
-- (the eleven of complaints_category_chk, V002, in alphabetical order): what
-- kpi_complaint_categories returns as rows. The application reads this one (KpiRepository): at
-- 500,000 units the rows by butler and month are 73,000 here against 444,540 by category, and
-- fetching rows, not counting them, was most of that query's time.
create or replace macro kpi_complaint_category_counts(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with facts as not materialized (
    select * from kpi_complaint_facts(as_of, grain, from_period, to_period)
),
-- by building alone for the estate, cluster and building links, by the day for a butler's (as
-- in kpi_complaints)
scoped as (
    select l.scope, l.scope_code, f.period, f.category
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    union all
    select l.scope, l.scope_code, f.period, f.category
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and l.scope = 'butler'
        and f.received_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
),
counts as (
    select
        f.scope,
        f.scope_code,
        f.period,
        count(*) filter (where f.category = 'cleaning') as cleaning,
        count(*) filter (where f.category = 'decoration') as decoration,
        count(*) filter (where f.category = 'engineering') as engineering,
        count(*) filter (where f.category = 'fees') as fees,
        count(*) filter (where f.category = 'greening') as greening,
        count(*) filter (where f.category = 'neighbour') as neighbour,
        count(*) filter (where f.category = 'noise') as noise,
        count(*) filter (where f.category = 'other') as other,
        count(*) filter (where f.category = 'parking') as parking,
        count(*) filter (where f.category = 'security') as security,
        count(*) filter (where f.category = 'staff') as staff
    from scoped f
    group by f.scope, f.scope_code, f.period
)
select * from counts;

-- The rows of kpi_complaint_category_counts, one per category with at least one complaint.
create or replace macro kpi_complaint_categories(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with unpivoted as (
    select
        scope,
        scope_code,
        period,
        -- two lists unnested side by side: a category's name and its count
        unnest(['cleaning', 'decoration', 'engineering', 'fees', 'greening', 'neighbour',
            'noise', 'other', 'parking', 'security', 'staff']) as category,
        unnest([cleaning, decoration, engineering, fees, greening, neighbour, noise, other,
            parking, security, staff]) as complaints
    from kpi_complaint_category_counts(as_of, grain, from_period, to_period, scopes := scopes)
),
final as (
    select * from unpivoted
    where complaints > 0
)
select * from final;

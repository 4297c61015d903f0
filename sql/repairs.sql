-- Repairs and return visits (KPI.md "Repairs"; dataset `repairs`).
-- Grain: one row per scope object per period. kpi_repairs(as_of, grain, from_period,
-- to_period) as in collection.sql. A repair is scoped by its building_code (common areas
-- included); completed_at / return_visit_at at or after T (start of the day after D) are
-- treated as empty. Butler: the butler of the building's cluster on the completion day.
create or replace macro kpi_repairs(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
done as (
    select
        r.repair_no,
        r.building_code,
        cast(r.completed_at as date) as completed_on,
        kpi_seconds(r.reported_at, r.completed_at) as completion_s,
        r.return_visit_at < cast(as_of as date) + interval 1 day as visited
    from repairs r
    where cast(r.reported_at as date) <= cast(as_of as date)
        and r.completed_at < cast(as_of as date) + interval 1 day
        -- only the periods' days (kpi_range_start/kpi_range_end, common.sql)
        and r.completed_at >= kpi_range_start(grain, from_period)
        and r.completed_at < kpi_range_end(grain, to_period)
),
scoped as (
    -- the period of a day is the one starting on date_trunc(grain, day); its first day keys
    -- the rows up to the grid (a join with the periods per repair took half the query: 36
    -- months at 500,000 units, by month and building 120-163 -> 63-77 ms)
    select l.scope, l.scope_code, cast(date_trunc(grain, d.completed_on) as date) as p_start, d.*
    from done d
    join kpi_scope_links l on l.building_code = d.building_code
        and list_contains(scopes, l.scope)
        and d.completed_on between l.valid_from and l.valid_to
),
by_scope as (
    select
        scope,
        scope_code,
        p_start,
        count(*) as completed,
        count(*) filter (where visited) as visited_n,
        quantile_cont(completion_s, 0.5) as completion_q
    from scoped
    group by scope, scope_code, p_start
),
grid as (
    select s.scope, s.scope_code, p.period, p.p_start
    from kpi_scopes s
    cross join periods p
    where list_contains(scopes, s.scope)
),
final as (
    select
        g.scope,
        g.scope_code,
        g.period,
        coalesce(b.completed, 0) as completed,
        kpi_div4(b.visited_n, b.completed) as return_visit_rate,
        kpi_div1(kpi_tenths(b.completion_q), 36000) as median_completion_hours
    from grid g
    left join by_scope b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.p_start = g.p_start
)
select * from final;

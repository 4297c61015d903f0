-- Satisfaction (KPI.md "Satisfaction"; dataset `satisfaction`).
-- Grain: one row per scope object per period. kpi_satisfaction(as_of, grain, from_period,
-- to_period) as in collection.sql. Scored records: visits with a satisfaction (dated
-- visited_on), complaints with a satisfaction (dated resolved_at), repairs with at least one
-- score (dated return_visit_at; scoped by building). Scores are kept times 6 so that a
-- repair's mean of 1-3 scores is a whole number and every mean is exact.
-- Butler: the butler of the cluster on the record's date.
create or replace macro kpi_satisfaction(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
records as (
    -- visits and complaints carry their unit's building (V026)
    select 'visit' as source, v.building_code, v.visited_on as scored_on,
        v.satisfaction * 6 as score6
    from visits v
    where v.satisfaction is not null and v.visited_on <= cast(as_of as date)
        -- each source only on the periods' days (kpi_range_start/kpi_range_end, common.sql)
        and v.visited_on >= kpi_range_start(grain, from_period)
        and v.visited_on < kpi_range_end(grain, to_period)
    union all
    select 'complaint', c.building_code, cast(c.resolved_at as date), c.satisfaction * 6
    from complaints c
    where c.satisfaction is not null
        and cast(c.received_at as date) <= cast(as_of as date)
        and c.resolved_at < cast(as_of as date) + interval 1 day
        and c.resolved_at >= kpi_range_start(grain, from_period)
        and c.resolved_at < kpi_range_end(grain, to_period)
    union all
    select 'repair', r.building_code, cast(r.return_visit_at as date),
        (coalesce(r.score_attitude, 0) + coalesce(r.score_quality, 0)
            + coalesce(r.score_etiquette, 0)) * 6
        // ((r.score_attitude is not null)::int + (r.score_quality is not null)::int
            + (r.score_etiquette is not null)::int)
    from repairs r
    where (r.score_attitude is not null or r.score_quality is not null
            or r.score_etiquette is not null)
        and cast(r.reported_at as date) <= cast(as_of as date)
        and r.return_visit_at < cast(as_of as date) + interval 1 day
        and r.return_visit_at >= kpi_range_start(grain, from_period)
        and r.return_visit_at < kpi_range_end(grain, to_period)
),
-- counted per building and period first, and for the butlers per building, period and butler
-- epoch (kpi_butler_epochs, common.sql; a day before the first has no butler): the estate,
-- cluster and building links are valid on every day, a butler's link on the epochs it covers.
-- The period of a day is the one starting on date_trunc(grain, day).
-- not materialised although read twice: the butler epochs' reader is dropped when the butler
-- scope is not asked for, and materialising every record cost more than reading them twice
-- (36 months at 500,000 units, A/B: by butler 894 -> 491 ms, the other scopes about the same)
-- Counted per period start (1.2 million records at 500,000 units, 36 months; A/B by month
-- 10-15 % faster, identical rows), which keys the counts up to the grid (a date hashes and
-- compares cheaper than the period's text: by month 166-201 -> 146-178 ms).
scored as not materialized (
    select r.*, cast(date_trunc(grain, r.scored_on) as date) as p_start
    from records r
),
record_start_counts as (
    select
        r.building_code,
        r.p_start,
        count(*) filter (where r.score6 >= 24) as satisfied_n,
        sum(r.score6) filter (where r.source = 'visit') as visit_sum,
        count(*) filter (where r.source = 'visit') as visit_n,
        sum(r.score6) filter (where r.source = 'complaint') as complaint_sum,
        count(*) filter (where r.source = 'complaint') as complaint_n,
        sum(r.score6) filter (where r.source = 'repair') as repair_sum,
        count(*) filter (where r.source = 'repair') as repair_n
    from scored r
    -- only when an estate, cluster or building is asked for (DuckDB drops it otherwise)
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    group by r.building_code, r.p_start
),
record_epoch_start_counts as (
    select
        r.building_code,
        r.p_start,
        e.epoch_on,
        count(*) filter (where r.score6 >= 24) as satisfied_n,
        sum(r.score6) filter (where r.source = 'visit') as visit_sum,
        count(*) filter (where r.source = 'visit') as visit_n,
        sum(r.score6) filter (where r.source = 'complaint') as complaint_sum,
        count(*) filter (where r.source = 'complaint') as complaint_n,
        sum(r.score6) filter (where r.source = 'repair') as repair_sum,
        count(*) filter (where r.source = 'repair') as repair_n
    from scored r
    join kpi_butler_epochs e on e.building_code = r.building_code
        and r.scored_on >= e.epoch_on and r.scored_on < e.next_on
    where list_contains(scopes, 'butler')
    group by r.building_code, r.p_start, e.epoch_on
),
-- a building is its own scope object: its counts are its rows, taken without the join with its
-- link and a second grouping (36 months at 500,000 units, A/B by month and building 240 -> 217
-- ms, identical rows); the estates and clusters sum their buildings' rows
by_scope as (
    select 'building' as scope, c.building_code as scope_code, c.p_start,
        c.* exclude (building_code, p_start)
    from record_start_counts c
    where list_contains(scopes, 'building')
    union all
    select l.scope, l.scope_code, c.p_start,
        sum(columns(c.* exclude (building_code, p_start)))
    from record_start_counts c
    join kpi_scope_links l on l.building_code = c.building_code
        and list_contains(scopes, l.scope) and l.scope in ('estate', 'cluster')
    group by l.scope, l.scope_code, c.p_start
    union all
    select l.scope, l.scope_code, c.p_start,
        sum(columns(c.* exclude (building_code, p_start, epoch_on)))
    from record_epoch_start_counts c
    join kpi_scope_links l on l.building_code = c.building_code
        and list_contains(scopes, l.scope) and l.scope = 'butler'
        and c.epoch_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, c.p_start
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
        cast(coalesce(b.scored_records, 0) as bigint) as scored_records,
        kpi_div2(b.score6_sum, 6 * b.scored_records) as satisfaction_score,
        kpi_div4(b.satisfied_n, b.scored_records) as satisfied_rate,
        kpi_div2(b.visit_sum, 6 * b.visit_n) as visit_score,
        kpi_div2(b.complaint_sum, 6 * b.complaint_n) as complaint_score,
        kpi_div2(b.repair_sum, 6 * b.repair_n) as repair_score
    from grid g
    -- the records and their score sum are those of the three sources: two aggregates fewer in
    -- the groupings of 1.1 million records (36 months at 500,000 units, A/B, identical rows: by
    -- month and butler 256 -> 222 ms, by month and building 178 -> 167)
    left join (
        select *, visit_n + complaint_n + repair_n as scored_records,
            coalesce(visit_sum, 0) + coalesce(complaint_sum, 0) + coalesce(repair_sum, 0)
                as score6_sum
        from by_scope
    ) b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.p_start = g.p_start
)
select * from final;

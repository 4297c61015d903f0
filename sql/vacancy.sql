-- Vacancy and occupancy (KPI.md "Vacancy and occupancy"; dataset `vacancy`).
-- Grain: one row per scope object per period. kpi_vacancy(as_of, grain, from_period,
-- to_period) as in collection.sql. Snapshots at the end of P are taken on min(end of P, D).
-- Status of a unit on day X: its latest unit_status row with from_date <= X; a delivered unit
-- without one is vacant. Inspection coverage of a quarter or year sums the numerators and
-- denominators of its months that begin on or before D.
-- Butler: the butler of the unit's cluster on the snapshot day (move-ins: on from_date).
-- figures (named, optional): the columns the caller reads, default all; move-ins and
-- inspection coverage are computed only when asked for (NULL otherwise).
--
-- Stored rows (V024, sql/README.md "Vacancy summaries"): the counts at every month end up to
-- kpi_summary_state.aging_until per building, and the move-ins per building and day, kept by
-- analytics.KpiSummaries for the buildings whose units, status rows or inspections changed.
-- kpi_vacancy reads a month end from them; any other snapshot day X (the as-of day, week ends)
-- is the month end before X plus the units whose status changed or which were delivered after
-- it. The statement-level macro is kept as kpi_vacancy_reference (src/test/resources/
-- sql-reference), which the tests compare with.

-- every delivered unit's status spells [from_d, to_d) of the buildings (null: all): from its
-- delivery day, the status of its latest status row (vacant before the first), until the next
-- row. On a day X the unit counts with the status of the one spell containing X (none before
-- delivery). KPI.md's "latest row with from_date <= X" is the spell containing X (one row per
-- unit and day: primary key).
create or replace macro kpi_vacancy_spells(buildings) as table
with delivered as (
    select unit_code, building_code, delivered_on
    from units
    where delivered_on is not null
        and (buildings is null or list_contains(buildings, building_code))
),
status_rows as (
    select s.unit_code, s.from_date, s.status, lead(s.from_date) over w as next_from
    from unit_status s
    where buildings is null or s.unit_code in (select unit_code from delivered)
    window w as (partition by s.unit_code order by s.from_date)
)
select unit_code, building_code, status, greatest(from_d, delivered_on) as from_d, to_d
from (
    select d.unit_code, d.building_code, d.delivered_on, date '0001-01-01' as from_d,
        coalesce(min(r.from_date), date '9999-12-31') as to_d, 'vacant' as status
    from delivered d
    left join status_rows r on r.unit_code = d.unit_code
    group by d.unit_code, d.building_code, d.delivered_on
    union all
    select d.unit_code, d.building_code, d.delivered_on, r.from_date,
        coalesce(r.next_from, date '9999-12-31'), r.status
    from delivered d
    join status_rows r on r.unit_code = d.unit_code
)
where to_d > greatest(from_d, delivered_on);

-- kpi_vacancy_month_ends (V024): per building and month end X from the first delivery up to
-- `until` (default kpi_summary_state.aging_until), the delivered, vacant and occupied units on
-- X and the vacant ones with an inspection dated in X's month. A building and month end without
-- a delivered unit has no row.
create or replace macro kpi_vacancy_month_end_rows(buildings, until := null) as table
with spells as (
    select * from kpi_vacancy_spells(buildings)
),
ends as (
    select last_day(cast(m as date)) as snap_on
    from unnest(generate_series(
        (select date_trunc('month', min(from_d)) from spells),
        cast(coalesce(until, (select aging_until from kpi_summary_state where id = 1))
            as timestamp),
        interval 1 month)) t(m)
),
-- units per building and status on any day: a running sum of spells starting (+1) and ending
-- (-1), read on each month end by an as-of join (the last change on or before it)
running as (
    select building_code, status, day,
        sum(sum(delta)) over (partition by building_code, status order by day) as units
    from (
        select building_code, status, from_d as day, 1 as delta from spells
        union all
        select building_code, status, to_d, -1 from spells where to_d < date '9999-12-31'
    )
    group by building_code, status, day
),
counts as (
    select n.snap_on, k.building_code,
        sum(r.units) as delivered_units,
        coalesce(sum(r.units) filter (where k.status = 'vacant'), 0) as vacant_units,
        coalesce(sum(r.units) filter (where k.status = 'occupied'), 0) as occupied_units
    from ends n
    cross join (select distinct building_code, status from running) k
    asof join running r on r.building_code = k.building_code and r.status = k.status
        and r.day <= n.snap_on
    group by n.snap_on, k.building_code
),
covered as (
    select i.snap_on, v.building_code, count(*) as covered_units
    from (
        select distinct unit_code, last_day(inspected_on) as snap_on
        from vacancy_inspections
        where buildings is null or unit_code in (select unit_code from spells)
    ) i
    join spells v on v.unit_code = i.unit_code and v.status = 'vacant'
        and v.from_d <= i.snap_on and v.to_d > i.snap_on
    group by i.snap_on, v.building_code
)
select c.building_code, c.snap_on, cast(c.delivered_units as integer) as delivered_units,
    cast(c.vacant_units as integer) as vacant_units,
    cast(c.occupied_units as integer) as occupied_units,
    cast(coalesce(v.covered_units, 0) as integer) as covered_units
from counts c
left join covered v on v.snap_on = c.snap_on and v.building_code = c.building_code
where c.delivered_units > 0;

-- kpi_move_in_days (V024): per building and day, the move-ins of KPI.md: status rows
-- `occupied` of units delivered on or before their from_date whose previous status (the unit's
-- row before, or vacant if none) was not `occupied`.
create or replace macro kpi_move_in_day_rows(buildings) as table
select u.building_code, s.from_date as day, cast(count(*) as integer) as move_ins
from (
    select unit_code, from_date, status,
        coalesce(lag(status) over (partition by unit_code order by from_date), 'vacant')
            as previous_status
    from unit_status
    where buildings is null or unit_code in (
        select unit_code from units where list_contains(buildings, building_code))
) s
join units u on u.unit_code = s.unit_code
where s.status = 'occupied' and s.previous_status <> 'occupied'
    and u.delivered_on <= s.from_date
group by u.building_code, s.from_date;

create or replace macro kpi_vacancy(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler'], figures := null) as table
with periods as (
    select p.*, least(p.p_end, cast(as_of as date)) as snap_on
    from kpi_periods(grain, from_period, to_period) p
),
-- the months of each period that begin on or before D, with their own snapshot day
months as (
    select
        p.p_start,
        cast(m.month_start as date) as m_start,
        least(cast(m.month_start + interval 1 month - interval 1 day as date),
            cast(as_of as date)) as m_snap
    from periods p,
        unnest(generate_series(p.p_start, p.p_end, interval 1 month)) as m(month_start)
    where cast(m.month_start as date) <= cast(as_of as date)
        -- inspections are monthly: no coverage for a week
        and grain <> 'week'
        -- nor when the caller does not read it (figures)
        and (figures is null or list_contains(figures, 'inspection_coverage'))
),
-- the snapshot days: a month end up to the stored horizon is read from kpi_vacancy_month_ends,
-- any other day X is "live": the stored month end b before it (at most the horizon; before
-- the first rebuild 0001-01-01, when nothing is stored) plus what changed in (b, X]
snap_days as (
    select snap_on as x from periods
    union
    select m_snap from months
),
horizon as (
    select coalesce(max(aging_until), date '0001-01-01') as h
    from kpi_summary_state
    where id = 1
),
stored_days as (
    select d.x
    from snap_days d, horizon
    where d.x = last_day(d.x) and d.x <= horizon.h
),
live_days as (
    select d.x, least(cast(date_trunc('month', d.x) as date) - 1, horizon.h) as b
    from snap_days d, horizon
    where not (d.x = last_day(d.x) and d.x <= horizon.h)
),
-- the units whose status on X may differ from that on b: a status row or their delivery in
-- (b, X]
changed as (
    select d.x, d.b, s.unit_code
    from live_days d
    join unit_status s on s.from_date > d.b and s.from_date <= d.x
    union
    select d.x, d.b, u.unit_code
    from live_days d
    join units u on u.delivered_on > d.b and u.delivered_on <= d.x
),
changed_status as (
    select unit_code, from_date, status
    from unit_status
    where unit_code in (select unit_code from changed)
),
-- their status on b and on X (null: not delivered yet): the status of the latest row on or
-- before each day (one row per unit and day: the primary key), both from one grouping of the
-- unit's rows up to X. Against two as-of joins, 36 months at 500,000 units (4,090 units changed
-- since the last month end), A/B in one process, ten runs each, identical rows for month,
-- quarter and week: by month and estate about 93 -> 80 ms, by building 160 -> 125, by butler
-- 170 -> 143.
status_at as (
    select c.x, c.b, c.unit_code,
        arg_max(s.status, s.from_date) filter (where s.from_date <= c.b) as sb,
        arg_max(s.status, s.from_date) filter (where s.from_date <= c.x) as sx
    from changed c
    left join changed_status s on s.unit_code = c.unit_code and s.from_date <= c.x
    group by c.x, c.b, c.unit_code
),
status_change as (
    select a.x, a.unit_code, u.building_code,
        case when u.delivered_on <= a.b then coalesce(a.sb, 'vacant') end as st_b,
        case when u.delivered_on <= a.x then coalesce(a.sx, 'vacant') end as st_x
    from status_at a
    join units u on u.unit_code = a.unit_code
),
-- inspection coverage of a month: of the units vacant on its snapshot day, those inspected in
-- the month up to it. A month end is stored; on a live day X (the month containing D), the units
-- inspected in the month up to X: one whose status or delivery did not change in (b, X] (not in
-- status_change) has on X the status it had on the day it was inspected, stored with the
-- inspection (vacancy_inspections.vacant_then, V028: delivered and vacant that day); the others
-- have their status on X from status_change. Against reading the status rows of every
-- inspected unit, 36 months at 500,000 units, A/B: by month and estate 263 -> 192 ms, by year
-- and butler 353 -> 267 ms, identical rows.
-- The inspection carries its unit's building (V036, sql/README.md "Record buildings"): no join
-- of all 500,000 units to find it (A/B in one process, identical rows: by month and estate
-- about 150 -> 125 ms, by building and butler about 30 ms less).
inspected_live as (
    select m.m_snap, i.unit_code, i.building_code, bool_or(i.vacant_then) as vacant_then
    from months m
    join live_days d on d.x = m.m_snap
    join vacancy_inspections i on i.inspected_on between m.m_start and m.m_snap
    group by m.m_snap, i.unit_code, i.building_code
),
-- units per building on each live day X (a building's rows add up): the stored month end b
-- before it, the changes in (b, X], and the vacant units inspected in X's month up to X
live_counts as (
    select d.x, m.building_code, m.delivered_units, m.vacant_units, m.occupied_units,
        0 as covered_units
    from live_days d
    join kpi_vacancy_month_ends m on m.snap_on = d.b
    union all
    select x, building_code,
        count(st_x) - count(st_b),
        count(*) filter (where st_x = 'vacant') - count(*) filter (where st_b = 'vacant'),
        count(*) filter (where st_x = 'occupied') - count(*) filter (where st_b = 'occupied'),
        0
    from status_change
    group by x, building_code
    union all
    select i.m_snap, i.building_code, 0, 0, 0, count(*)
    from inspected_live i
    left join status_change c on c.x = i.m_snap and c.unit_code = i.unit_code
    where case when c.unit_code is null then i.vacant_then else c.st_x = 'vacant' end
    group by i.m_snap, i.building_code
),
-- units per building on each snapshot day, with the vacant ones inspected in the day's month up
-- to it (read for the months' snapshot days only): a stored day's rows as they are (one per
-- building), only a live day's summed (against grouping the stored rows too, 36 months at
-- 500,000 units, A/B: by month and estate 114 -> 103 ms, by quarter and building 218 -> 209,
-- identical rows)
building_counts as (
    select m.snap_on, m.building_code, m.delivered_units, m.vacant_units, m.occupied_units,
        m.covered_units
    from stored_days d
    join kpi_vacancy_month_ends m on m.snap_on = d.x
    union all
    select x, building_code, sum(delivered_units), sum(vacant_units), sum(occupied_units),
        sum(covered_units)
    from live_counts
    group by x, building_code
),
-- the rows summed per scope object and period, in one grouping, each with the day that gives
-- its butler: the units on the period's snapshot day, which is also the snapshot day of its last
-- month beginning on or before D (least(end, D)), with that month's vacant units and those of
-- them inspected (coverage); the same of the period's earlier months (quarters and years) on
-- their own days; the move-ins per day (the period of a day is the one starting on
-- date_trunc(grain, day); weeks: Monday). A period without a month beginning on or before D has
-- no coverage (NULL), nor one whose coverage is not read (months: none).
building_rows as (
    select p.p_start, u.building_code, p.snap_on as scope_on, u.delivered_units,
        u.vacant_units, u.occupied_units,
        case when m.m_snap is not null then u.covered_units end as covered_n,
        case when m.m_snap is not null then u.vacant_units end as vacant_n,
        cast(null as bigint) as move_ins
    from periods p
    join building_counts u on u.snap_on = p.snap_on
    left join months m on m.p_start = p.p_start and m.m_snap = p.snap_on
    union all
    select m.p_start, u.building_code, m.m_snap, null, null, null, u.covered_units,
        u.vacant_units, null
    from months m
    join periods p on p.p_start = m.p_start and m.m_snap < p.snap_on
    join building_counts u on u.snap_on = m.m_snap
    union all
    select cast(date_trunc(grain, r.day) as date), r.building_code, r.day, null, null, null,
        null, null, r.move_ins
    from kpi_move_in_days r
    where r.day <= cast(as_of as date)
        and r.day >= (select min(p_start) from periods)
        and (figures is null or list_contains(figures, 'move_ins'))
),
-- the rows summed per scope object and period; a building's own rows without the join with its
-- link (36 months at 500,000 units, A/B by month and building 243 -> 220 ms, by year 167 -> 129,
-- identical rows). Each branch has a filter on the parameters alone, which DuckDB folds: the ones
-- not asked for are dropped while planning, and a CTE read by one branch only is not
-- materialised (by month and building 190 -> 179 ms, by quarter 117 -> 109, A/B, same rows).
-- By quarter and year a building has a row per month of the period besides the period's own
-- (coverage) and its move-in days: the estates and clusters, whose links hold on every day,
-- join the per-building sums (per_building) instead, a twelfth of the rows by year (A/B, same
-- rows: by year and estate 155 -> 113 ms, by cluster 138 -> 100, by quarter and cluster
-- 158 -> 137); by month (and week) the rows are about one per building and period already, and
-- summing them first cost more than it saved, so the estates, clusters and butlers join the rows
-- as they are. The butlers' links hold on days, so they always join the rows with their days.
per_building as (
    select r.building_code, r.p_start,
        sum(r.delivered_units) as delivered_units,
        sum(r.vacant_units) as vacant_units,
        sum(r.occupied_units) as occupied_units,
        sum(r.covered_n) as covered_n,
        sum(r.vacant_n) as vacant_n,
        sum(r.move_ins) as move_ins
    from building_rows r
    where list_contains(scopes, 'building')
        or (list_has_any(scopes, ['estate', 'cluster']) and grain in ('quarter', 'year'))
    group by r.building_code, r.p_start
),
by_scope as (
    select 'building' as scope, c.building_code as scope_code, c.* exclude (building_code)
    from per_building c
    where list_contains(scopes, 'building')
    union all
    select l.scope, l.scope_code, c.p_start,
        sum(columns(c.* exclude (building_code, p_start)))
    from per_building c
    join kpi_scope_links l on l.building_code = c.building_code
        and list_contains(scopes, l.scope) and l.scope in ('estate', 'cluster')
    where list_has_any(scopes, ['estate', 'cluster']) and grain in ('quarter', 'year')
    group by l.scope, l.scope_code, c.p_start
    union all
    -- the butlers, and by month (and week) the estates and clusters: the rows with their days
    select l.scope, l.scope_code, r.p_start,
        sum(columns(r.* exclude (p_start, building_code, scope_on)))
    from building_rows r
    join kpi_scope_links l on l.building_code = r.building_code
        and list_contains(scopes, l.scope)
        and (l.scope = 'butler'
            or (l.scope in ('estate', 'cluster') and grain not in ('quarter', 'year')))
        and r.scope_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
        or (list_has_any(scopes, ['estate', 'cluster']) and grain not in ('quarter', 'year'))
    group by l.scope, l.scope_code, r.p_start
),
-- every scope object and period; the sums are keyed by the period's first day (a date
-- hashes and compares cheaper than its text: by month and butler 192-266 -> 174-219 ms)
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
        -- counts as BIGINT, not the HUGEINT of a sum: fetched as a Java long, not a BigInteger
        cast(coalesce(c.delivered_units, 0) as bigint) as delivered_units,
        cast(coalesce(c.vacant_units, 0) as bigint) as vacant_units,
        kpi_div4(c.vacant_units, c.delivered_units) as vacancy_rate,
        kpi_div4(c.occupied_units, c.delivered_units) as occupancy_rate,
        case when figures is null or list_contains(figures, 'move_ins')
            then cast(coalesce(c.move_ins, 0) as bigint) end as move_ins,
        kpi_div4(c.covered_n, c.vacant_n) as inspection_coverage
    from grid g
    left join by_scope c
        on c.scope = g.scope and c.scope_code = g.scope_code and c.p_start = g.p_start
)
select * from final;

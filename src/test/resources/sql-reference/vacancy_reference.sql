-- The statement-level kpi_vacancy kept as kpi_vacancy_reference: KpiSummaryMaintenanceTest compares
-- the stored-row version of sql/vacancy.sql with it after random writes.
-- Grain: one row per scope object per period. kpi_vacancy(as_of, grain, from_period,
-- to_period) as in collection.sql. Snapshots at the end of P are taken on min(end of P, D).
-- Status of a unit on day X: its latest unit_status row with from_date <= X; a delivered unit
-- without one is vacant. Inspection coverage of a quarter or year sums the numerators and
-- denominators of its months that begin on or before D.
-- Butler: the butler of the unit's cluster on the snapshot day (move-ins: on from_date).
create or replace macro kpi_vacancy_reference(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with periods as (
    select p.*, least(p.p_end, cast(as_of as date)) as snap_on
    from kpi_periods(grain, from_period, to_period) p
),
-- the months of each period that begin on or before D, with their own snapshot day
months as (
    select
        p.period,
        cast(m.month_start as date) as m_start,
        least(cast(m.month_start + interval 1 month - interval 1 day as date),
            cast(as_of as date)) as m_snap
    from periods p,
        unnest(generate_series(p.p_start, p.p_end, interval 1 month)) as m(month_start)
    where cast(m.month_start as date) <= cast(as_of as date)
        -- inspections are monthly: no coverage for a week
        and grain <> 'week'
),
delivered as (
    select unit_code, building_code, delivered_on
    from units
    where delivered_on is not null
),
-- every delivered unit's status spells [from_d, to_d): from its delivery day, the status of its
-- latest status row (vacant before the first), until the next row. On a day X the unit counts
-- with the status of the one spell containing X (none before delivery). KPI.md's "latest row
-- with from_date <= X" is the spell containing X (one row per unit and day: primary key).
-- (previous_status, for the move-ins below, comes from the same sort)
status_rows_all as (
    select
        s.unit_code,
        s.from_date,
        s.status,
        lead(s.from_date) over w as next_from,
        coalesce(lag(s.status) over w, 'vacant') as previous_status
    from unit_status s
    window w as (partition by s.unit_code order by s.from_date)
),
spells as (
    select unit_code, building_code, status, greatest(from_d, delivered_on) as from_d, to_d
    from (
        select d.unit_code, d.building_code, d.delivered_on, date '0001-01-01' as from_d,
            coalesce(min(r.from_date), date '9999-12-31') as to_d, 'vacant' as status
        from delivered d
        left join status_rows_all r on r.unit_code = d.unit_code
        group by d.unit_code, d.building_code, d.delivered_on
        union all
        select d.unit_code, d.building_code, d.delivered_on, r.from_date,
            coalesce(r.next_from, date '9999-12-31'), r.status
        from delivered d
        join status_rows_all r on r.unit_code = d.unit_code
    )
    where to_d > greatest(from_d, delivered_on)
),
-- units per building and status on any day: a running sum of spells starting (+1) and ending
-- (-1), read on each snapshot day by an as-of join (the last change on or before it)
-- (the changes before the first snapshot day matter only as their sum: they are folded into
-- one row per building and status on the day before it)
running as (
    select building_code, status, day,
        sum(sum(delta)) over (partition by building_code, status order by day) as units
    from (
        select building_code, status, greatest(day, (select min(snap_on) - 1 from (
                select snap_on from periods union all select m_snap from months))) as day,
            delta
        from (
            select building_code, status, from_d as day, 1 as delta from spells
            union all
            select building_code, status, to_d, -1 from spells where to_d < date '9999-12-31'
        )
    )
    group by building_code, status, day
),
-- on the periods' snapshot days and the months' (for inspection coverage)
counts_on as (
    select x.snap_on, k.building_code, k.status, coalesce(r.units, 0) as units
    from (select snap_on from periods union select m_snap from months) x
    cross join (select distinct building_code, status from running) k
    asof left join running r on r.building_code = k.building_code and r.status = k.status
        and r.day <= x.snap_on
),
snap_counts as (
    select
        l.scope,
        l.scope_code,
        p.period,
        sum(u.units) as delivered_units,
        coalesce(sum(u.units) filter (where u.status = 'vacant'), 0) as vacant_units,
        coalesce(sum(u.units) filter (where u.status = 'occupied'), 0) as occupied_units
    from periods p
    join counts_on u on u.snap_on = p.snap_on
    join kpi_scope_links l on l.building_code = u.building_code
        and list_contains(scopes, l.scope)
        and p.snap_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, p.period
),
status_rows as (
    select
        s.unit_code,
        u.building_code,
        u.delivered_on,
        s.from_date,
        s.status,
        s.previous_status
    from status_rows_all s
    join units u on u.unit_code = s.unit_code
    where s.from_date <= cast(as_of as date)
        and s.from_date >= (select min(p_start) from periods)
),
move_ins as (
    select l.scope, l.scope_code, p.period, count(*) as move_ins
    from status_rows r
    -- the period of a day is the one starting on date_trunc(grain, day) (weeks: Monday)
    join periods p on p.p_start = cast(date_trunc(grain, r.from_date) as date)
    join kpi_scope_links l on l.building_code = r.building_code
        and list_contains(scopes, l.scope)
        and r.from_date between l.valid_from and l.valid_to
    where r.status = 'occupied' and r.previous_status <> 'occupied'
        and r.delivered_on <= r.from_date
    group by l.scope, l.scope_code, p.period
),
-- inspection coverage of a month: of the units vacant on its snapshot day, those inspected in
-- the month up to it (an inspection dated on or before D in the month is on or before its
-- snapshot day). The vacant units per building come from the running sums above; the
-- inspected ones from each unit's inspected months and the vacant spell containing the
-- snapshot day (a unit has at most one). Counted per building and month before the scopes.
inspected_months as (
    select distinct unit_code, cast(date_trunc('month', inspected_on) as date) as m_start
    from vacancy_inspections
    where inspected_on <= cast(as_of as date)
        and inspected_on >= (select min(m_start) from months)
),
covered_counts as (
    select m.period, v.building_code, m.m_snap, count(*) as covered_n
    from inspected_months i
    join months m on m.m_start = i.m_start
    join spells v on v.unit_code = i.unit_code and v.status = 'vacant'
        and v.from_d <= m.m_snap and v.to_d > m.m_snap
    group by m.period, v.building_code, m.m_snap
),
vacant_counts as (
    select m.period, c.building_code, m.m_snap, c.units as vacant_n
    from months m
    join counts_on c on c.snap_on = m.m_snap and c.status = 'vacant'
    where c.units > 0
),
coverage as (
    select
        l.scope,
        l.scope_code,
        v.period,
        coalesce(sum(c.covered_n), 0) as covered_n,
        sum(v.vacant_n) as vacant_n
    from vacant_counts v
    left join covered_counts c on c.period = v.period and c.building_code = v.building_code
        and c.m_snap = v.m_snap
    join kpi_scope_links l on l.building_code = v.building_code
        and list_contains(scopes, l.scope)
        and v.m_snap between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, v.period
),
grid as (
    select s.scope, s.scope_code, p.period
    from kpi_scopes s
    cross join periods p
    where list_contains(scopes, s.scope)
),
final as (
    select
        g.scope,
        g.scope_code,
        g.period,
        coalesce(c.delivered_units, 0) as delivered_units,
        coalesce(c.vacant_units, 0) as vacant_units,
        kpi_div4(c.vacant_units, c.delivered_units) as vacancy_rate,
        kpi_div4(c.occupied_units, c.delivered_units) as occupancy_rate,
        coalesce(m.move_ins, 0) as move_ins,
        kpi_div4(v.covered_n, v.vacant_n) as inspection_coverage
    from grid g
    left join snap_counts c
        on c.scope = g.scope and c.scope_code = g.scope_code and c.period = g.period
    left join move_ins m
        on m.scope = g.scope and m.scope_code = g.scope_code and m.period = g.period
    left join coverage v
        on v.scope = g.scope and v.scope_code = g.scope_code and v.period = g.period
    order by g.scope, g.scope_code, g.period
)
select * from final;

-- Vacancy and occupancy (KPI.md "Vacancy and occupancy"; dataset `vacancy`).
-- Grain: one row per scope object per period. kpi_vacancy(as_of, grain, from_period,
-- to_period) as in collection.sql. Snapshots at the end of P are taken on min(end of P, D).
-- Status of a unit on day X: its latest unit_status row with from_date <= X; a delivered unit
-- without one is vacant. Inspection coverage of a quarter or year sums the numerators and
-- denominators of its months that begin on or before D.
-- Butler: the butler of the unit's cluster on the snapshot day (move-ins: on from_date).
create or replace macro kpi_vacancy(as_of, grain, from_period, to_period) as table
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
-- status of every delivered unit on a day
status_on as (
    select
        d.unit_code,
        d.building_code,
        x.day,
        coalesce(arg_max(s.status, s.from_date), 'vacant') as status
    from (
        select snap_on as day from periods
        union
        select m_snap from months
    ) x
    join delivered d on d.delivered_on <= x.day
    left join unit_status s on s.unit_code = d.unit_code and s.from_date <= x.day
    group by d.unit_code, d.building_code, x.day
),
snap_counts as (
    select
        l.scope,
        l.scope_code,
        p.period,
        count(*) as delivered_units,
        count(*) filter (where u.status = 'vacant') as vacant_units,
        count(*) filter (where u.status = 'occupied') as occupied_units
    from periods p
    join status_on u on u.day = p.snap_on
    join kpi_scope_links l on l.building_code = u.building_code
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
        coalesce(lag(s.status) over (partition by s.unit_code order by s.from_date), 'vacant')
            as previous_status
    from unit_status s
    join units u on u.unit_code = s.unit_code
    where s.from_date <= cast(as_of as date)
),
move_ins as (
    select l.scope, l.scope_code, p.period, count(*) as move_ins
    from status_rows r
    join periods p on r.from_date between p.p_start and p.p_end
    join kpi_scope_links l on l.building_code = r.building_code
        and r.from_date between l.valid_from and l.valid_to
    where r.status = 'occupied' and r.previous_status <> 'occupied'
        and r.delivered_on <= r.from_date
    group by l.scope, l.scope_code, p.period
),
inspected as (
    select
        m.period,
        u.unit_code,
        u.building_code,
        m.m_snap,
        exists (
            select 1
            from vacancy_inspections i
            where i.unit_code = u.unit_code and i.inspected_on between m.m_start and m.m_snap
        ) as covered
    from months m
    join status_on u on u.day = m.m_snap and u.status = 'vacant'
),
coverage as (
    select
        l.scope,
        l.scope_code,
        i.period,
        count(*) filter (where i.covered) as covered_n,
        count(*) as vacant_n
    from inspected i
    join kpi_scope_links l on l.building_code = i.building_code
        and i.m_snap between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, i.period
),
grid as (
    select s.scope, s.scope_code, p.period
    from kpi_scopes s
    cross join periods p
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

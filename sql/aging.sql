-- Arrears and aging (KPI.md "Fees and collection": arrears as of D, aging, households in
-- arrears; dataset `aging`).
-- Grain: one row per scope object per snapshot date. kpi_aging(as_of, grain, from_period,
-- to_period): with grain NULL one snapshot on as_of (period empty); else one snapshot per
-- period of the grain, taken on min(end of period, D) (KPI.md "Rows": every period has its
-- row; one that begins after D has D's figures, as_of = D).
-- scopes (named, optional): the scope kinds to compute, default all four (sql/README.md).
-- Butler: the butler assigned to the unit's cluster on the snapshot date.
create or replace macro kpi_aging(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with snaps as (
    select cast(null as varchar) as period, cast(as_of as date) as snap_on
    where grain is null
    union all
    select p.period, least(p.p_end, cast(as_of as date)) as snap_on
    from kpi_periods(coalesce(grain, 'month'), coalesce(from_period, '2000-01'),
        coalesce(to_period, '2000-01')) p
    where grain is not null
),
-- a snapshot on a month end up to kpi_summary_state.aging_until is read from
-- kpi_aging_month_ends (V023, kpi_aging_month_end_rows in sql/fee_summary.sql: the same sums
-- as below, which do not depend on D >= X); the others (D itself in the middle of a month, or
-- beyond aging_until) are computed here
stored_snaps as (
    -- distinct: the periods after D share the snapshot on D
    select distinct n.snap_on
    from snaps n
    where n.snap_on = last_day(n.snap_on)
        and n.snap_on <= (select max(aging_until) from kpi_summary_state where id = 1)
),
live_snaps as (
    select snap_on from snaps
    except
    select snap_on from stored_snaps
),
-- statements and allocations pre-grouped per building (V020, sql/fee_summary.sql). A
-- statement counts on snapshot day X from start_day = greatest(issued_on, due_on + 1), i.e.
-- issued_on <= X and due_on < X; its outstanding on X is its amount minus the allocations dated
-- on or before X: those of the months before X's month, and of X's month either the whole
-- month (X is a month end) or the days up to X. Outstanding is never negative, so summing it
-- per building over statements (paid ones add 0) gives the old per-statement sums.
billed as (
    select building_code, due_on, greatest(issued_on, due_on + 1) as start_day, amount
    from kpi_fee_billed
    where issued_on <= cast(as_of as date)
),
-- (not regrouped without issued_on and period: that saved few rows and cost as much as the rest
-- of a snapshot; owed groups them anyway)
paid_month as (
    select building_code, due_on, greatest(issued_on, due_on + 1) as start_day, a_month, amount
    from kpi_fee_paid_month
    where issued_on <= cast(as_of as date)
        and a_month <= cast(as_of as date)
),
-- the snapshot on D when it is live (D inside a month: every query as of today): the statements
-- open now (kpi_fee_open: billed less every allocation, per building, issued_on and due_on)
-- plus what was paid on them after D; any other live day (weeks, month ends past the stored
-- ones) from every statement and allocation
live_d as (
    select snap_on from live_snaps where snap_on = cast(as_of as date)
),
owed_parts as (
    select cast(as_of as date) as snap_on, o.building_code, o.due_on, o.amount
    from kpi_fee_open o
    where exists (select 1 from live_d)
        and o.issued_on <= cast(as_of as date)
        and greatest(o.issued_on, o.due_on + 1) <= cast(as_of as date)
    union all
    select cast(as_of as date), p.building_code, p.due_on, p.amount
    from kpi_fee_paid_after(as_of) p
    where exists (select 1 from live_d)
        and p.issued_on <= cast(as_of as date)
        and greatest(p.issued_on, p.due_on + 1) <= cast(as_of as date)
    union all
    select n.snap_on, b.building_code, b.due_on, b.amount
    from live_snaps n
    join billed b on b.start_day <= n.snap_on
    where n.snap_on <> cast(as_of as date)
    union all
    select n.snap_on, p.building_code, p.due_on, -p.amount
    from live_snaps n
    join paid_month p on p.start_day <= n.snap_on
        and (p.a_month < date_trunc('month', n.snap_on)
            or (p.a_month = date_trunc('month', n.snap_on) and n.snap_on = last_day(n.snap_on)))
    where n.snap_on <> cast(as_of as date)
    union all
    select n.snap_on, d.building_code, d.due_on, -d.amount
    from live_snaps n
    join kpi_fee_paid_day d on n.snap_on <> last_day(n.snap_on)
        and d.allocated_on >= date_trunc('month', n.snap_on) and d.allocated_on <= n.snap_on
        and greatest(d.issued_on, d.due_on + 1) <= n.snap_on
    -- only a week end is a day inside a month other than D (a period's snapshot is its last day
    -- or D): for the other grains DuckDB drops this part unread (7.5 million day rows at
    -- 500,000 units)
    where coalesce(grain, 'month') = 'week' and n.snap_on <> cast(as_of as date)
),
owed as (
    select snap_on, building_code, date_diff('day', due_on, snap_on) as days_overdue,
        sum(amount) as outstanding
    from owed_parts
    group by all
),
-- units owing on the snapshot day: their arrears spells cover it
households as (
    select n.snap_on, h.building_code, sum(h.units) as units
    from live_snaps n
    join kpi_arrears_spells h on h.from_day <= n.snap_on and h.to_day > n.snap_on
    group by all
),
by_building as (
    select
        o.snap_on,
        o.building_code,
        sum(o.outstanding) filter (where kpi_aging_bucket(o.days_overdue) = 1) as b1,
        sum(o.outstanding) filter (where kpi_aging_bucket(o.days_overdue) = 2) as b2,
        sum(o.outstanding) filter (where kpi_aging_bucket(o.days_overdue) = 3) as b3,
        sum(o.outstanding) filter (where kpi_aging_bucket(o.days_overdue) = 4) as b4,
        sum(o.outstanding) filter (where kpi_aging_bucket(o.days_overdue) = 5) as b5,
        sum(o.outstanding) as arrears,
        0 as households
    from owed o
    group by all
    union all
    select snap_on, building_code, 0, 0, 0, 0, 0, 0, units
    from households
    union all
    select m.snap_on, m.building_code, m.b1, m.b2, m.b3, m.b4, m.b5, m.arrears, m.households
    from kpi_aging_month_ends m
    join stored_snaps n on n.snap_on = m.snap_on
),
by_scope as (
    select
        l.scope,
        l.scope_code,
        o.snap_on,
        sum(o.b1) as b1,
        sum(o.b2) as b2,
        sum(o.b3) as b3,
        sum(o.b4) as b4,
        sum(o.b5) as b5,
        sum(o.arrears) as arrears,
        sum(o.households) as households
    from by_building o
    join kpi_scope_links l on l.building_code = o.building_code
        and list_contains(scopes, l.scope)
        and o.snap_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, o.snap_on
),
final as (
    select
        s.scope,
        s.scope_code,
        strftime(n.snap_on, '%Y-%m-%d') as as_of,
        cast(coalesce(b.b1, 0) as decimal(18,2)) as bucket_1_30,
        cast(coalesce(b.b2, 0) as decimal(18,2)) as bucket_31_90,
        cast(coalesce(b.b3, 0) as decimal(18,2)) as bucket_91_180,
        cast(coalesce(b.b4, 0) as decimal(18,2)) as bucket_181_365,
        cast(coalesce(b.b5, 0) as decimal(18,2)) as bucket_over_365,
        cast(coalesce(b.arrears, 0) as decimal(18,2)) as arrears,
        cast(coalesce(b.households, 0) as bigint) as households_in_arrears,
        n.period
    from kpi_scopes s
    cross join snaps n
    left join by_scope b
        on b.scope = s.scope and b.scope_code = s.scope_code and b.snap_on = n.snap_on
    where list_contains(scopes, s.scope)
)
select * from final;

-- Arrears and aging (KPI.md "Fees and collection": arrears as of D, aging, households in
-- arrears; dataset `aging`).
-- Grain: one row per scope object per snapshot date. kpi_aging_reference(as_of, grain, from_period,
-- to_period): with grain NULL one snapshot on as_of (period empty); else one snapshot per
-- period of the grain, taken on min(end of period, D) (one that begins after D: on D).
-- Butler: the butler assigned to the unit's cluster on the snapshot date.
create or replace macro kpi_aging_reference(as_of, grain, from_period, to_period) as table
with snaps as (
    select cast(null as varchar) as period, cast(as_of as date) as snap_on
    where grain is null
    union all
    select p.period, least(p.p_end, cast(as_of as date)) as snap_on
    from kpi_periods(coalesce(grain, 'month'), coalesce(from_period, '2000-01'),
        coalesce(to_period, '2000-01')) p
    where grain is not null
),
stmts as (
    select s.statement_no, s.unit_code, u.building_code, s.amount, s.issued_on, s.due_on
    from statements s
    join units u on u.unit_code = s.unit_code
    where s.issued_on <= cast(as_of as date)
),
alloc as (
    select a.statement_no, a.allocated_on, a.amount
    from payment_allocations a
    join stmts s on s.statement_no = a.statement_no
    where a.allocated_on <= cast(as_of as date)
),
-- the day each statement was paid in full as of D (allocations never exceed the amount, so
-- it is the day of the last allocation once they sum to the amount): a snapshot then joins
-- only the statements still open on it instead of every statement ever issued
paid_off as (
    select a.statement_no, max(a.allocated_on) as paid_off_on
    from alloc a
    join stmts s on s.statement_no = a.statement_no
    group by a.statement_no, s.amount
    having sum(a.amount) >= s.amount
),
open_on as (
    select
        n.period,
        n.snap_on,
        s.statement_no,
        s.unit_code,
        s.building_code,
        s.amount,
        date_diff('day', s.due_on, n.snap_on) as days_overdue
    from snaps n
    join stmts s on s.issued_on <= n.snap_on and s.due_on < n.snap_on
    left join paid_off p on p.statement_no = s.statement_no
    where p.paid_off_on is null or p.paid_off_on > n.snap_on
),
owed as (
    select
        o.period,
        o.snap_on,
        o.unit_code,
        o.building_code,
        o.days_overdue,
        o.amount - coalesce(sum(a.amount), 0) as outstanding
    from open_on o
    left join alloc a on a.statement_no = o.statement_no and a.allocated_on <= o.snap_on
    group by o.period, o.snap_on, o.statement_no, o.unit_code, o.building_code,
        o.days_overdue, o.amount
    having o.amount - coalesce(sum(a.amount), 0) > 0
),
by_scope as (
    select
        l.scope,
        l.scope_code,
        o.period,
        o.snap_on,
        sum(o.outstanding) filter (where o.days_overdue between 1 and 30) as b1,
        sum(o.outstanding) filter (where o.days_overdue between 31 and 90) as b2,
        sum(o.outstanding) filter (where o.days_overdue between 91 and 180) as b3,
        sum(o.outstanding) filter (where o.days_overdue between 181 and 365) as b4,
        sum(o.outstanding) filter (where o.days_overdue > 365) as b5,
        sum(o.outstanding) as arrears,
        count(distinct o.unit_code) as households
    from owed o
    join kpi_scope_links l on l.building_code = o.building_code
        and o.snap_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, o.period, o.snap_on
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
        coalesce(b.households, 0) as households_in_arrears,
        n.period
    from kpi_scopes s
    cross join snaps n
    left join by_scope b
        on b.scope = s.scope and b.scope_code = s.scope_code and b.snap_on = n.snap_on
        and b.period is not distinct from n.period
    order by s.scope, s.scope_code, n.snap_on, n.period
)
select * from final;

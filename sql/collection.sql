-- Fees and collection (KPI.md "Fees and collection", dataset `collection`).
-- Grain: one row per scope object (estate, cluster, building, butler) per period of the grain.
-- kpi_collection(as_of, grain, from_period, to_period): as_of = D (a date); grain = 'month',
-- 'quarter' or 'year'; from_period/to_period = 'yyyy-MM' (the periods containing them).
-- Allocations come from payment_allocations (the application's allocation engine).
-- Butler: billed/collected count for the butler of the unit's cluster on the statement's
-- issued_on; opening arrears and their recovery for the butler on the first day of P (or D).
create or replace macro kpi_collection(as_of, grain, from_period, to_period) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
-- a statement issued after D does not exist as of D
stmts as (
    select
        s.statement_no,
        u.building_code,
        s.amount,
        s.issued_on,
        s.due_on,
        cast(strptime(s.period || '-01', '%Y-%m-%d') as date) as period_month
    from statements s
    join units u on u.unit_code = s.unit_code
    where s.issued_on <= cast(as_of as date)
),
alloc as (
    select a.statement_no, a.allocated_on, a.amount
    from payment_allocations a
    where a.allocated_on <= cast(as_of as date)
),
billed_rows as (
    select
        p.period,
        s.statement_no,
        s.building_code,
        s.issued_on as scope_on,
        s.amount,
        coalesce(sum(a.amount) filter (
            where a.allocated_on <= least(p.p_end, cast(as_of as date))), 0) as in_period,
        coalesce(sum(a.amount), 0) as to_date
    from periods p
    join stmts s on s.period_month between p.p_start and p.p_end
    left join alloc a on a.statement_no = s.statement_no
    group by p.period, p.p_end, s.statement_no, s.building_code, s.issued_on, s.amount
),
opening_rows as (
    select
        p.period,
        s.statement_no,
        s.building_code,
        least(p.p_start, cast(as_of as date)) as scope_on,
        s.amount - coalesce(sum(a.amount) filter (where a.allocated_on < p.p_start), 0)
            as opening,
        coalesce(sum(a.amount) filter (
            where a.allocated_on between p.p_start and p.p_end), 0) as recovered
    from periods p
    join stmts s on s.due_on < p.p_start and s.issued_on < p.p_start
    left join alloc a on a.statement_no = s.statement_no
    group by p.period, p.p_start, s.statement_no, s.building_code, s.amount
),
billed_by_scope as (
    select
        l.scope,
        l.scope_code,
        b.period,
        sum(b.amount) as billed,
        sum(b.in_period) as collected_in_period,
        sum(b.to_date) as collected_to_date
    from billed_rows b
    join kpi_scope_links l on l.building_code = b.building_code
        and b.scope_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, b.period
),
opening_by_scope as (
    select
        l.scope,
        l.scope_code,
        o.period,
        sum(o.opening) as opening_arrears,
        sum(o.recovered) as arrears_recovered
    from opening_rows o
    join kpi_scope_links l on l.building_code = o.building_code
        and o.scope_on between l.valid_from and l.valid_to
    group by l.scope, l.scope_code, o.period
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
        cast(coalesce(b.billed, 0) as decimal(18,2)) as billed,
        cast(coalesce(b.collected_in_period, 0) as decimal(18,2)) as collected_in_period,
        kpi_div4(kpi_cents(b.collected_in_period), kpi_cents(b.billed)) as collection_rate,
        cast(coalesce(b.collected_to_date, 0) as decimal(18,2)) as collected_to_date,
        kpi_div4(kpi_cents(b.collected_to_date), kpi_cents(b.billed))
            as cumulative_collection_rate,
        cast(coalesce(o.opening_arrears, 0) as decimal(18,2)) as opening_arrears,
        cast(coalesce(o.arrears_recovered, 0) as decimal(18,2)) as arrears_recovered,
        kpi_div4(kpi_cents(o.arrears_recovered), kpi_cents(o.opening_arrears))
            as arrears_recovery_rate
    from grid g
    left join billed_by_scope b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.period = g.period
    left join opening_by_scope o
        on o.scope = g.scope and o.scope_code = g.scope_code and o.period = g.period
    order by g.scope, g.scope_code, g.period
)
select * from final;

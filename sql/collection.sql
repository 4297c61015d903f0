-- Fees and collection (KPI.md "Fees and collection", dataset `collection`).
-- Grain: one row per scope object (estate, cluster, building, butler) per period of the grain.
-- kpi_collection(as_of, grain, from_period, to_period): as_of = D (a date); grain = 'month',
-- 'quarter' or 'year'; from_period/to_period = 'yyyy-MM' (the periods containing them).
-- scopes (named, optional): the scope kinds to compute, default all four (sql/README.md).
-- figures (named, optional): the figure columns the caller reads, default all; the parts no
-- figure asked for are not computed and their columns are NULL (kpi_collection_part).
-- Extra column promise_kept_rate (KPI.md "promise kept rate"): collection actions with
-- promised_on in P (action_on on or before D) whose unit's statements overdue at action_on
-- are all paid by promised_on, counting allocations up to min(promised_on, D).
-- Allocations come from payment_allocations (the application's allocation engine), read through
-- the summary tables of sql/fee_summary.sql; promise kept reads kpi_promise_checks (and the
-- statements themselves only for a promise whose statements were issued after D).
-- Butler: billed/collected count for the butler of the unit's cluster on the statement's
-- issued_on; opening arrears and their recovery for the butler on the first day of P (or D).

-- Whether a caller who reads the columns `figures` (NULL: all) needs a part of kpi_collection:
-- 'billed' (billed and collected), 'opening' (opening arrears and their recovery) or
-- 'promises'. Constant once the parameters are bound, so DuckDB drops the parts not needed.
create or replace macro kpi_collection_part(figures, part) as
    figures is null or list_has_any(figures, case part
        when 'billed' then ['billed', 'collected_in_period', 'collection_rate',
            'collected_to_date', 'cumulative_collection_rate']
        when 'opening' then ['opening_arrears', 'arrears_recovered', 'arrears_recovery_rate']
        else ['promise_kept_rate'] end);

create or replace macro kpi_collection(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler'], figures := null) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
-- a statement issued after D does not exist as of D. k_month: the first month start m with
-- due_on < m and issued_on < m, i.e. from which the statement counts in opening arrears.
-- Statements and allocations come pre-grouped per building from the summary tables (V020,
-- sql/fee_summary.sql): per issued_on x period x due_on, allocations per month, and per day
-- only for the month of D (the allocations dated in it up to D); billed and collected from
-- kpi_fee_periods (V034) and recovered from kpi_fee_recovered (V030), less what is dated after D.
stmts as (
    select
        building_code,
        issued_on,
        period_month,
        amount,
        kpi_month_ceil(greatest(due_on, issued_on) + 1) as k_month
    from kpi_fee_billed
    where issued_on <= cast(as_of as date)
),
-- the allocations up to D, for the opening arrears of the period starts after stored_to (below)
paid as not materialized (
    select building_code, issued_on, period_month, due_on, a_month, amount
    from kpi_fee_paid_month
    where a_month < date_trunc('month', cast(as_of as date))
        and issued_on <= cast(as_of as date)
    union all
    select building_code, issued_on, period_month, due_on,
        cast(date_trunc('month', allocated_on) as date), amount
    from kpi_fee_paid_day
    where allocated_on >= date_trunc('month', cast(as_of as date))
        and allocated_on <= cast(as_of as date)
        and issued_on <= cast(as_of as date)
),
alloc as (
    select
        building_code,
        issued_on,
        period_month,
        k_month,
        a_month,
        -- from which period start the allocation is before the start (and its statement
        -- counts): kpi_month_ceil(allocated_on + 1) is the month after the allocation's
        greatest(cast(a_month + interval 1 month as date), k_month) as before_month,
        amount
    from (
        select *, kpi_month_ceil(greatest(due_on, issued_on) + 1) as k_month from paid
    )
),
-- the allocations dated after D (sql/fee_summary.sql kpi_fee_paid_after), which collected and
-- recovered subtract from the coarser tables that hold every allocation (kpi_fee_periods of V034
-- and kpi_fee_recovered of V030). As of today, few rows; as of a day long ago, what the month
-- rows were read for before. Not materialised, nor scanned once for both readers: each reads
-- the table with its own filters pushed into the scan (as of a past day, by month and building,
-- the recovered part's reader, which wants the days of D's month after D, skips the month rows
-- the collected part subtracts: A/B as of 2025-06-30 307 -> 266 ms, as of 2025-06-15 291 -> 270,
-- by quarter and every kind 316 -> 288; as of today the same; identical rows).
after_d as not materialized (
    select * from kpi_fee_paid_after(as_of)
),
-- billed, collected in period and collected to date per period month, building and issued_on:
-- one row per key of kpi_fee_periods (V034, sql/fee_summary.sql: the statements and their
-- allocations side by side, those collected in the period month's month, quarter and year
-- apart, issued by D), less the allocations dated after D (in the period when dated by its end).
-- Every period is answered from these small summaries, so each statement and allocation is read
-- once whatever the number of periods; the periods' months only (kpi_range_start/kpi_range_end,
-- common.sql), read by a scan filter. Not grouped here: billed_by_scope sums the rows per scope.
-- Against grouping kpi_fee_billed and kpi_fee_collected together in every query (before V034),
-- 36 months at 500,000 units: by month and building 330 -> 287 ms, by month and butler
-- 235 -> 188, by quarter and building 170 -> 136.
fee_base as (
    select cast(date_trunc(grain, period_month) as date) as p_start, building_code, issued_on,
        billed,
        case grain when 'month' then paid_in_month when 'quarter' then paid_in_quarter
            else paid_in_year end as in_period,
        paid as to_date
    from kpi_fee_periods
    where kpi_collection_part(figures, 'billed')
        and issued_on <= cast(as_of as date)
        and period_month >= kpi_range_start(grain, from_period)
        and period_month < kpi_range_end(grain, to_period)
    union all
    select cast(date_trunc(grain, period_month) as date), building_code, issued_on, 0,
        case when a_day < cast(date_trunc(grain, period_month) + to_months(case grain
            when 'month' then 1 when 'quarter' then 3 else 12 end) as date)
            then -amount else 0 end,
        -amount
    from after_d
    where kpi_collection_part(figures, 'billed')
        and issued_on <= cast(as_of as date)
        and period_month >= kpi_range_start(grain, from_period)
        and period_month < kpi_range_end(grain, to_period)
),
-- opening arrears at a period start S: billed with k_month on or before S less paid with
-- before_month on or before S (both are month starts). Up to stored_to, the first day of the
-- month after min(D, aging_until), that does not depend on D: it is the opening column of the
-- stored month end on the day before S (kpi_aging_month_ends, V025; zero without a row, and
-- stored_to is day one of ever before a first rebuild). Beyond it (a period after D, or after the
-- stored month ends) the moves after stored_to are added: each from the first period start on
-- or after its month (the periods are contiguous: date_trunc(grain, m - 1 day) plus one grain),
-- the earlier ones at the first, in a running sum over the periods per building.
-- Recovered: the allocations dated in the period (the period starting on
-- date_trunc(grain, a_month)) of statements counted at its start (k_month <= its start): from
-- kpi_fee_recovered (V030) with k_class <= the start (sql/fee_summary.sql
-- kpi_fee_recovery_class), less those dated after D. Such a statement was issued before the
-- start, so before D when the allocation is dated by D: the issued_on <= D rule holds by itself.
period_bounds as (
    select
        min(p.p_start) as first_start,
        max(p.p_start) as last_start,
        any_value(s.stored_to) as stored_to
    from periods p
    cross join (
        select cast(date_trunc('month', least(cast(as_of as date),
            coalesce(max(aging_until), date '0001-01-01')) + interval 1 day) as date) as stored_to
        from kpi_summary_state
        where id = 1
    ) s
),
-- read only when a period starts after stored_to: DuckDB skips the side of a join that an
-- empty one makes useless, here every statement and allocation row and their month arithmetic
opening_moves as (
    select building_code, k_month as on_month, amount from stmts
    where exists (select 1 from period_bounds where stored_to < last_start)
    union all
    select building_code, before_month, -amount from alloc
    where exists (select 1 from period_bounds where stored_to < last_start)
),
opening_buckets as (
    select
        m.building_code,
        greatest(cast(date_trunc(grain, cast(m.on_month - interval 1 day as date))
                + to_months(case grain when 'month' then 1 when 'quarter' then 3 else 12 end)
                as date), b.first_start) as p_start,
        sum(m.amount) as amount
    from opening_moves m
    cross join period_bounds b
    where m.on_month > b.stored_to and m.on_month <= b.last_start
    group by all
),
recovered_rows as (
    select p_start, building_code, sum(amount) as amount
    from (
        select cast(date_trunc(grain, a_month) as date) as p_start, building_code, amount
        from kpi_fee_recovered
        where kpi_collection_part(figures, 'opening')
            and k_class <= cast(date_trunc(grain, a_month) as date)
            and a_month >= kpi_range_start(grain, from_period)
            and a_month < kpi_range_end(grain, to_period)
        union all
        select p_start, building_code, -amount
        from (
            select cast(date_trunc(grain, a_day) as date) as p_start, building_code,
                kpi_month_ceil(greatest(due_on, issued_on) + 1) as k_month, amount
            from after_d
            where kpi_collection_part(figures, 'opening')
                and a_day >= kpi_range_start(grain, from_period)
                and a_day < kpi_range_end(grain, to_period)
        )
        where k_month <= p_start
    )
    group by p_start, building_code
),
-- every building and period start, for the running sums below
opening_grid as (
    select p.period, p.p_start, b.building_code
    from periods p
    cross join buildings b
    where kpi_collection_part(figures, 'opening')
),
-- Three kinds of rows, summed per scope below: the stored opening arrears of the period starts
-- up to stored_to (the month end rows of the day before each: a building without a row there
-- owes nothing, no row either; joined by day alone, not to every building and period first - at
-- 500,000 units by month and building 230 -> 208 ms), the running sums of the later starts (the
-- window runs over those alone: none as of today), and the recovered amounts. The butler's day
-- is least(period start, D) for all three.
opening_rows as (
    select
        g.p_start,
        m.building_code,
        least(g.p_start, cast(as_of as date)) as scope_on,
        m.opening,
        0 as recovered
    from periods g
    cross join period_bounds b
    join kpi_aging_month_ends m on m.snap_on = cast(g.p_start - interval 1 day as date)
    where g.p_start <= b.stored_to and kpi_collection_part(figures, 'opening')
    union all
    select
        g.p_start,
        g.building_code,
        least(g.p_start, cast(as_of as date)),
        coalesce(m.opening, 0) + sum(coalesce(o.amount, 0)) over (partition by g.building_code
            order by g.p_start rows between unbounded preceding and current row),
        0
    from opening_grid g
    cross join period_bounds b
    left join kpi_aging_month_ends m on m.building_code = g.building_code
        and m.snap_on = cast(b.stored_to - interval 1 day as date)
    left join opening_buckets o on o.building_code = g.building_code and o.p_start = g.p_start
    where g.p_start > b.stored_to
    union all
    select r.p_start, r.building_code, least(r.p_start, cast(as_of as date)), 0, r.amount
    from recovered_rows r
),
-- each part summed per scope object and period: a building's own rows without the join with its
-- link, which holds on every day (36 months at 500,000 units, A/B by month and building
-- 270 -> 252 ms, identical rows). Every branch has a filter on the parameters alone, which
-- DuckDB folds: a branch not asked for is dropped while planning, and a part read by one branch
-- only (fee_base, opening_rows, promise_counts) is not materialised first (A/B, same rows: by
-- month and building 267 -> 251 ms, by quarter and building 143 -> 132, by month and butler
-- 287 -> 273).
billed_by_scope as (
    select l.scope, l.scope_code, f.p_start, sum(f.billed) as billed,
        sum(f.in_period) as collected_in_period, sum(f.to_date) as collected_to_date
    from fee_base f
    join kpi_scope_links l on l.building_code = f.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'building'
        and f.issued_on between l.valid_from and l.valid_to
    where list_has_any(scopes, ['estate', 'cluster', 'butler'])
    group by l.scope, l.scope_code, f.p_start
    union all
    select 'building', f.building_code, f.p_start, sum(f.billed), sum(f.in_period),
        sum(f.to_date)
    from fee_base f
    where list_contains(scopes, 'building')
    group by f.building_code, f.p_start
),
opening_by_scope as (
    select
        l.scope,
        l.scope_code,
        o.p_start,
        sum(o.opening) as opening_arrears,
        sum(o.recovered) as arrears_recovered
    from opening_rows o
    join kpi_scope_links l on l.building_code = o.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'building'
        and o.scope_on between l.valid_from and l.valid_to
    where list_has_any(scopes, ['estate', 'cluster', 'butler'])
    group by l.scope, l.scope_code, o.p_start
    union all
    select 'building', o.building_code, o.p_start, sum(o.opening), sum(o.recovered)
    from opening_rows o
    where list_contains(scopes, 'building')
    group by o.building_code, o.p_start
),
-- promise kept: every statement of the unit overdue at action_on is paid by promised_on
-- (allocations up to D only); the butler is the one on action_on. Only the actions whose
-- promised_on falls in the periods asked for are read, from kpi_promise_checks (V022,
-- kpi_promise_check_rows in sql/fee_summary.sql): kept when kept_by is NULL or on or before
-- min(promised_on, D), as long as every statement due before action_on was issued by D. The
-- bounds of the periods are kpi_range_start/kpi_range_end (common.sql, constants from the
-- parameters, not read from the periods CTE) so that DuckDB filters the table while scanning.
-- A promise settled before D's month (settle_on, sql/fee_summary.sql kpi_promise_check_rows:
-- made, due and with every statement of its check issued) counts, and is kept exactly when
-- kept_by is NULL or not after promised_on, whatever D from then on: those are read as counts
-- per building, promised month, action month and settle month (kpi_promise_months, V031), the
-- others one by one from kpi_promise_checks. For the butlers, the counts of an action month in
-- which a butler epoch begins on another day than the first (split_months) cannot be given to
-- one epoch: that month's settled promises are read one by one as well (butler_only: not again
-- for the others).
promise_rows as not materialized (
    select action_no, unit_code, building_code, action_on, promised_on, kept_by, last_issued,
        settle_on >= date_trunc('month', cast(as_of as date)) as unsettled
    from kpi_promise_checks
    where action_on <= cast(as_of as date) and kpi_collection_part(figures, 'promises')
        and promised_on >= kpi_range_start(grain, from_period)
        and promised_on < kpi_range_end(grain, to_period)
),
split_months as (
    select distinct building_code, cast(date_trunc('month', epoch_on) as date) as a_month
    from kpi_butler_epochs
    where day(epoch_on) <> 1 and list_contains(scopes, 'butler')
),
promise_actions as (
    select action_no, unit_code, building_code, action_on, promised_on, kept_by, last_issued,
        false as butler_only
    from promise_rows
    where unsettled
    union all
    select r.action_no, r.unit_code, r.building_code, r.action_on, r.promised_on, r.kept_by,
        r.last_issued, true
    from promise_rows r
    join split_months m on m.building_code = r.building_code
        and m.a_month = cast(date_trunc('month', r.action_on) as date)
    where not r.unsettled
),
promise_settled as (
    select building_code, p_month, a_month, promises, kept
    from kpi_promise_months
    where kpi_collection_part(figures, 'promises')
        and settle_month < date_trunc('month', cast(as_of as date))
        and p_month >= kpi_range_start(grain, from_period)
        and p_month < kpi_range_end(grain, to_period)
),
-- the others (a query as of a day before a statement due before the action was issued, e.g. a
-- late correction): checked against the statements as of D themselves
late_actions as (
    select action_no, unit_code, building_code, action_on, promised_on, butler_only
    from promise_actions
    where last_issued > cast(as_of as date)
),
late_statements as (
    select s.statement_no, s.unit_code, s.due_on, s.amount
    from statements s
    where s.unit_code in (select unit_code from late_actions)
        and s.issued_on <= cast(as_of as date)
),
-- the day each of them was paid in full, if it was: allocations never exceed a statement's
-- amount and none follows the one that completes it, so that is the last allocation's day.
-- Paid by a day X <= D (all allocations up to X) exactly when full_on <= X.
late_paid_in_full as (
    select a.statement_no, max(a.allocated_on) as full_on
    from payment_allocations a
    join late_statements s on s.statement_no = a.statement_no and s.unit_code = a.unit_code
    group by a.statement_no, s.amount
    having sum(a.amount) >= s.amount
),
late_broken as (
    select distinct pa.action_no
    from late_actions pa
    join late_statements s on s.unit_code = pa.unit_code and s.due_on < pa.action_on
    left join late_paid_in_full f on f.statement_no = s.statement_no
    where f.full_on is null or f.full_on > least(pa.promised_on, cast(as_of as date))
),
-- the period of promised_on is the one starting on date_trunc(grain, promised_on) (the
-- periods cover every day from the first start to the last end): that day keys the counts
promises as (
    select
        pa.building_code,
        cast(date_trunc(grain, pa.promised_on) as date) as p_start,
        pa.action_on as scope_on,
        pa.kept_by is null or pa.kept_by <= least(pa.promised_on, cast(as_of as date)) as kept,
        pa.butler_only
    from promise_actions pa
    where pa.last_issued is null or pa.last_issued <= cast(as_of as date)
    union all
    select
        la.building_code,
        cast(date_trunc(grain, la.promised_on) as date),
        la.action_on,
        b.action_no is null,
        la.butler_only
    from late_actions la
    left join late_broken b on b.action_no = la.action_no
),
-- counted per building and period before the scopes are joined; for the butlers per building
-- and butler epoch (kpi_butler_epochs, common.sql: a day before the first epoch has no butler)
promise_counts as (
    select building_code, p_start, count(*) filter (where kept) as kept_n, count(*) as promised_n
    from promises
    -- only when an estate, cluster or building is asked for (DuckDB drops it otherwise)
    where list_has_any(scopes, ['estate', 'cluster', 'building']) and not butler_only
    group by building_code, p_start
    union all
    select building_code, cast(date_trunc(grain, p_month) as date), sum(kept), sum(promises)
    from promise_settled
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    group by all
),
-- the settled counts of a month without an epoch boundary inside go to the epoch containing the
-- month (none: before the building's first epoch, no butler)
promise_epoch_counts as (
    select c.building_code, c.p_start, e.epoch_on, count(*) filter (where c.kept) as kept_n,
        count(*) as promised_n
    from promises c
    join kpi_butler_epochs e on e.building_code = c.building_code
        and list_contains(scopes, 'butler') and c.scope_on >= e.epoch_on
        and c.scope_on < e.next_on
    group by c.building_code, c.p_start, e.epoch_on
    union all
    select s.building_code, cast(date_trunc(grain, s.p_month) as date), e.epoch_on, sum(s.kept),
        sum(s.promises)
    from promise_settled s
    join kpi_butler_epochs e on e.building_code = s.building_code
        and list_contains(scopes, 'butler') and s.a_month >= e.epoch_on
        and s.a_month < e.next_on
    where not exists (select 1 from split_months m
        where m.building_code = s.building_code and m.a_month = s.a_month)
    group by all
),
promises_by_scope as (
    select l.scope, l.scope_code, c.p_start, sum(c.kept_n) as kept_n, sum(c.promised_n) as promised_n
    from promise_counts c
    join kpi_scope_links l on l.building_code = c.building_code
        and list_contains(scopes, l.scope) and l.scope in ('estate', 'cluster')
    where list_has_any(scopes, ['estate', 'cluster'])
    group by l.scope, l.scope_code, c.p_start
    union all
    select 'building', c.building_code, c.p_start, sum(c.kept_n), sum(c.promised_n)
    from promise_counts c
    where list_contains(scopes, 'building')
    group by c.building_code, c.p_start
    union all
    select l.scope, l.scope_code, c.p_start, sum(c.kept_n), sum(c.promised_n)
    from promise_epoch_counts c
    join kpi_scope_links l on l.building_code = c.building_code
        and list_contains(scopes, l.scope) and l.scope = 'butler'
        and c.epoch_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
    group by l.scope, l.scope_code, c.p_start
),
-- every scope object and period; the parts above are keyed by the period's first day (a date
-- compares and hashes cheaper than its text; a part's rows outside the periods find no grid row)
grid as (
    select s.scope, s.scope_code, p.period, p.p_start
    from kpi_scopes s
    cross join periods p
    where list_contains(scopes, s.scope)
),
-- the sums as whole cents once per row (kpi_cents is a cast and a decimal product, and a
-- macro argument is evaluated at each mention inside kpi_div4)
joined as (
    select
        g.scope,
        g.scope_code,
        g.period,
        -- a figure not asked for stays NULL (and its rate with it)
        case when kpi_collection_part(figures, 'billed') then coalesce(b.billed, 0) end as billed,
        case when kpi_collection_part(figures, 'billed') then coalesce(b.collected_in_period, 0) end
            as collected_in_period,
        case when kpi_collection_part(figures, 'billed') then coalesce(b.collected_to_date, 0) end
            as collected_to_date,
        case when kpi_collection_part(figures, 'opening') then coalesce(o.opening_arrears, 0) end
            as opening_arrears,
        case when kpi_collection_part(figures, 'opening') then coalesce(o.arrears_recovered, 0) end
            as arrears_recovered,
        kpi_cents(b.billed) as billed_c,
        kpi_cents(b.collected_in_period) as in_period_c,
        kpi_cents(b.collected_to_date) as to_date_c,
        kpi_cents(o.opening_arrears) as opening_c,
        kpi_cents(o.arrears_recovered) as recovered_c,
        k.kept_n,
        k.promised_n
    from grid g
    left join billed_by_scope b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.p_start = g.p_start
    left join opening_by_scope o
        on o.scope = g.scope and o.scope_code = g.scope_code and o.p_start = g.p_start
    left join promises_by_scope k
        on k.scope = g.scope and k.scope_code = g.scope_code and k.p_start = g.p_start
),
final as (
    select
        scope,
        scope_code,
        period,
        cast(billed as decimal(18,2)) as billed,
        cast(collected_in_period as decimal(18,2)) as collected_in_period,
        kpi_div4(in_period_c, billed_c) as collection_rate,
        cast(collected_to_date as decimal(18,2)) as collected_to_date,
        kpi_div4(to_date_c, billed_c) as cumulative_collection_rate,
        cast(opening_arrears as decimal(18,2)) as opening_arrears,
        cast(arrears_recovered as decimal(18,2)) as arrears_recovered,
        kpi_div4(recovered_c, opening_c) as arrears_recovery_rate,
        kpi_div4(kept_n, promised_n) as promise_kept_rate
    from joined
)
select * from final;

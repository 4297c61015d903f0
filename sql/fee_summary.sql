-- The rows of the fee summary tables (V020: kpi_fee_billed, kpi_fee_paid_month,
-- kpi_fee_paid_day, kpi_arrears_spells) as computed from statements and payment_allocations.
-- Grain: building x the keys of each table. Parameter buildings: a list of building codes, or
-- NULL for all. analytics.KpiSummaries fills the tables from these macros (everything, or the
-- rows of the buildings whose units changed; the filter is applied to units first, so only their
-- statements and allocations are grouped); kpi_collection and kpi_aging read the tables. The
-- KPI.md rules stay in the macros that read them; these only group.
--
-- Optional parameter unit (default NULL): only what that one unit contributes (its statements,
-- its allocations, its arrears spells). After a payment, analytics.KpiSummaries takes a unit's
-- contribution before and after the write and adds the difference to the tables instead of
-- regrouping its whole building. It groups the unit's rows in Java (three lookups by unit code
-- cost a few ms, these macros 15-25 ms, mostly fixed costs per operator); the macros with
-- `unit` are the definition it is tested against (KpiSummariesContributionTest).

create or replace macro kpi_fee_billed_rows(buildings, unit := null) as table
select
    u.building_code,
    s.issued_on,
    cast(strptime(s.period || '-01', '%Y-%m-%d') as date) as period_month,
    s.due_on,
    cast(sum(s.amount) as decimal(18,2)) as amount
from statements s
join units u on u.unit_code = s.unit_code
where (buildings is null or list_contains(buildings, u.building_code))
    and (unit is null or s.unit_code = unit)
group by all;

create or replace macro kpi_fee_paid_day_rows(buildings, unit := null) as table
-- the allocations are narrowed by their own unit_code first (the statement's unit), so a
-- refresh of a few buildings joins only their rows by statement_no
with u as (
    select unit_code, building_code
    from units
    where (buildings is null or list_contains(buildings, building_code))
        and (unit is null or unit_code = unit)
)
select
    u.building_code,
    s.issued_on,
    cast(strptime(s.period || '-01', '%Y-%m-%d') as date) as period_month,
    s.due_on,
    a.allocated_on,
    cast(sum(a.amount) as decimal(18,2)) as amount
from payment_allocations a
join u on u.unit_code = a.unit_code
join statements s on s.statement_no = a.statement_no and s.unit_code = a.unit_code
where unit is null or (a.unit_code = unit and s.unit_code = unit)
group by all;

create or replace macro kpi_fee_paid_month_rows(buildings) as table
-- the day rows summed per allocation month
select
    building_code,
    issued_on,
    period_month,
    due_on,
    cast(date_trunc('month', allocated_on) as date) as a_month,
    cast(sum(amount) as decimal(18,2)) as amount
from kpi_fee_paid_day_rows(buildings)
group by all;

create or replace macro kpi_fee_paid_month_of_days(buildings) as table
-- the same rows from the maintained kpi_fee_paid_day table (filled first): what
-- analytics.KpiSummaries inserts, so the allocations are scanned once for both tables
select
    building_code,
    issued_on,
    period_month,
    due_on,
    cast(date_trunc('month', allocated_on) as date) as a_month,
    cast(sum(amount) as decimal(18,2)) as amount
from kpi_fee_paid_day
where buildings is null or list_contains(buildings, building_code)
group by all;

-- kpi_fee_collected and kpi_fee_recovered (V030): the month rows grouped coarser for the two
-- figures of kpi_collection that read most of them. Both are sums of the month rows, so a unit's
-- contribution is the sum of its month rows' (analytics.KpiSummaries groups it in Java with
-- these two rules; KpiSummariesContributionTest compares).
--
-- paid_by: of the last month starts of the period month's month, quarter and year (month
-- starts, as a_month), the first that a_month is not after; 9999-12-01 when a_month is after all
-- three. An allocation is collected in its period (a_month <= the period's last month) exactly
-- when paid_by <= the last month start of the period of the grain: month, quarter or year.
create or replace macro kpi_fee_paid_by(period_month, a_month) as
    case
        when a_month <= period_month then period_month
        when a_month <= cast(date_trunc('quarter', period_month) + interval 2 month as date)
            then cast(date_trunc('quarter', period_month) + interval 2 month as date)
        when a_month <= cast(date_trunc('year', period_month) + interval 11 month as date)
            then cast(date_trunc('year', period_month) + interval 11 month as date)
        else date '9999-12-01'
    end;

-- k_class: with k_month the month from which the statement counts in opening arrears
-- (kpi_month_ceil(greatest(due_on, issued_on) + 1), sql/collection.sql), the first of a_month's
-- year start, quarter start and a_month itself that k_month is not after; NULL when k_month is
-- after a_month (not recovered arrears at any grain). An allocation is recovered arrears of
-- its period (k_month <= the period's start) exactly when k_class <= the period's start.
create or replace macro kpi_fee_recovery_class(a_month, due_on, issued_on) as
    case
        when kpi_month_ceil(greatest(due_on, issued_on) + 1)
                <= cast(date_trunc('year', a_month) as date)
            then cast(date_trunc('year', a_month) as date)
        when kpi_month_ceil(greatest(due_on, issued_on) + 1)
                <= cast(date_trunc('quarter', a_month) as date)
            then cast(date_trunc('quarter', a_month) as date)
        when kpi_month_ceil(greatest(due_on, issued_on) + 1) <= a_month then a_month
    end;

-- From the allocations (the definition, compared with the stored rows by the tests), or with
-- stored := true from the maintained kpi_fee_paid_month table (filled first: what is inserted).
-- The flag is a constant once bound, so DuckDB drops the other source unread.
create or replace macro kpi_fee_month_rows_of(buildings, stored) as table
select *
from (
    select * from kpi_fee_paid_month where stored
    union all
    select * from kpi_fee_paid_month_rows(buildings) where not stored
)
where buildings is null or list_contains(buildings, building_code);

create or replace macro kpi_fee_collected_rows(buildings, stored := false) as table
select building_code, issued_on, period_month, kpi_fee_paid_by(period_month, a_month) as paid_by,
    cast(sum(amount) as decimal(18,2)) as amount
from kpi_fee_month_rows_of(buildings, stored)
group by all;

create or replace macro kpi_fee_recovered_rows(buildings, stored := false) as table
select building_code, a_month, kpi_fee_recovery_class(a_month, due_on, issued_on) as k_class,
    cast(sum(amount) as decimal(18,2)) as amount
from kpi_fee_month_rows_of(buildings, stored)
where kpi_fee_recovery_class(a_month, due_on, issued_on) is not null
group by all;

create or replace macro kpi_fee_collected_of_months(buildings) as table
select * from kpi_fee_collected_rows(buildings, stored := true);

create or replace macro kpi_fee_recovered_of_months(buildings) as table
select * from kpi_fee_recovered_rows(buildings, stored := true);

-- The allocations dated after D, from the summary tables: the month rows of the months after
-- D's and the day rows of D's month after D (a_day: the month start or the day). As of today,
-- few rows. kpi_collection subtracts them from the tables that hold every allocation
-- (kpi_fee_periods, kpi_fee_recovered), kpi_aging adds them back to what is open now
-- (kpi_fee_open).
create or replace macro kpi_fee_paid_after(as_of) as table
select building_code, issued_on, period_month, due_on, a_month as a_day, amount
from kpi_fee_paid_month
where a_month > date_trunc('month', cast(as_of as date))
union all
select building_code, issued_on, period_month, due_on, allocated_on, amount
from kpi_fee_paid_day
where allocated_on > cast(as_of as date)
    and allocated_on < date_trunc('month', cast(as_of as date)) + interval 1 month;

-- kpi_fee_periods (V034): kpi_fee_billed and kpi_fee_collected side by side per building,
-- issued_on and period month (kpi_collection's billed, collected in period and to date read one
-- row per key). From the statements and allocations (the definition), or with stored := true
-- from the maintained kpi_fee_billed and kpi_fee_collected tables (filled first: what is
-- inserted). paid_in_month / _quarter / _year: paid_by (kpi_fee_paid_by) not after the last
-- month start of the period month's month, quarter, year. analytics.KpiSummaries.applyDelta
-- adds a payment's difference with the same rules.
create or replace macro kpi_fee_period_rows_of(buildings, stored) as table
select
    building_code,
    issued_on,
    period_month,
    cast(sum(billed) as decimal(18,2)) as billed,
    cast(sum(paid) as decimal(18,2)) as paid,
    cast(sum(case when paid_by <= period_month then paid else 0 end) as decimal(18,2))
        as paid_in_month,
    cast(sum(case when paid_by
        <= cast(date_trunc('quarter', period_month) + interval 2 month as date)
        then paid else 0 end) as decimal(18,2)) as paid_in_quarter,
    cast(sum(case when paid_by
        <= cast(date_trunc('year', period_month) + interval 11 month as date)
        then paid else 0 end) as decimal(18,2)) as paid_in_year
from (
    select building_code, issued_on, period_month, amount as billed,
        cast(0 as decimal(18,2)) as paid, period_month as paid_by
    from (
        select * from kpi_fee_billed where stored
        union all
        select * from kpi_fee_billed_rows(buildings) where not stored
    )
    union all
    select building_code, issued_on, period_month, 0, amount, paid_by
    from (
        select * from kpi_fee_collected where stored
        union all
        select * from kpi_fee_collected_rows(buildings) where not stored
    )
)
where buildings is null or list_contains(buildings, building_code)
group by building_code, issued_on, period_month;

create or replace macro kpi_fee_period_rows(buildings) as table
select * from kpi_fee_period_rows_of(buildings, false);

create or replace macro kpi_fee_periods_of_tables(buildings) as table
select * from kpi_fee_period_rows_of(buildings, true);

-- kpi_fee_open (V035): per building, issued_on and due_on, the statements less every allocation
-- to them, where not zero (kpi_aging's snapshot on D adds back what was paid after D). From the
-- statements and allocations (the definition), or with stored := true from the maintained
-- kpi_fee_billed and kpi_fee_paid_month tables (filled first: what is inserted).
-- analytics.KpiSummaries.applyDelta adds a payment's difference the same way.
create or replace macro kpi_fee_open_rows_of(buildings, stored) as table
select building_code, issued_on, due_on, cast(sum(amount) as decimal(18,2)) as amount
from (
    select building_code, issued_on, due_on, amount
    from (
        select * from kpi_fee_billed where stored
        union all
        select * from kpi_fee_billed_rows(buildings) where not stored
    )
    union all
    select building_code, issued_on, due_on, -amount
    from (
        select * from kpi_fee_paid_month where stored
        union all
        select * from kpi_fee_paid_month_rows(buildings) where not stored
    )
)
where buildings is null or list_contains(buildings, building_code)
group by building_code, issued_on, due_on
having sum(amount) <> 0;

create or replace macro kpi_fee_open_rows(buildings) as table
select * from kpi_fee_open_rows_of(buildings, false);

create or replace macro kpi_fee_open_of_tables(buildings) as table
select * from kpi_fee_open_rows_of(buildings, true);

-- A statement is owed overdue on day X when issued_on <= X, due_on < X and it is not yet paid
-- in full at the end of X: from greatest(issued_on, due_on + 1) to the day of the allocation
-- that completes it (exclusive; allocations never exceed the amount). A unit is in arrears on
-- the days covered by any of its statements' intervals: the union, as disjoint spells. Both
-- windows order by (from_day, to_day, statement_no), a total order: with ties the two passes
-- could otherwise see equal intervals in different orders and split or merge spells wrongly.
-- kpi_arrears_unit_spell_rows gives each unit's spells (building_code, unit_code, from_day,
-- to_day); kpi_arrears_spell_rows counts them per building and spell, what is stored.
create or replace macro kpi_arrears_unit_spell_rows(buildings, unit := null) as table
with stmts as (
    select u.building_code, s.unit_code, s.statement_no, s.amount, s.issued_on, s.due_on
    from statements s
    join units u on u.unit_code = s.unit_code
    where (buildings is null or list_contains(buildings, u.building_code))
        and (unit is null or s.unit_code = unit)
),
paid as (
    select a.statement_no, sum(a.amount) as paid, max(a.allocated_on) as last_on
    from payment_allocations a
    where a.unit_code in (select unit_code from stmts)
        and (unit is null or a.unit_code = unit)
    group by a.statement_no
),
intervals as (
    select
        s.building_code,
        s.unit_code,
        s.statement_no,
        greatest(s.issued_on, s.due_on + 1) as from_day,
        case when coalesce(p.paid, 0) >= s.amount then p.last_on
            else date '9999-12-31' end as to_day
    from stmts s
    left join paid p on p.statement_no = s.statement_no
),
open_intervals as (
    select * from intervals where to_day > from_day
),
marked as (
    select
        building_code,
        unit_code,
        from_day,
        to_day,
        statement_no,
        max(to_day) over (partition by building_code, unit_code
            order by from_day, to_day, statement_no
            rows between unbounded preceding and 1 preceding) as reach
    from open_intervals
),
islands as (
    select
        building_code,
        unit_code,
        from_day,
        to_day,
        sum(case when reach is null or from_day > reach then 1 else 0 end)
            over (partition by building_code, unit_code order by from_day, to_day, statement_no
                rows unbounded preceding) as island
    from marked
),
spells as (
    select building_code, unit_code, min(from_day) as from_day, max(to_day) as to_day
    from islands
    group by building_code, unit_code, island
)
select building_code, unit_code, from_day, to_day
from spells;

create or replace macro kpi_arrears_spell_rows(buildings) as table
select building_code, from_day, to_day, cast(count(*) as integer) as units
from kpi_arrears_unit_spell_rows(buildings)
group by all;

-- The rows of kpi_promise_checks (V022): one per collection action with a promised date.
-- Parameter units: a list of unit codes, or NULL for all (the check of a promise depends on its
-- unit's rows only, so analytics.KpiSummaries refreshes the units whose rows changed).
-- A promise is kept as of D when every statement of the unit overdue at action_on (due_on <
-- action_on, issued_on <= D) is paid in full by min(promised_on, D) (sql/collection.sql). Per
-- statement, paid in full on the day of its last allocation (allocations never exceed the
-- amount); running over the unit's statements by due_on, kept_by is the latest of those days
-- (9999-12-31 once one is unpaid) and last_issued the latest issued_on; each action takes the
-- running values of the last due_on before its action_on (an as-of join). When last_issued <= D
-- every such statement exists as of D, and the promise is kept exactly when kept_by is NULL or
-- kept_by <= min(promised_on, D).
create or replace macro kpi_promise_check_rows(units) as table
with a as (
    select c.unit_code, u.building_code, c.action_no, c.action_on, c.promised_on
    from collection_actions c
    join units u on u.unit_code = c.unit_code
    where c.promised_on is not null
        and (units is null or list_contains(units, c.unit_code))
),
st as (
    select s.statement_no, s.unit_code, s.due_on, s.issued_on, s.amount
    from statements s
    where (units is null or list_contains(units, s.unit_code))
        and s.unit_code in (select unit_code from a)
),
paid as (
    select al.statement_no, al.unit_code, sum(al.amount) as paid, max(al.allocated_on) as last_on
    from payment_allocations al
    where (units is null or list_contains(units, al.unit_code))
        and al.unit_code in (select unit_code from a)
    group by al.statement_no, al.unit_code
),
runs as (
    select
        s.unit_code,
        s.due_on,
        max(case when coalesce(p.paid, 0) >= s.amount then p.last_on
            else date '9999-12-31' end) over w as kept_by,
        max(s.issued_on) over w as last_issued
    from st s
    left join paid p on p.statement_no = s.statement_no and p.unit_code = s.unit_code
    -- peers (equal due_on) share the running values: one step per due_on
    window w as (partition by s.unit_code order by s.due_on
        range between unbounded preceding and current row)
),
steps as (
    select distinct unit_code, due_on, kept_by, last_issued from runs
)
select a.unit_code, a.building_code, a.action_no, a.action_on, a.promised_on, r.kept_by,
    r.last_issued,
    -- V031: from this day on the check's answer does not depend on D (made, due and every
    -- statement it reads issued): it counts, kept exactly when kept_by is NULL or not after
    -- promised_on
    greatest(a.action_on, a.promised_on, coalesce(r.last_issued, a.action_on)) as settle_on
from a
asof left join steps r on r.unit_code = a.unit_code and a.action_on > r.due_on;

-- The rows of kpi_promise_months (V031): the promise checks counted per building, promised
-- month, action month and settle month (the month of settle_on: from that day on the check's
-- answer no longer depends on the as-of date D). kept: the promises kept as of any D on or after
-- settle_on (kept_by NULL or not after promised_on). kpi_promise_month_rows computes them from
-- the records (the definition the tests compare with), with stored := true from the stored
-- checks (what analytics.KpiSummaries inserts, kpi_promise_months_of_checks); KpiSummaries keeps
-- the table by difference (a check counts 1 for its key, and 1 in kept when kept) with the same
-- rules.
create or replace macro kpi_promise_month_rows(buildings, stored := false) as table
select
    building_code,
    cast(date_trunc('month', promised_on) as date) as p_month,
    cast(date_trunc('month', action_on) as date) as a_month,
    cast(date_trunc('month', settle_on) as date) as settle_month,
    cast(count(*) as integer) as promises,
    cast(count(*) filter (where kept_by is null or kept_by <= promised_on) as integer) as kept
from (
    select * from kpi_promise_checks where stored
    union all
    select * from kpi_promise_check_rows(null) where not stored
)
where buildings is null or list_contains(buildings, building_code)
group by all;

create or replace macro kpi_promise_months_of_checks(buildings) as table
select * from kpi_promise_month_rows(buildings, stored := true);

-- The rows of kpi_aging_month_ends (V023, V025): per building and month end X up to `until`
-- (default kpi_summary_state.aging_until), the aging of sql/aging.sql on X, from the tables
-- above. On a month end a statement is owed from open_day = greatest(issued_on, due_on) and an
-- allocation of month A also from the last day of A; outstanding = billed - allocated, summed
-- per due_on (never negative per statement, so the sums per building are exact). Overdue on X
-- (the aging, bucketed by X - due_on) are those due before X; opening (V025) counts those due
-- on X as well: the opening arrears of the month after X in sql/collection.sql (a statement
-- counts there from k_month, the first month start after greatest(due_on, issued_on), and an
-- allocation from the month after A). Households: the spells covering X. Rows with everything
-- zero are left out.
create or replace macro kpi_aging_month_end_rows(buildings, until := null) as table
with parts as (
    select building_code, due_on, greatest(issued_on, due_on) as open_day, amount
    from kpi_fee_billed
    where buildings is null or list_contains(buildings, building_code)
    union all
    select building_code, due_on, greatest(issued_on, due_on, last_day(a_month)), -amount
    from kpi_fee_paid_month
    where buildings is null or list_contains(buildings, building_code)
),
ends as (
    select last_day(cast(m as date)) as snap_on
    from unnest(generate_series(
        (select date_trunc('month', min(open_day)) from parts),
        cast(coalesce(until, (select aging_until from kpi_summary_state where id = 1))
            as timestamp),
        interval 1 month)) t(m)
),
owed as (
    select n.snap_on, p.building_code, date_diff('day', p.due_on, n.snap_on) as days_overdue,
        sum(p.amount) as outstanding
    from parts p
    join ends n on p.open_day <= n.snap_on
    group by all
),
households as (
    select n.snap_on, h.building_code, sum(h.units) as units
    from ends n
    join kpi_arrears_spells h on h.from_day <= n.snap_on and h.to_day > n.snap_on
    where buildings is null or list_contains(buildings, h.building_code)
    group by all
),
by_building as (
    select snap_on, building_code,
        coalesce(sum(outstanding) filter (where kpi_aging_bucket(days_overdue) = 1), 0) as b1,
        coalesce(sum(outstanding) filter (where kpi_aging_bucket(days_overdue) = 2), 0) as b2,
        coalesce(sum(outstanding) filter (where kpi_aging_bucket(days_overdue) = 3), 0) as b3,
        coalesce(sum(outstanding) filter (where kpi_aging_bucket(days_overdue) = 4), 0) as b4,
        coalesce(sum(outstanding) filter (where kpi_aging_bucket(days_overdue) = 5), 0) as b5,
        coalesce(sum(outstanding) filter (where days_overdue >= 1), 0) as arrears,
        0 as households,
        sum(outstanding) as opening
    from owed
    group by all
    union all
    select snap_on, building_code, 0, 0, 0, 0, 0, 0, units, 0
    from households
)
select building_code, snap_on,
    cast(sum(b1) as decimal(18,2)) as b1,
    cast(sum(b2) as decimal(18,2)) as b2,
    cast(sum(b3) as decimal(18,2)) as b3,
    cast(sum(b4) as decimal(18,2)) as b4,
    cast(sum(b5) as decimal(18,2)) as b5,
    cast(sum(arrears) as decimal(18,2)) as arrears,
    cast(sum(households) as integer) as households,
    cast(sum(opening) as decimal(18,2)) as opening
from by_building
group by building_code, snap_on
having sum(arrears) <> 0 or sum(households) <> 0 or sum(opening) <> 0;

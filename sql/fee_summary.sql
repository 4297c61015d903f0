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
-- regrouping its whole building; `unit = ?` on statements and allocations is an index lookup.

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
    r.last_issued
from a
asof left join steps r on r.unit_code = a.unit_code and a.action_on > r.due_on;

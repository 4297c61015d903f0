-- Butler work (KPI.md "Butler work"; dataset `workload`).
-- Grain: one row per butler per period (scope is always 'butler'). kpi_workload(as_of,
-- grain, from_period, to_period) as in collection.sql. Counts the records a butler made,
-- by the staff code on the record and its own date (on or before D): patrols (patrol_on),
-- visits (visited_on), collection actions (action_on), complaints first responded by them
-- (responder_code, first_response_at before T), vacancy inspections (inspected_on), documents
-- delivered (document_deliveries with delivered_on). Agenda: items of the butler due in P (on
-- or before D), done after their due day (done_on on or before D) = late, not done by D = not
-- done.

-- The records the workload counts, as (kind, staff_code, done_on): the kind as a number (1
-- patrol, 2 visit, 3 collection action, 4 complaint responded, 5 vacancy inspection, 6 document
-- delivered), compared for each of 6 million rows. A complaint counts on the day of its first
-- response, a document delivery once delivered. Read by kpi_workload for the days after the
-- stored months, and by kpi_work_months_rows, the rows of kpi_work_months (V033).
create or replace macro kpi_work_acts() as table
select 1 as kind, staff_code, patrol_on as done_on from patrols
union all
select 2, staff_code, visited_on from visits
union all
select 3, staff_code, action_on from collection_actions
union all
select 4, responder_code, cast(first_response_at as date)
from complaints
where first_response_at is not null
union all
select 5, staff_code, inspected_on from vacancy_inspections
union all
select 6, staff_code, delivered_on
from document_deliveries
where delivered_on is not null;

-- What kpi_work_months (V033) must sum to: per staff member (of the list staff, or every one
-- when NULL) and month, the records of each kind; a month without records has no row. A write
-- appends its difference (analytics.KpiWorkMonths.add), a bulk load stores these rows.
create or replace macro kpi_work_months_rows(staff) as table
select
    staff_code,
    cast(date_trunc('month', done_on) as date) as month,
    count(*) filter (where kind = 1) as patrols,
    count(*) filter (where kind = 2) as visits,
    count(*) filter (where kind = 3) as collection_actions,
    count(*) filter (where kind = 4) as complaints_handled,
    count(*) filter (where kind = 5) as vacancy_inspections,
    count(*) filter (where kind = 6) as documents_delivered
from kpi_work_acts()
where staff_code is not null and (staff is null or list_contains(staff, staff_code))
group by staff_code, cast(date_trunc('month', done_on) as date);

-- kpi_work_months as one row per staff member and month (the sum of its rows of differences),
-- without the months whose counts are all zero: equal to kpi_work_months_rows(null) after every
-- committed write (KpiSummaryMaintenanceTest; the soak check after every restart).
create or replace macro kpi_work_months_stored() as table
select staff_code, month, cast(sum(patrols) as bigint) as patrols,
    cast(sum(visits) as bigint) as visits,
    cast(sum(collection_actions) as bigint) as collection_actions,
    cast(sum(complaints_handled) as bigint) as complaints_handled,
    cast(sum(vacancy_inspections) as bigint) as vacancy_inspections,
    cast(sum(documents_delivered) as bigint) as documents_delivered
from kpi_work_months
group by staff_code, month
having sum(patrols) <> 0 or sum(visits) <> 0 or sum(collection_actions) <> 0
    or sum(complaints_handled) <> 0 or sum(vacancy_inspections) <> 0
    or sum(documents_delivered) <> 0;

-- The rows of kpi_agenda_months (V033): per staff member (of the list staff, or every one when
-- NULL) and month of due_on (from from_month to to_month, both month starts, when given), the
-- agenda items, those done after their due day (on any day: as of D, those done after D are
-- not done) and those not done at all. The agenda's recording counts the months it wrote again
-- (analytics.KpiWorkMonths.refreshAgenda).
create or replace macro kpi_agenda_months_rows(staff, from_month := null, to_month := null) as table
select
    staff_code,
    cast(date_trunc('month', due_on) as date) as month,
    count(*) as agenda_due,
    count(*) filter (where done_on > due_on) as agenda_done_late,
    count(*) filter (where done_on is null) as agenda_not_done
from agenda_items
where staff_code is not null and (staff is null or list_contains(staff, staff_code))
    and (from_month is null or due_on >= cast(from_month as date))
    and (to_month is null or due_on < cast(to_month as date) + interval 1 month)
group by staff_code, cast(date_trunc('month', due_on) as date);

create or replace macro kpi_workload(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
-- counted per butler and period start (the period of a day is the one starting on
-- date_trunc(grain, day); weeks: Monday), which keys the counts up to the grid: 80,000 rows to
-- join instead of 6.3 million. A month that ended by D (one before the month of the day after D)
-- is read from kpi_work_months (V033: the records per staff member and month as rows of
-- differences, appended by every writer and summed here), the days from that month on up to D
-- from the records (kpi_work_acts); weeks, which do not keep to months, from the records only.
-- The period start stays date_trunc's timestamp until the counts are made.
act_start_counts as (
    select
        staff_code,
        p_start,
        cast(sum(patrols) as bigint) as patrols,
        cast(sum(visits) as bigint) as visits,
        cast(sum(collection_actions) as bigint) as collection_actions,
        cast(sum(complaints_handled) as bigint) as complaints_handled,
        cast(sum(vacancy_inspections) as bigint) as vacancy_inspections,
        cast(sum(documents_delivered) as bigint) as documents_delivered
    from (
        select staff_code, date_trunc(grain, month) as p_start, patrols, visits,
            collection_actions, complaints_handled, vacancy_inspections, documents_delivered
        from kpi_work_months
        where grain <> 'week'
            and month < date_trunc('month', cast(as_of as date) + interval 1 day)
            and month >= kpi_range_start(grain, from_period)
            and month < kpi_range_end(grain, to_period)
        union all
        select
            a.staff_code,
            date_trunc(grain, a.done_on),
            count(*) filter (where a.kind = 1),
            count(*) filter (where a.kind = 2),
            count(*) filter (where a.kind = 3),
            count(*) filter (where a.kind = 4),
            count(*) filter (where a.kind = 5),
            count(*) filter (where a.kind = 6)
        from kpi_work_acts() a
        where a.staff_code is not null and a.done_on <= cast(as_of as date)
            and (grain = 'week'
                or a.done_on >= date_trunc('month', cast(as_of as date) + interval 1 day))
            -- only the periods' days (kpi_range_start/kpi_range_end, common.sql), pushed into
            -- the scan of each table
            and a.done_on >= kpi_range_start(grain, from_period)
            and a.done_on < kpi_range_end(grain, to_period)
        group by a.staff_code, date_trunc(grain, a.done_on)
    )
    group by staff_code, p_start
),
act_counts as (
    select c.* exclude (p_start), cast(c.p_start as date) as p_start
    from act_start_counts c
),
-- the agenda the same way: a month that ended by D from kpi_agenda_months, less the items of
-- those months done after D (late there, not done as of D: at most the days after D), the rest
-- from the items (due from that month on up to D; weeks: all)
agenda_start_counts as (
    select
        staff_code,
        p_start,
        cast(sum(agenda_due) as bigint) as agenda_due,
        cast(sum(agenda_late) as bigint) as agenda_late,
        cast(sum(agenda_not_done) as bigint) as agenda_not_done
    from (
        select staff_code, date_trunc(grain, month) as p_start, agenda_due,
            agenda_done_late as agenda_late, agenda_not_done
        from kpi_agenda_months
        where grain <> 'week'
            and month < date_trunc('month', cast(as_of as date) + interval 1 day)
            and month >= kpi_range_start(grain, from_period)
            and month < kpi_range_end(grain, to_period)
        union all
        select i.staff_code, date_trunc(grain, i.due_on), 0, -count(*), count(*)
        from agenda_items i
        where grain <> 'week' and i.staff_code is not null
            and i.done_on > cast(as_of as date)
            and i.due_on < date_trunc('month', cast(as_of as date) + interval 1 day)
            and i.due_on >= kpi_range_start(grain, from_period)
            and i.due_on < kpi_range_end(grain, to_period)
        group by i.staff_code, date_trunc(grain, i.due_on)
        union all
        select
            i.staff_code,
            date_trunc(grain, i.due_on),
            count(*),
            count(*) filter (where i.done_on > i.due_on and i.done_on <= cast(as_of as date)),
            count(*) filter (where i.done_on is null or i.done_on > cast(as_of as date))
        from agenda_items i
        where i.staff_code is not null and i.due_on <= cast(as_of as date)
            and (grain = 'week'
                or i.due_on >= date_trunc('month', cast(as_of as date) + interval 1 day))
            and i.due_on >= kpi_range_start(grain, from_period)
            and i.due_on < kpi_range_end(grain, to_period)
        group by i.staff_code, date_trunc(grain, i.due_on)
    )
    group by staff_code, p_start
),
agenda as (
    select c.* exclude (p_start), cast(c.p_start as date) as p_start
    from agenda_start_counts c
),
grid as (
    select s.scope, s.scope_code, p.period, p.p_start
    from kpi_scopes s
    cross join periods p
    where s.scope = 'butler' and list_contains(scopes, s.scope)
),
final as (
    select
        g.scope,
        g.scope_code,
        g.period,
        coalesce(a.patrols, 0) as patrols,
        coalesce(a.visits, 0) as visits,
        coalesce(a.collection_actions, 0) as collection_actions,
        coalesce(a.complaints_handled, 0) as complaints_handled,
        coalesce(a.vacancy_inspections, 0) as vacancy_inspections,
        coalesce(a.documents_delivered, 0) as documents_delivered,
        coalesce(d.agenda_due, 0) as agenda_due,
        coalesce(d.agenda_late, 0) as agenda_late,
        coalesce(d.agenda_not_done, 0) as agenda_not_done
    from grid g
    left join act_counts a on a.staff_code = g.scope_code and a.p_start = g.p_start
    left join agenda d on d.staff_code = g.scope_code and d.p_start = g.p_start
)
select * from final;

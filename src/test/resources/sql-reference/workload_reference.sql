-- The workload macro before V033 (sql/workload.sql at 2026-12-01 03:00), which counted every
-- record: the reference kpi_workload's figures are checked against (KpiSummaryMaintenanceTest).
-- Butler work (KPI.md "Butler work"; dataset `workload`).
-- Grain: one row per butler per period (scope is always 'butler'). kpi_workload(as_of,
-- grain, from_period, to_period) as in collection.sql. Counts the records a butler made,
-- by the staff code on the record and its own date (on or before D): patrols (patrol_on),
-- visits (visited_on), collection actions (action_on), complaints first responded by them
-- (responder_code, first_response_at before T), vacancy inspections (inspected_on), documents
-- delivered (document_deliveries with delivered_on). Agenda: items of the butler due in P (on
-- or before D), done after their due day (done_on on or before D) = late, not done by D = not
-- done.
create or replace macro kpi_workload_reference(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
-- the kind of record as a number (1 patrol, 2 visit, 3 collection action, 4 complaint
-- responded, 5 vacancy inspection, 6 document delivered): compared for each of 6 million rows
acts as (
    select 1 as kind, staff_code, patrol_on as done_on from patrols
    union all
    select 2, staff_code, visited_on from visits
    union all
    select 3, staff_code, action_on from collection_actions
    union all
    select 4, responder_code, cast(first_response_at as date)
    from complaints
    where first_response_at < cast(as_of as date) + interval 1 day
    union all
    select 5, staff_code, inspected_on from vacancy_inspections
    union all
    select 6, staff_code, delivered_on
    from document_deliveries
    where delivered_on is not null
),
-- counted per butler and period start (the period of a day is the one starting on
-- date_trunc(grain, day); weeks: Monday), which keys the counts up to the grid: 80,000 rows to
-- join instead of 6.3 million (36 months at 500,000 units, A/B with the agenda below: 477 ->
-- 379 ms), the period start left date_trunc's timestamp until the counts are made (a cast less
-- per record: 235-260 -> 226-243 ms)
act_start_counts as (
    select
        a.staff_code,
        date_trunc(grain, a.done_on) as p_start,
        count(*) filter (where a.kind = 1) as patrols,
        count(*) filter (where a.kind = 2) as visits,
        count(*) filter (where a.kind = 3) as collection_actions,
        count(*) filter (where a.kind = 4) as complaints_handled,
        count(*) filter (where a.kind = 5) as vacancy_inspections,
        count(*) filter (where a.kind = 6) as documents_delivered
    from acts a
    where a.staff_code is not null and a.done_on <= cast(as_of as date)
        -- only the periods' days (kpi_range_start/kpi_range_end, common.sql), pushed into
        -- the scan of each table
        and a.done_on >= kpi_range_start(grain, from_period)
        and a.done_on < kpi_range_end(grain, to_period)
    group by a.staff_code, date_trunc(grain, a.done_on)
),
act_counts as (
    select c.* exclude (p_start), cast(c.p_start as date) as p_start
    from act_start_counts c
),
agenda_start_counts as (
    select
        i.staff_code,
        date_trunc(grain, i.due_on) as p_start,
        count(*) as agenda_due,
        count(*) filter (where i.done_on > i.due_on and i.done_on <= cast(as_of as date))
            as agenda_late,
        count(*) filter (where i.done_on is null or i.done_on > cast(as_of as date))
            as agenda_not_done
    from agenda_items i
    where i.staff_code is not null and i.due_on <= cast(as_of as date)
        and i.due_on >= kpi_range_start(grain, from_period)
        and i.due_on < kpi_range_end(grain, to_period)
    group by i.staff_code, date_trunc(grain, i.due_on)
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

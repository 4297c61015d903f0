-- The butler's agenda (DESIGN.md F14, issue 9): what the rulebook makes due, derived from the
-- records only, so an item disappears when the record that satisfies it is made.
-- Grain: one row per rule item and butler. agenda_rules(as_of, since, doc_days, facility_days,
-- cast(signoff_days as integer), repair_days, debit_days, signup_days, feedback_days):
--   as_of   the day D the agenda is computed for; only items that opened on or before D;
--   since   the first day for the day-by-day rules (briefing, patrol) and the first month for
--           vacant-unit inspections; record rules give items due on or after it, and every
--           item still open whatever its age;
--   *_days  the windows (settings guanjia.agenda.*, see AgendaSettings).
-- Columns: kind, record_ref, staff_code, cluster_code, unit_code, opens_on (first day on the
-- agenda), due_on (last day to do it on time), deadline (the instant for timed items:
-- complaint levels, the 9:30 briefing), done_on (day of the satisfying record, empty while
-- open), show_until (last day it is shown even if not done: a briefing not held yesterday
-- cannot be held any more), item_key (kind:record_ref:due_on:staff_code, the key of
-- agenda_items).
-- Butler: follow-ups go to their assignee; every other item to each staff assigned to the
-- record's cluster on min(due_on, D) (the demo has two butlers per cluster: both see it).
-- An item whose record was done before it opened (a notice taken down before expiry, a
-- document collected within the window) never was on the agenda and is left out.
create or replace macro agenda_rules(as_of, since, doc_days, facility_days, signoff_days,
        repair_days, debit_days, signup_days, feedback_days) as table
with days as (
    select cast(d.day as date) as day
    from unnest(generate_series(cast(since as date), cast(as_of as date), interval 1 day))
        as d(day)
),
working_days as (
    select day from days where isodow(day) <= 5
),
unit_clusters as (
    select u.unit_code, b.cluster_code, u.delivered_on, u.building_code
    from units u
    join buildings b on b.building_code = u.building_code
),
-- the clusters that have a butler on a working day: the 9:30 briefing and the patrol
cluster_days as (
    select distinct a.cluster_code, w.day
    from working_days w
    join assignments a on w.day between a.from_date and coalesce(a.to_date, date '9999-12-31')
),
briefing as (
    select
        'morning_briefing' as kind,
        cd.cluster_code as record_ref,
        cast(null as varchar) as direct_staff,
        cd.cluster_code,
        cast(null as varchar) as unit_code,
        cd.day as opens_on,
        cd.day as due_on,
        cd.day + interval 9 hour + interval 30 minute as deadline,
        (select min(m.briefing_on) from morning_briefings m
            where m.cluster_code = cd.cluster_code and m.briefing_on = cd.day
                and m.held_at is not null) as done_on,
        cd.day as show_until
    from cluster_days cd
),
patrol as (
    select
        'patrol', cd.cluster_code, null, cd.cluster_code, null, cd.day, cd.day, null,
        (select min(p.patrol_on) from patrols p
            where p.cluster_code = cd.cluster_code and p.patrol_on = cd.day),
        cd.day
    from cluster_days cd
),
notice_takedown as (
    select distinct
        'notice_takedown', n.notice_no, null, b.cluster_code, null,
        n.expires_on + 1, n.expires_on + 1, null, n.taken_down_on, null
    from notices n
    join notice_postings p on p.notice_no = n.notice_no
    join notice_boards b on b.board_code = p.board_code
    where n.expires_on is not null
),
-- a failed facility check stays on the agenda until its follow-up is resolved or a later
-- check of the facility passes
facility as (
    select
        'facility_check', fc.check_no, null, f.cluster_code, null,
        fc.checked_on,
        coalesce(fu.due_on, fc.checked_on + cast(facility_days as integer)),
        null,
        least(
            case when fu.status in ('resolved', 'closed')
                then cast(coalesce(fu.resolved_at, fu.updated_at) as date) end,
            (select min(l.checked_on) from facility_checks l
                where l.facility_code = fc.facility_code and l.checked_on > fc.checked_on
                    and coalesce(l.clean_ok, true) and coalesce(l.undamaged_ok, true)
                    and coalesce(l.safe_ok, true))),
        null
    from facility_checks fc
    join facilities f on f.facility_code = fc.facility_code
    left join follow_ups fu on fu.follow_up_no = fc.follow_up_no
    where fc.clean_ok = false or fc.undamaged_ok = false or fc.safe_ok = false
),
-- a copy still unclaimed more than doc_days after dispatch (rulebook 三 超过两周仍无人领取:
-- with 14, dispatched on the 1st means on the list from the 16th): phone the owner. Received =
-- collected, or delivered by post or in person (a copy left with security counts once collected),
-- as document.Delivery.isCallDue.
document_call as (
    select
        'document_call', d.document_no || '/' || d.unit_code, null, uc.cluster_code,
        d.unit_code,
        d.dispatched_on + cast(doc_days as integer) + 1,
        d.dispatched_on + cast(doc_days as integer) + 1, null,
        least(d.call_on, d.collected_on,
            case when d.method <> 'with_security' then d.delivered_on end), null
    from document_deliveries d
    join unit_clusters uc on uc.unit_code = d.unit_code
    where d.dispatched_on is not null
),
-- each unit vacant on the month's snapshot day (month end, or D in the current month) is
-- inspected once in the month (KPI.md inspection coverage uses the same units)
months as (
    select
        cast(m.month_start as date) as m_start,
        cast(m.month_start + interval 1 month - interval 1 day as date) as m_end,
        least(cast(m.month_start + interval 1 month - interval 1 day as date),
            cast(as_of as date)) as m_snap
    from unnest(generate_series(date_trunc('month', cast(since as date)),
        date_trunc('month', cast(as_of as date)), interval 1 month)) as m(month_start)
),
vacant_in_month as (
    select m.m_start, m.m_end, uc.unit_code, uc.cluster_code
    from months m
    join unit_clusters uc on uc.delivered_on <= m.m_snap
    left join unit_status s on s.unit_code = uc.unit_code and s.from_date <= m.m_snap
    group by m.m_start, m.m_end, uc.unit_code, uc.cluster_code
    having coalesce(arg_max(s.status, s.from_date), 'vacant') = 'vacant'
),
vacancy as (
    select
        'vacancy_inspection', v.unit_code || '/' || strftime(v.m_start, '%Y-%m'), null,
        v.cluster_code, v.unit_code, v.m_start, v.m_end, null,
        (select min(i.inspected_on) from vacancy_inspections i
            where i.unit_code = v.unit_code and i.inspected_on between v.m_start and v.m_end),
        v.m_end
    from vacant_in_month v
),
-- a promised payment day passed without a payment: call again. A later action before the
-- promised day replaces the promise; a payment or a new action after it ends the item.
promise as (
    select
        'promise_due', ca.action_no, null, uc.cluster_code, ca.unit_code,
        ca.promised_on + 1, ca.promised_on + 1, null,
        least(
            (select min(p.paid_on) from payments p
                where p.unit_code = ca.unit_code and p.voided_on is null
                    and p.paid_on > ca.promised_on),
            (select min(x.action_on) from collection_actions x
                where x.unit_code = ca.unit_code and x.action_on > ca.promised_on)),
        null
    from collection_actions ca
    join unit_clusters uc on uc.unit_code = ca.unit_code
    where ca.promised_on is not null
        and not exists (select 1 from payments p
            where p.unit_code = ca.unit_code and p.voided_on is null
                and p.paid_on between ca.action_on and ca.promised_on)
        and not exists (select 1 from collection_actions x
            where x.unit_code = ca.unit_code and x.action_no <> ca.action_no
                and x.action_on <= ca.promised_on
                and (x.action_on > ca.action_on
                    or (x.action_on = ca.action_on and x.action_no > ca.action_no)))
),
-- a failed bank debit: phone the owner (BankDebitService.failedDebitsToCall lists the open
-- ones the same way); a collection action of the unit on or after the result day or a later
-- debit result ends it
failed_debit as (
    select
        'failed_debit_call', i.batch_no || '/' || i.unit_code, null, uc.cluster_code,
        i.unit_code, i.result_on, i.result_on + cast(debit_days as integer), null,
        least(
            (select min(x.action_on) from collection_actions x
                where x.unit_code = i.unit_code and x.action_on >= i.result_on),
            (select min(l.result_on) from bank_debit_items l
                where l.unit_code = i.unit_code and l.result_on > i.result_on)),
        null
    from bank_debit_items i
    join unit_clusters uc on uc.unit_code = i.unit_code
    where i.result = 'failed' and i.result_on is not null
),
complaint_levels as (
    select
        c.*,
        uc.cluster_code,
        c.received_at + to_minutes(coalesce(l.response_minutes, 30)) as response_deadline,
        c.received_at + to_hours(coalesce(l.resolution_hours, 48)) as resolution_deadline
    from complaints c
    join unit_clusters uc on uc.unit_code = c.unit_code
    left join complaint_service_levels l on l.category = c.category
),
complaint_response as (
    select
        'complaint_response', c.complaint_no, null, c.cluster_code, c.unit_code,
        cast(c.received_at as date), cast(c.response_deadline as date), c.response_deadline,
        cast(c.first_response_at as date), null
    from complaint_levels c
),
complaint_resolution as (
    select
        'complaint_resolution', c.complaint_no, null, c.cluster_code, c.unit_code,
        cast(c.first_response_at as date), cast(c.resolution_deadline as date),
        c.resolution_deadline, cast(c.resolved_at as date), null
    from complaint_levels c
    where c.first_response_at is not null
),
-- after resolution: the return visit with the owner's sign-off and score (ComplaintService.
-- signOff records all three); imported complaints carry only owner_signed / satisfaction
complaint_return as (
    select
        'complaint_return_visit', c.complaint_no, null, c.cluster_code, c.unit_code,
        cast(c.resolved_at as date), cast(c.resolved_at as date) + cast(signoff_days as integer), null,
        cast(coalesce(c.return_visit_at, c.closed_at,
            case when c.owner_signed is not null or c.satisfaction is not null
                then c.resolved_at end) as date),
        null
    from complaint_levels c
    where c.resolved_at is not null
),
repair_return as (
    select
        'repair_return_visit', r.repair_no, null, b.cluster_code, r.unit_code,
        cast(r.completed_at as date), cast(r.completed_at as date) + cast(repair_days as integer), null,
        cast(r.return_visit_at as date), null
    from repairs r
    join buildings b on b.building_code = r.building_code
    where r.completed_at is not null
),
follow_up as (
    select
        'follow_up', f.follow_up_no, f.assignee_code, f.cluster_code, f.unit_code,
        cast(f.raised_at as date), coalesce(f.due_on, cast(f.raised_at as date)), null,
        case when f.status in ('resolved', 'closed')
            then cast(coalesce(f.resolved_at, f.updated_at) as date) end,
        null
    from follow_ups f
    where f.assignee_code is not null
),
-- rulebook 八: once announced, collect the sign-up count before the day; afterwards, ask the
-- participants for feedback and suggestions
activity_clusters as (
    select a.*, c.cluster_code
    from activities a
    join clusters c on c.estate_code = a.estate_code
    where a.status <> 'cancelled'
),
activity_signup_items as (
    select
        'activity_signups', a.activity_no, null, a.cluster_code, null,
        coalesce(a.notice_on, cast(a.starts_at as date) - cast(signup_days as integer)),
        cast(a.starts_at as date) - 1, null,
        (select min(s.signed_up_on) from activity_signups s
            where s.activity_no = a.activity_no),
        null
    from activity_clusters a
    where a.notice_on is not null or a.status in ('announced', 'held')
),
activity_feedback_items as (
    select
        'activity_feedback', a.activity_no, null, a.cluster_code, null,
        cast(a.starts_at as date) + 1, cast(a.starts_at as date) + cast(feedback_days as integer), null,
        (select min(s.feedback_on) from activity_signups s
            where s.activity_no = a.activity_no),
        null
    from activity_clusters a
    where a.status = 'held'
        and exists (select 1 from activity_signups s where s.activity_no = a.activity_no)
),
items as (
    select * from briefing
    union all select * from patrol
    union all select * from notice_takedown
    union all select * from facility
    union all select * from document_call
    union all select * from vacancy
    union all select * from promise
    union all select * from failed_debit
    union all select * from complaint_response
    union all select * from complaint_resolution
    union all select * from complaint_return
    union all select * from repair_return
    union all select * from follow_up
    union all select * from activity_signup_items
    union all select * from activity_feedback_items
),
kept as (
    select
        kind,
        record_ref,
        direct_staff,
        cluster_code,
        unit_code,
        least(opens_on, due_on) as opens_on,
        due_on,
        deadline,
        done_on,
        show_until
    from items
    where least(opens_on, due_on) <= cast(as_of as date)
        and (done_on is null or done_on >= least(opens_on, due_on))
        and (due_on >= cast(since as date) or done_on is null
            or done_on > cast(as_of as date))
),
final as (
    select
        k.kind,
        k.record_ref,
        coalesce(k.direct_staff, a.staff_code) as staff_code,
        k.cluster_code,
        k.unit_code,
        k.opens_on,
        k.due_on,
        k.deadline,
        k.done_on,
        k.show_until,
        k.kind || ':' || k.record_ref || ':' || strftime(k.due_on, '%Y-%m-%d') || ':'
            || coalesce(k.direct_staff, a.staff_code, '') as item_key
    from kept k
    left join assignments a on k.direct_staff is null and a.cluster_code = k.cluster_code
        and least(k.due_on, cast(as_of as date)) between a.from_date
            and coalesce(a.to_date, date '9999-12-31')
)
select * from final;

-- open on each day and still shown (a briefing or patrol not done is shown on its day only)
select d.day, r.kind, r.record_ref, r.staff_code, r.due_on, r.deadline
from (values (date '2025-02-13'), (date '2025-02-14'), (date '2025-02-15'), (date '2025-02-17'))
        d(day),
    lateral (select * from agenda_rules(d.day, d.day - 3, 14, 7, 3, 3, 2, 7, 7)) r
where r.kind in ('morning_briefing', 'patrol')
    and (r.done_on is null or r.done_on > d.day)
    and (r.show_until is null or r.show_until >= d.day)
order by d.day, r.kind, r.record_ref, r.staff_code

select d.day, r.kind, r.record_ref, r.staff_code, r.cluster_code, r.opens_on, r.due_on, r.done_on
from (values (date '2025-03-04'), (date '2025-03-05'), (date '2025-03-06'), (date '2025-03-07'),
        (date '2025-03-08'), (date '2025-03-09'), (date '2025-03-15'), (date '2025-03-16'))
        d(day),
    lateral (select * from agenda_rules(d.day, d.day, 14, 7, 3, 3, 2, 7, 7)) r
where (r.done_on is null or r.done_on > d.day)
    and (r.show_until is null or r.show_until >= d.day)
    and r.kind not in ('morning_briefing', 'patrol', 'vacancy_inspection')
order by d.day, r.kind, r.record_ref, r.staff_code

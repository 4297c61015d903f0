-- the items on the agenda (opened, not done on the day) on each day, as the Today page lists them
select d.day, r.kind, r.record_ref, r.staff_code, r.opens_on, r.due_on, r.deadline, r.done_on
from (values (date '2025-03-02'), (date '2025-03-03'), (date '2025-03-04'), (date '2025-03-05'),
        (date '2025-03-06'), (date '2025-03-07'), (date '2025-03-08'), (date '2025-03-09')) d(day),
    lateral (select * from agenda_rules(d.day, d.day, 14, 7, 3, 3, 2, 7, 7)) r
where r.kind in ('complaint_response', 'complaint_resolution', 'complaint_return_visit',
        'repair_return_visit')
    and (r.done_on is null or r.done_on > d.day)
order by d.day, r.kind, r.record_ref

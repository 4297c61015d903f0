select d.day, r.kind, r.record_ref, r.staff_code, r.opens_on, r.due_on, r.done_on
from (values (date '2025-03-04'), (date '2025-03-05'), (date '2025-03-07'), (date '2025-03-08'),
        (date '2025-03-10'), (date '2025-03-11'), (date '2025-03-12'), (date '2025-03-21'),
        (date '2025-03-24')) d(day),
    lateral (select * from agenda_rules(d.day, d.day, 14, 7, 3, 3, 2, 7, 7)) r
where (r.done_on is null or r.done_on > d.day)
    and r.kind in ('promise_due', 'failed_debit_call')
order by d.day, r.kind, r.record_ref, r.staff_code

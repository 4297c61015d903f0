-- the Today list on the last day of February, the first and last day of March and 1 April
select d.day, r.kind, r.record_ref, r.staff_code, r.opens_on, r.due_on, r.done_on
from (values (date '2025-02-28'), (date '2025-03-01'), (date '2025-03-31'), (date '2025-04-01'))
        d(day),
    lateral (select * from agenda_rules(d.day, d.day, 14, 7, 3, 3, 2, 7, 7)) r
where (r.done_on is null or r.done_on > d.day)
    and (r.show_until is null or r.show_until >= d.day)
    and r.kind = 'vacancy_inspection'
order by d.day, r.record_ref, r.staff_code

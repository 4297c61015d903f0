-- what the agenda job stores on 2025-04-01 for the two months before: every item that fell due
-- since 2025-02-13 (due on or before D), with the day it was done
select r.item_key, r.kind, r.staff_code, r.due_on, r.done_on
from agenda_rules(date '2025-04-01', date '2025-02-13', 14, 7, 3, 3, 2, 7, 7) r
where r.due_on <= date '2025-04-01'
    and (r.kind = 'vacancy_inspection' or r.due_on <= date '2025-02-18')
order by r.item_key

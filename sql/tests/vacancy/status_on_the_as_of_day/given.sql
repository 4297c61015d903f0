-- The status on a live day D (2025-03-20, not a month end: the stored month end of 28 February
-- plus the changes after it) counts the rows dated on D itself and none after it. B3: V1 vacant,
-- occupied from D: occupied on D, and its move-in on D is March's one. V2 delivered on D (no
-- status row): delivered and vacant on D. V3 occupied, vacant from 1 March: vacant. V4 vacant,
-- occupied from the day after D: still vacant on D. V5 occupied from 28 February (the stored month
-- end's day): occupied, unchanged since. V6 occupied from the month end's day too, vacant from
-- 10 March: its status on the month end is that row's. Delivered 6, vacant 4 (V2, V3, V4, V6),
-- occupied 2 (V1, V5). Coverage: V2 inspected on D and V4 on 5 March are vacant on D, V1
-- inspected on 10 March is not: 2 of 4. February (its stored month end): delivered 5, vacant V1
-- and V4, occupied V3, V5 and V6; the move-ins of V5 and V6 are February's; nothing inspected.
insert into units (unit_code, building_code, area_sqm, delivered_on) values
    ('V1', 'B3', 90, '2024-01-01'),
    ('V2', 'B3', 90, '2025-03-20'),
    ('V3', 'B3', 90, '2024-01-01'),
    ('V4', 'B3', 90, '2024-01-01'),
    ('V5', 'B3', 90, '2024-01-01'),
    ('V6', 'B3', 90, '2024-01-01');
insert into unit_status (unit_code, from_date, status) values
    ('V1', '2024-01-01', 'vacant'),
    ('V1', '2025-03-20', 'occupied'),
    ('V3', '2024-06-01', 'occupied'),
    ('V3', '2025-03-01', 'vacant'),
    ('V4', '2024-01-01', 'vacant'),
    ('V4', '2025-03-21', 'occupied'),
    ('V5', '2024-01-01', 'vacant'),
    ('V5', '2025-02-28', 'occupied'),
    ('V6', '2024-01-01', 'vacant'),
    ('V6', '2025-02-28', 'occupied'),
    ('V6', '2025-03-10', 'vacant');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on) values
    ('J1', 'V1', '2025-03-10'),
    ('J2', 'V2', '2025-03-20'),
    ('J4', 'V4', '2025-03-05');

-- The rows of vacancy/coverage_move_in_on_snapshot, asked for some figures only (the figures
-- parameter): move-ins and inspection coverage are computed only when asked for, empty otherwise.
-- Inspection coverage counts the units vacant on the month's snapshot day only. U5 (B2) is
-- vacant, inspected on 10 January and occupied from 31 January, the January snapshot day: it
-- is not vacant then, so January's coverage is U3's alone (vacant, inspected on 1 January, the
-- first day of the range): 1 of 1. U6 moves in on 1 January, the range's first day.
insert into units (unit_code, building_code, area_sqm, delivered_on) values
    ('U5', 'B2', 90, '2024-01-01'),
    ('U6', 'B2', 90, '2024-01-01');
insert into unit_status (unit_code, from_date, status) values
    ('U5', '2024-01-01', 'vacant'),
    ('U5', '2025-01-31', 'occupied'),
    ('U6', '2024-06-01', 'vacant'),
    ('U6', '2025-01-01', 'occupied');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on) values
    ('I5', 'U5', '2025-01-10'),
    ('I6', 'U3', '2025-01-01');

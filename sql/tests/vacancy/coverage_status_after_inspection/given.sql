-- Inspection coverage of the month containing D (2025-01-20): the units inspected in January up
-- to D that are vacant on D, whatever their status on the day of the inspection
-- (vacancy_inspections.vacant_then, V028, stands for it only where nothing changed in the
-- month). B2: U3 vacant, inspected only on 25 January (after D): not covered. U5 vacant when
-- inspected on 5 January, occupied from 15 January: not vacant on D. U6 occupied when inspected
-- on 6 January, vacant from 12 January: covered. U7 inspected on 8 January, delivered on 10
-- January (vacant, no status row): covered. U8 vacant, inspected twice: covered once. Delivered
-- 5, vacant 4 (U3, U6, U7, U8), covered 3: 0.75 (0.5 if the inspection day's status were used
-- for U5 and U6). U5's move-in on 15 January is the month's one.
insert into units (unit_code, building_code, area_sqm, delivered_on) values
    ('U5', 'B2', 90, '2024-01-01'),
    ('U6', 'B2', 90, '2024-01-01'),
    ('U7', 'B2', 90, '2025-01-10'),
    ('U8', 'B2', 90, '2024-01-01');
insert into unit_status (unit_code, from_date, status) values
    ('U5', '2024-01-01', 'vacant'),
    ('U5', '2025-01-15', 'occupied'),
    ('U6', '2024-06-01', 'occupied'),
    ('U6', '2025-01-12', 'vacant'),
    ('U8', '2024-01-01', 'vacant');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on) values
    ('I3', 'U3', '2025-01-25'),
    ('I5', 'U5', '2025-01-05'),
    ('I6', 'U6', '2025-01-06'),
    ('I7', 'U7', '2025-01-08'),
    ('I8', 'U8', '2025-01-03'),
    ('I9', 'U8', '2025-01-18');

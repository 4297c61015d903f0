-- D = 2025-03-10. U4 delivered 15 February after its status row of 1 February (no move-in);
-- U1's second 'occupied' row repeats the status (no move-in); U2 moves in from decorating;
-- U2's row of 20 March is after D; U3 has no rows (vacant); U9 is never delivered.
insert into units (unit_code, building_code, area_sqm, delivered_on) values
    ('U4', 'B1', 100, '2025-02-15');
insert into unit_status (unit_code, from_date, status) values
    ('U1', '2025-01-10', 'occupied'),
    ('U1', '2025-02-20', 'occupied'),
    ('U2', '2024-06-01', 'decorating'),
    ('U2', '2025-02-05', 'occupied'),
    ('U2', '2025-03-20', 'vacant'),
    ('U4', '2025-02-01', 'occupied'),
    ('U9', '2025-01-05', 'occupied');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on) values
    ('I1', 'U3', '2025-01-31'),
    ('I2', 'U3', '2025-03-10'),
    ('I3', 'U1', '2025-01-05'),
    ('I4', 'U3', '2025-03-11');

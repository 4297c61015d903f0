-- U1 occupied since 2024-06-01; U2 vacant (no status row), inspected on 2025-02-28, the last
-- day of February: March still needs its own inspection. U3 vacant, inspected on 2025-03-01
-- (first day of March: done for March), occupied from 2025-03-20. U9 never delivered.
insert into unit_status (unit_code, status, from_date) values
    ('U1', 'occupied', '2024-06-01'), ('U3', 'occupied', '2025-03-20');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on, staff_code,
        doors_windows_ok, utilities_off_ok, no_leak, no_cracks) values
    ('I1', 'U2', '2025-02-28', 'S2', true, true, true, true),
    ('I2', 'U3', '2025-03-01', 'S2', true, true, true, true);

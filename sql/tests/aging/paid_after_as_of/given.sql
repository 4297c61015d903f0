-- Paid after D = 2025-03-15 still counts as owed on D, whether the allocation falls later in D's
-- month or in a later month (V035: the snapshot on D reads what is open now and adds those back).
-- P1 (43 days overdue) paid in full in April; P2 (15 days) half on 20 March, half in May; P3
-- paid on D itself (not owed); P4 issued after D (not owed, paid in April); P5 (74 days) never
-- paid; P6 (258 days) partly paid before D, the rest at the end of June.
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('P1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31'),
    ('P2', 'U1', '2025-02', 60.00, '2025-02-01', '2025-02-28'),
    ('P3', 'U1', '2025-02', 40.00, '2025-02-01', '2025-02-10'),
    ('P4', 'U1', '2025-03', 25.00, '2025-03-20', '2025-03-01'),
    ('P5', 'U1', '2024-12', 7.00, '2024-12-01', '2024-12-31'),
    ('P6', 'U1', '2024-06', 11.00, '2024-06-01', '2024-06-30');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'P1', null, '2025-04-10', 100.00),
    ('U1', 'P2', null, '2025-03-20', 30.00),
    ('U1', 'P2', null, '2025-05-02', 30.00),
    ('U1', 'P3', null, '2025-03-15', 40.00),
    ('U1', 'P4', null, '2025-04-01', 25.00),
    ('U1', 'P6', null, '2024-08-01', 5.00),
    ('U1', 'P6', null, '2025-06-30', 6.00);

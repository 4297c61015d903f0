insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('H1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'H1', null, '2025-02-10', 40.00),
    ('U1', 'H1', null, '2025-03-20', 60.00);

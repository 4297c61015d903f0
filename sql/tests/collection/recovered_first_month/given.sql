-- Arrears recovered in the first month a statement counts in opening arrears: A1 (due 31
-- January, issued 1 January) counts from 1 February; 30 of it paid on 10 February is recovered
-- in February. A2 (due 15 February) counts from 1 March: its payment on 20 February is
-- collected, not recovered, and March opens with 70 of A1 and nothing of A2.
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('A1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31'),
    ('A2', 'U1', '2025-02', 50.00, '2025-02-01', '2025-02-15');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'A1', null, '2025-02-10', 30.00),
    ('U1', 'A2', null, '2025-02-20', 50.00);

-- The rows of collection/monthly, asked for some figures only (the figures parameter): the
-- parts no figure needs are not computed and their columns are empty.
-- A1, A2, A3: ordinary statements; A5: a late correction of January issued on 10 February,
-- paid at once from U2's credit (P3 paid ahead); P2 names A2 (targeted) while A1 is open;
-- A4 is issued after D (does not exist); P6's allocation to A6 is dated after D (ignored).
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on,
        corrects_statement_no) values
    ('A1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31', null),
    ('A2', 'U1', '2025-02', 100.00, '2025-02-01', '2025-02-28', null),
    ('A3', 'U2', '2025-01', 200.00, '2025-01-01', '2025-01-31', null),
    ('A4', 'U1', '2025-03', 100.00, '2025-03-20', '2025-03-31', null),
    ('A6', 'U3', '2025-02', 80.00, '2025-02-01', '2025-02-28', null);
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on,
        corrects_statement_no) values
    ('A5', 'U2', '2025-01', 50.00, '2025-02-10', '2025-02-28', 'A3');
insert into payments (payment_no, unit_code, paid_on, amount, statement_no) values
    ('P1', 'U1', '2025-01-20', 60.00, null),
    ('P2', 'U1', '2025-02-10', 100.00, 'A2'),
    ('P3', 'U2', '2025-01-25', 300.00, null),
    ('P4', 'U1', '2025-03-05', 40.00, null),
    ('P6', 'U3', '2025-03-20', 80.00, null);
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'A1', 'P1', '2025-01-20', 60.00),
    ('U1', 'A2', 'P2', '2025-02-10', 100.00),
    ('U2', 'A3', 'P3', '2025-01-25', 200.00),
    ('U2', 'A5', 'P3', '2025-02-10', 50.00),
    ('U1', 'A1', 'P4', '2025-03-05', 40.00),
    ('U3', 'A6', 'P6', '2025-03-20', 80.00);

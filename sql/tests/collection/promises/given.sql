-- D = 2025-03-15. U1: A1 (due 31 January) paid 60 + 40 on 5 March; A2 (due 28 February)
-- paid after D. CA1 kept (A1 paid by 5 March); CA2 not (A2 overdue at 1 March, unpaid on
-- 10 March); CA3 not (A1 still owes 40 on 4 March); CA4 kept (U2 owes nothing overdue);
-- CA5 promised after D and made after D: ignored.
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('A1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31'),
    ('A2', 'U1', '2025-02', 100.00, '2025-02-01', '2025-02-28');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'A1', null, '2025-01-20', 60.00),
    ('U1', 'A1', null, '2025-03-05', 40.00),
    ('U1', 'A2', null, '2025-03-20', 100.00);
insert into collection_actions (action_no, unit_code, action_on, staff_code, method,
        promised_on) values
    ('CA1', 'U1', '2025-02-10', 'S1', 'phone', '2025-03-05'),
    ('CA2', 'U1', '2025-03-01', 'S2', 'phone', '2025-03-10'),
    ('CA3', 'U1', '2025-03-02', 'S2', 'visit', '2025-03-04'),
    ('CA4', 'U2', '2025-01-05', 'S1', 'phone', '2025-01-10'),
    ('CA5', 'U1', '2025-03-16', 'S2', 'phone', '2025-03-17');

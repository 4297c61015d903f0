-- A promise checked as of a day before a statement due before it was issued (a late
-- correction): as of that day the statement does not exist yet. U1: A1 (due 31 January) paid in
-- full on 1 February; C1, a correction issued on 20 March with due_on 10 February, is unpaid.
-- CA1 (20 February, promised 1 March) is kept as of 15 March (C1 not issued yet, A1 paid) and
-- broken as of 31 March (C1 overdue at 20 February and unpaid). CA2 (U2, nothing due) is kept
-- both times.
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('A1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31'),
    ('C1', 'U1', '2025-01', 50.00, '2025-03-20', '2025-02-10');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'A1', null, '2025-02-01', 100.00);
insert into collection_actions (action_no, unit_code, action_on, staff_code, method,
        promised_on) values
    ('CA1', 'U1', '2025-02-20', 'S1', 'phone', '2025-03-01'),
    ('CA2', 'U2', '2025-03-01', 'S1', 'phone', '2025-03-05');

-- Opening arrears of periods after D (V025: a month start up to D reads the stored month end
-- before it; a later one adds the moves after it, as of D). As of 15 February 2025, months
-- January to May. A1 is due on a month end (31 January) and counts in the opening arrears of
-- 1 February; A2 is issued before D and due after it; A3 is issued after D (does not exist);
-- P3's allocation is dated after D (ignored).
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on,
        corrects_statement_no) values
    ('A1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31', null),
    ('A2', 'U1', '2025-02', 100.00, '2025-02-01', '2025-02-28', null),
    ('A3', 'U1', '2025-03', 100.00, '2025-03-01', '2025-03-31', null);
insert into payments (payment_no, unit_code, paid_on, amount, statement_no) values
    ('P1', 'U1', '2025-01-20', 30.00, null),
    ('P2', 'U1', '2025-02-10', 40.00, null),
    ('P3', 'U1', '2025-03-05', 30.00, null);
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'A1', 'P1', '2025-01-20', 30.00),
    ('U1', 'A1', 'P2', '2025-02-10', 40.00),
    ('U1', 'A1', 'P3', '2025-03-05', 30.00);

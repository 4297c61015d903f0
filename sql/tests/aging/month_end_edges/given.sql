-- Snapshots on month ends (read from kpi_aging_month_ends, V023) at every bucket edge, next to
-- one in the middle of a month (computed from the summaries). On 2025-06-30 U1's statements
-- are 30, 31, 90, 91, 180, 181, 365 and 366 days overdue (amounts 1 to 128, one bit each).
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('H1', 'U1', '2025-05', 1.00, '2025-05-01', '2025-05-31'),
    ('H2', 'U1', '2025-05', 2.00, '2025-05-01', '2025-05-30'),
    ('H3', 'U1', '2025-04', 4.00, '2025-04-01', '2025-04-01'),
    ('H4', 'U1', '2025-03', 8.00, '2025-03-01', '2025-03-31'),
    ('H5', 'U1', '2025-01', 16.00, '2025-01-01', '2025-01-01'),
    ('H6', 'U1', '2024-12', 32.00, '2024-12-01', '2024-12-31'),
    ('H7', 'U1', '2024-06', 64.00, '2024-06-01', '2024-06-30'),
    ('H8', 'U1', '2024-06', 128.00, '2024-06-01', '2024-06-29'),
    -- U2: paid in part on the month end (counts) and on the day after (does not)
    ('S9', 'U2', '2025-05', 100.00, '2025-05-01', '2025-05-15'),
    -- U3 (B2): paid in full on the month end; due on it; a correction issued the day after
    ('T1', 'U3', '2025-05', 20.00, '2025-05-01', '2025-05-10'),
    ('T2', 'U3', '2025-06', 500.00, '2025-06-01', '2025-06-30'),
    ('T3', 'U3', '2025-06', 700.00, '2025-07-01', '2025-06-15');
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U2', 'S9', null, '2025-06-30', 30.00),
    ('U2', 'S9', null, '2025-07-01', 50.00),
    ('U3', 'T1', null, '2025-06-30', 20.00);

-- Promise kept by butler when the butler's assignment begins or ends near the action's day
-- (base.sql: S1 on C1 from 2024-01-01 to 2025-02-14, S2 on C1 from 2025-02-01). U1 owes A1
-- (due 31 December 2024, never paid), so its promises made after that are broken; U2 owes
-- nothing, so its promises are kept. The butler is the one on action_on:
-- P1 31 January (S1), P2 1 February (S1 and S2: S2's first day), P3 14 February (S1's last
-- day, and S2), P4 15 February (S2 only); P5 31 December 2023, before any assignment: the
-- building's only.
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('A1', 'U1', '2024-12', 100.00, '2024-12-01', '2024-12-31');
insert into collection_actions (action_no, unit_code, action_on, staff_code, method,
        promised_on) values
    ('P1', 'U1', '2025-01-31', 'S1', 'phone', '2025-02-05'),
    ('P2', 'U2', '2025-02-01', 'S2', 'phone', '2025-02-06'),
    ('P3', 'U1', '2025-02-14', 'S2', 'visit', '2025-02-20'),
    ('P4', 'U2', '2025-02-15', 'S2', 'phone', '2025-02-25'),
    ('P5', 'U2', '2023-12-31', 'S1', 'phone', '2024-01-05');

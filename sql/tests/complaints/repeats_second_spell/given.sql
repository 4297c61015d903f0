-- A butler's second spell in one period: S1 comes back to C1 on 2025-03-20 (base.sql: S1 on
-- C1 until 2025-02-14, S2 from 2025-02-01 on). U2 (B1) on 10 January (S1's first spell) and 25
-- March (S1's second spell, and S2): a repeat for S1 (both complaints fall to S1) and for B1,
-- not for S2 (one complaint).
insert into assignments (staff_code, cluster_code, from_date, to_date) values
    ('S1', 'C1', '2025-03-20', null);
insert into complaints (complaint_no, unit_code, received_at, category) values
    ('R1', 'U2', '2025-01-10 09:00:00', 'noise'),
    ('R2', 'U2', '2025-03-25 09:00:00', 'noise');

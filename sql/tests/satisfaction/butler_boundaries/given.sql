-- Scored records by butler when the butler's assignment begins or ends near the record's day
-- (base.sql: S1 on C1 from 2024-01-01 to 2025-02-14, S2 on C1 from 2025-02-01): the butler on
-- the day counts it. Visits in B1: 31 January (S1) 2, 1 February (S1 and S2: S2's first day)
-- 4, 14 February (S1's last day, and S2) 5, 15 February (S2 only) 3; 31 December 2023 (before
-- any assignment: the building's only) 1.
insert into visits (visit_no, unit_code, visited_on, satisfaction) values
    ('V1', 'U1', '2025-01-31', 2),
    ('V2', 'U1', '2025-02-01', 4),
    ('V3', 'U2', '2025-02-14', 5),
    ('V4', 'U2', '2025-02-15', 3),
    ('V5', 'U1', '2023-12-31', 1);

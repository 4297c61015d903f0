-- The complaints of complaints/repeats, asked for some figures only (the figures parameter):
-- repeat units are computed only when asked for, empty otherwise.
-- Repeat units when the butler changes within the period (base.sql: S1 on C1 until
-- 2025-02-14, S2 on C1 from 2025-02-01). Quarter 2025-Q1: U1 on 3 February (S1 and S2) and
-- 20 February (S2 only): a repeat for S2 and for B1, not for S1; U2 on 10 January (S1 only)
-- and 20 February (S2 only): a repeat for B1, C1 and E1 but for neither butler; U3 (B2) on 10
-- and 12 February (S1 and S2) and 25 March (S2): a repeat for both butlers.
insert into complaints (complaint_no, unit_code, received_at, category) values
    ('R1', 'U1', '2025-02-03 09:00:00', 'noise'),
    ('R2', 'U1', '2025-02-20 09:00:00', 'noise'),
    ('R3', 'U2', '2025-01-10 09:00:00', 'noise'),
    ('R4', 'U2', '2025-02-20 10:00:00', 'noise'),
    ('R5', 'U3', '2025-02-10 09:00:00', 'noise'),
    ('R6', 'U3', '2025-02-12 09:00:00', 'noise'),
    ('R7', 'U3', '2025-03-25 09:00:00', 'noise');

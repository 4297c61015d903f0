-- Repeat units at a month's edges, by month as of 2025-02-20. U1 on 31 January 23:59:59 and 1
-- February 00:00:00: a repeat in neither month; and on 25 February, after D: left out, so still
-- none in February. U2 on 1 February 08:00 (the month's first day) and 5 February: a repeat in
-- February. U3 (B2) twice at the same instant on 15 January: a repeat in January. Butlers
-- (base.sql: S1 on C1 until 14 February, S2 from 1 February): U3 for S1 in January, U2 for both
-- in February.
insert into complaints (complaint_no, unit_code, received_at, category) values
    ('E1', 'U1', '2025-01-31 23:59:59', 'noise'),
    ('E2', 'U1', '2025-02-01 00:00:00', 'noise'),
    ('E3', 'U2', '2025-02-01 08:00:00', 'noise'),
    ('E4', 'U2', '2025-02-05 09:00:00', 'noise'),
    ('E5', 'U3', '2025-01-15 10:00:00', 'noise'),
    ('E6', 'U3', '2025-01-15 10:00:00', 'noise'),
    ('E7', 'U1', '2025-02-25 09:00:00', 'noise');

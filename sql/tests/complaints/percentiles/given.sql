-- B1: one value each (303 s = 5.05 min, 18180 s = 5.05 h: rounded half away from zero);
-- B2: two values each (600 s and 1200 s; 3600 s and 7200 s).
insert into complaints (complaint_no, unit_code, received_at, category, first_response_at,
        resolved_at) values
    ('Q1', 'U1', '2025-03-01 10:00:00', 'noise', '2025-03-01 10:05:03', '2025-03-01 15:03:00'),
    ('Q2', 'U3', '2025-03-02 10:00:00', 'noise', '2025-03-02 10:10:00', '2025-03-02 11:00:00'),
    ('Q3', 'U3', '2025-03-03 10:00:00', 'noise', '2025-03-03 10:20:00', '2025-03-03 12:00:00');

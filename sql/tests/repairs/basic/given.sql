-- R1, R2: common-area repairs of B3 (cluster C2, no units); R2's return visit is after D;
-- R3 is completed after D; R4 completed in February while S1 and S2 were both on C1.
insert into repairs (repair_no, building_code, unit_code, reported_at, completed_at,
        return_visit_at) values
    ('R1', 'B3', null, '2025-03-01 08:00:00', '2025-03-01 13:03:00', '2025-03-02 09:00:00'),
    ('R2', 'B3', null, '2025-02-27 00:00:00', '2025-03-02 00:00:00', '2025-03-11 09:00:00'),
    ('R3', 'B1', 'U1', '2025-03-05 00:00:00', '2025-03-11 10:00:00', null),
    ('R4', 'B1', 'U1', '2025-02-01 00:00:00', '2025-02-01 02:00:00', '2025-02-02 10:00:00');

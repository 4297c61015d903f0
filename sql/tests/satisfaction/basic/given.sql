-- D = 2025-03-10. B1: visits 5 and 3 (V3 after D, V4 unscored), complaint C1 resolved in
-- March with 4 (C2 unresolved, C3 resolved after D), repairs R1 (4, 3 -> 3.5) and R2
-- (5, 5, 4 -> 14/3); R3 unscored, R4 without a return visit. B2: eight visits averaging
-- 4.125 (-> 4.13, half away from zero).
insert into visits (visit_no, unit_code, visited_on, satisfaction) values
    ('V1', 'U1', '2025-03-01', 5), ('V2', 'U1', '2025-03-02', 3),
    ('V3', 'U1', '2025-03-11', 1), ('V4', 'U2', '2025-03-03', null),
    ('W1', 'U3', '2025-03-01', 4), ('W2', 'U3', '2025-03-01', 4), ('W3', 'U3', '2025-03-01', 4),
    ('W4', 'U3', '2025-03-01', 5), ('W5', 'U3', '2025-03-01', 4), ('W6', 'U3', '2025-03-01', 4),
    ('W7', 'U3', '2025-03-01', 4), ('W8', 'U3', '2025-03-01', 4);
insert into complaints (complaint_no, unit_code, received_at, category, resolved_at,
        satisfaction) values
    ('C1', 'U1', '2025-02-25 09:00:00', 'noise', '2025-03-01 10:00:00', 4),
    ('C2', 'U1', '2025-03-01 09:00:00', 'noise', null, 2),
    ('C3', 'U2', '2025-03-05 09:00:00', 'noise', '2025-03-11 10:00:00', 5);
insert into repairs (repair_no, building_code, unit_code, reported_at, completed_at,
        return_visit_at, score_attitude, score_quality, score_etiquette) values
    ('R1', 'B1', 'U1', '2025-03-01 08:00:00', '2025-03-01 12:00:00', '2025-03-04 10:00:00',
        4, 3, null),
    ('R2', 'B1', 'U2', '2025-03-01 08:00:00', '2025-03-01 12:00:00', '2025-03-05 10:00:00',
        5, 5, 4),
    ('R3', 'B1', 'U2', '2025-03-01 08:00:00', '2025-03-01 12:00:00', '2025-03-05 10:00:00',
        null, null, null),
    ('R4', 'B1', 'U2', '2025-03-01 08:00:00', '2025-03-01 12:00:00', null, 2, null, null);

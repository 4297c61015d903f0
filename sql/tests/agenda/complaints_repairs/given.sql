-- Complaints (service levels 30 min / 48 h, V005) and repairs on C1 (butler S2 in March).
-- K1 received 2025-03-03 23:50: response due 2025-03-04 00:20, never answered.
-- K2 received 2025-03-03 09:00, answered 09:20, resolved 2025-03-05 08:00 (due 03-05 09:00),
--    return visit 2025-03-08 (signoff_days 3: due 03-08, on time).
-- K3 received 2025-03-03 09:00, answered 09:10, never resolved: resolution due 2025-03-05.
-- R1 completed 2025-03-03 15:00, return visit due 03-06 (repair_days 3), done 03-07 (late).
-- R2 on B2 completed 2025-03-03, return visit the same day (done when it opened).
insert into complaints (complaint_no, unit_code, received_at, category, first_response_at,
        resolved_at, return_visit_at) values
    ('K1', 'U1', '2025-03-03 23:50:00', 'noise', null, null, null),
    ('K2', 'U2', '2025-03-03 09:00:00', 'cleaning', '2025-03-03 09:20:00',
        '2025-03-05 08:00:00', '2025-03-08 10:00:00'),
    ('K3', 'U3', '2025-03-03 09:00:00', 'parking', '2025-03-03 09:10:00', null, null);
insert into repairs (repair_no, building_code, unit_code, reported_at, completed_at,
        return_visit_at) values
    ('R1', 'B1', 'U1', '2025-03-02 10:00:00', '2025-03-03 15:00:00', '2025-03-07 11:00:00'),
    ('R2', 'B2', null, '2025-03-03 08:00:00', '2025-03-03 12:00:00', '2025-03-03 16:00:00');

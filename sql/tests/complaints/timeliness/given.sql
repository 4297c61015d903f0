-- D = 2025-03-10, T = 2025-03-11 00:00:00. Parking has its own levels: 60 min and 24 h.
update complaint_service_levels set response_minutes = 60, resolution_hours = 24
where category = 'parking';
insert into complaints (complaint_no, unit_code, received_at, category, first_response_at,
        resolved_at, valid, owner_signed) values
    -- exactly 30 min 0 s and 48 h 0 s: on time
    ('K1', 'U1', '2025-03-01 10:00:00', 'noise', '2025-03-01 10:30:00', '2025-03-03 10:00:00',
        true, true),
    -- 30 min 1 s and 48 h 1 s: late
    ('K2', 'U1', '2025-03-01 10:00:00', 'noise', '2025-03-01 10:30:01', '2025-03-03 10:00:01',
        false, null),
    -- unanswered, deadline 00:10 after T: left out
    ('K3', 'U1', '2025-03-10 23:40:00', 'noise', null, null, null, null),
    -- unanswered, deadline exactly T: late
    ('K4', 'U1', '2025-03-10 23:30:00', 'noise', null, null, null, null),
    -- answered after T (treated as unanswered), deadline long past: late
    ('K5', 'U1', '2025-03-05 08:00:00', 'noise', '2025-03-11 09:00:00', null, null, null),
    -- parking levels: 50 min on time, 25 h late
    ('K6', 'U1', '2025-03-02 12:00:00', 'parking', '2025-03-02 12:50:00', '2025-03-03 13:00:00',
        null, false),
    ('K7', 'U2', '2025-02-27 09:00:00', 'noise', null, null, null, null),
    -- received after D: ignored
    ('K8', 'U1', '2025-03-11 08:00:00', 'noise', null, null, true, null);

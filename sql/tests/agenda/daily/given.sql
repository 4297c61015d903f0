-- The 9:30 briefing and the daily patrol of each cluster with a butler, Monday to Friday.
-- 2025-02-13 (Thu): C1's briefing held, no patrol. 2025-02-14 (Fri): C1 patrolled, briefing
-- planned but not held. S1 and S2 are both on C1 until 02-14; from 02-15 only S2.
-- C2 (S3) records nothing. 02-15/16 are a weekend: nothing is due.
insert into morning_briefings (briefing_no, cluster_code, briefing_on, held_at, staff_code) values
    ('MB1', 'C1', '2025-02-13', '2025-02-13 09:25:00', 'S1'),
    ('MB2', 'C1', '2025-02-14', null, 'S2');
insert into patrols (patrol_no, cluster_code, staff_code, patrol_on) values
    ('P1', 'C1', 'S2', '2025-02-14');

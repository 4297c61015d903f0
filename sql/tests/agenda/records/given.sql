-- Notices, facility checks, documents, follow-ups and activities (March 2025; C1: S2, C2: S3).
-- N1 on a C1 board expires 03-04: take down from 03-05, taken down 03-06.
-- N2 on boards of C1 and C2 expires 03-05, never taken down. N3 taken down before expiry.
insert into notice_boards (board_code, cluster_code) values ('NB1', 'C1'), ('NB2', 'C2');
insert into notices (notice_no, title, posted_on, expires_on, taken_down_on) values
    ('N1', 'Water', '2025-03-01', '2025-03-04', '2025-03-06'),
    ('N2', 'Lift', '2025-03-01', '2025-03-05', null),
    ('N3', 'Party', '2025-03-01', '2025-03-05', '2025-03-05');
insert into notice_postings (notice_no, board_code) values
    ('N1', 'NB1'), ('N2', 'NB1'), ('N2', 'NB2'), ('N3', 'NB1');
-- FC1 (C1 playground) fails on 03-03, follow-up F1 due 03-05 resolved 03-06.
-- FC2 (C2 gym) fails on 03-03 without a follow-up; the next check 03-07 passes.
insert into departments (department_code, name, kind) values ('ENG', 'Engineering', 'engineering');
insert into follow_ups (follow_up_no, source, cluster_code, department_code, description,
        raised_at, due_on, status, resolved_at, assignee_code) values
    ('F1', 'facility_check', 'C1', 'ENG', 'swing broken', '2025-03-03 10:00:00', '2025-03-05',
        'resolved', '2025-03-06 15:00:00', null),
    ('F2', 'visit', 'C1', 'ENG', 'call the owner back', '2025-03-04 10:00:00', '2025-03-05',
        'open', null, 'S2');
insert into facilities (facility_code, cluster_code, name, kind) values
    ('FA1', 'C1', 'Playground', 'playground'), ('FA2', 'C2', 'Gym', 'fitness');
insert into facility_checks (check_no, facility_code, checked_on, clean_ok, undamaged_ok,
        safe_ok, follow_up_no) values
    ('FC1', 'FA1', '2025-03-03', true, false, true, 'F1'),
    ('FC2', 'FA2', '2025-03-03', false, true, true, null),
    ('FC3', 'FA2', '2025-03-07', true, true, true, null);
-- documents dispatched 2025-02-20 (doc_days 14: on the call list from 03-07, the 15th day):
-- U1 with security, never collected, called 03-08; U2 left with security on 03-01 but not
-- collected (still unclaimed); U3 posted and delivered 03-03 (received before: no item).
insert into customer_documents (document_no, kind, title, issued_on) values
    ('D1', 'fee_standard', 'Fees 2025', '2025-02-20');
insert into document_deliveries (document_no, unit_code, method, dispatched_on, delivered_on,
        collected_on, call_on) values
    ('D1', 'U1', 'with_security', '2025-02-20', null, null, '2025-03-08'),
    ('D1', 'U2', 'with_security', '2025-02-20', '2025-03-01', null, null),
    ('D1', 'U3', 'post', '2025-02-20', '2025-03-03', null, null);
-- A1 (estate E1: clusters C1 and C2) announced 03-01 for 03-08: sign-ups due by 03-07, first
-- sign-up 03-06; held, feedback 03-09 .. 03-15 (feedback_days 7), first feedback 03-16.
insert into activities (activity_no, estate_code, title, starts_at, notice_on, status) values
    ('A1', 'E1', 'Spring fair', '2025-03-08 15:00:00', '2025-03-01', 'held');
insert into activity_signups (activity_no, unit_code, head_count, signed_up_on, feedback_on,
        feedback_score) values
    ('A1', 'U1', 2, '2025-03-06', '2025-03-16', 5);

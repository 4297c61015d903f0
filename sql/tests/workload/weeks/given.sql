-- D = 2025-03-10: records of S2 in March (P2, K2 and the second delivery do not count),
-- S1's patrol of February; agenda: a1 on time, a2 late, a3 not done, a4 done after D (not
-- done as of D), a5 due after D (not counted), a6 S1 late.
insert into patrols (patrol_no, cluster_code, staff_code, patrol_on) values
    ('P1', 'C1', 'S2', '2025-03-01'), ('P2', 'C1', 'S2', '2025-03-11'),
    ('P3', 'C1', 'S1', '2025-02-10');
insert into visits (visit_no, unit_code, visited_on, staff_code) values
    ('V1', 'U1', '2025-03-02', 'S2');
insert into collection_actions (action_no, unit_code, action_on, staff_code, method) values
    ('A1', 'U1', '2025-03-03', 'S2', 'phone');
insert into complaints (complaint_no, unit_code, received_at, category, first_response_at,
        responder_code) values
    ('K1', 'U1', '2025-03-01 09:00:00', 'noise', '2025-03-01 09:10:00', 'S2'),
    ('K2', 'U1', '2025-03-10 23:00:00', 'noise', '2025-03-11 00:10:00', 'S2');
insert into vacancy_inspections (inspection_no, unit_code, inspected_on, staff_code) values
    ('I1', 'U3', '2025-03-04', 'S2');
insert into customer_documents (document_no, kind, title, issued_on) values
    ('D1', 'water_outage', 'Water outage', '2025-03-01');
insert into document_deliveries (document_no, unit_code, method, staff_code, delivered_on)
values ('D1', 'U1', 'in_person', 'S2', '2025-03-05'), ('D1', 'U2', 'in_person', 'S2', null);
insert into agenda_items (item_key, staff_code, cluster_code, kind, due_on, done_on) values
    ('a1', 'S2', 'C1', 'patrol', '2025-03-01', '2025-03-01'),
    ('a2', 'S2', 'C1', 'patrol', '2025-03-02', '2025-03-04'),
    ('a3', 'S2', 'C1', 'patrol', '2025-03-03', null),
    ('a4', 'S2', 'C1', 'patrol', '2025-03-05', '2025-03-11'),
    ('a5', 'S2', 'C1', 'patrol', '2025-03-12', null),
    ('a6', 'S1', 'C1', 'patrol', '2025-02-10', '2025-02-12');

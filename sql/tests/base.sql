-- Master data shared by every SQL test: estate E1 (clusters C1, C2), estate E2 (cluster C3
-- without buildings); buildings B1, B2 in C1 and B3 in C2 (no units); units U1, U2 (B1), U3
-- (B2) delivered 2024-01-01 and U9 (B1) never delivered. Butlers: S1 on C1 until 2025-02-14,
-- S2 on C1 from 2025-02-01 (both on C1 from 1 to 14 February), S3 on C2.
insert into estates (estate_code, name) values ('E1', 'Estate one'), ('E2', 'Estate two');
insert into clusters (cluster_code, estate_code, name) values
    ('C1', 'E1', 'Cluster one'), ('C2', 'E1', 'Cluster two'), ('C3', 'E2', 'Cluster three');
insert into buildings (building_code, cluster_code, name) values
    ('B1', 'C1', 'Building one'), ('B2', 'C1', 'Building two'), ('B3', 'C2', 'Building three');
insert into units (unit_code, building_code, area_sqm, delivered_on) values
    ('U1', 'B1', 100, '2024-01-01'), ('U2', 'B1', 100, '2024-01-01'),
    ('U3', 'B2', 100, '2024-01-01'), ('U9', 'B1', 100, null);
insert into staff (staff_code, name, role) values
    ('S1', 'Butler one', 'butler'), ('S2', 'Butler two', 'butler'),
    ('S3', 'Butler three', 'butler'), ('X1', 'Engineer', 'engineer');
insert into assignments (staff_code, cluster_code, from_date, to_date) values
    ('S1', 'C1', '2024-01-01', '2025-02-14'), ('S2', 'C1', '2025-02-01', null),
    ('S3', 'C2', '2024-01-01', null);

-- Default settings (DESIGN.md F7, KPI.md "Complaints"): service levels per complaint
-- category, response <= 30 minutes and resolution <= 48 hours; editable per category.
-- Conventions as in V001__master_data.sql.

insert into complaint_service_levels (category, response_minutes, resolution_hours) values
    ('security', 30, 48),
    ('cleaning', 30, 48),
    ('greening', 30, 48),
    ('engineering', 30, 48),
    ('noise', 30, 48),
    ('parking', 30, 48),
    ('decoration', 30, 48),
    ('fees', 30, 48),
    ('staff', 30, 48),
    ('neighbour', 30, 48),
    ('other', 30, 48);

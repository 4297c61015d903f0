-- The building of a complaint's or visit's unit, stored on the record (sql/README.md "Record
-- buildings"): the KPI views of complaints, complaint categories and satisfaction group these
-- records by building, and joining 500,000 units to find it cost 40-60 ms of every such query.
-- Always the unit's building: written with the record (ComplaintRepository, VisitRepository, the
-- demo and benchmark data), set for imported records and by full summary rebuilds
-- (KpiSummaries.refreshRecordBuildings); a unit with records cannot move to another building.
-- Nullable because DuckDB cannot make a column NOT NULL in a table that others reference.
alter table complaints add column building_code varchar(32);
alter table visits add column building_code varchar(32);
update complaints set building_code = (
    select u.building_code from units u where u.unit_code = complaints.unit_code);
update visits set building_code = (
    select u.building_code from units u where u.unit_code = visits.unit_code);

-- The building of an inspected unit, stored on the vacancy inspection as V026 stores it on
-- complaints and visits (sql/README.md "Record buildings"): kpi_vacancy counts the current
-- month's covered units per building, and joining all 500,000 units to find an inspection's
-- building cost about a tenth of every vacancy query (by month and estate about 150 -> 125 ms,
-- by building and butler about 30 ms less). Always the unit's building: written with the
-- inspection (VacancyRepository, the benchmark data), set for imported inspections and by full
-- summary rebuilds (KpiSummaries.refreshRecordBuildings, which the demo's load ends with); a
-- unit with inspections cannot move to another building. Nullable for the reason V026 gives.
alter table vacancy_inspections add column building_code varchar(32);
update vacancy_inspections set building_code = (
    select u.building_code from units u where u.unit_code = vacancy_inspections.unit_code);

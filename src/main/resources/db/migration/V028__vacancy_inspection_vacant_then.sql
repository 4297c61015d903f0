-- Whether the inspected unit was delivered and vacant on the day of the inspection (its latest
-- status row on or before inspected_on; vacant without one), stored on the inspection
-- (sql/README.md "Vacancy summaries"): kpi_vacancy's inspection coverage of the month containing
-- D then reads the status rows only of the units whose status changed in that month. Kept by
-- KpiSummaries.refreshInspectionFlags for the units of every write of units, status rows and
-- inspections (KpiSummaryMaintenance.refreshVacancy) and in every full rebuild; NULL until
-- then, which the start-up fills (KpiSummaries.rebuildIfStale).
alter table vacancy_inspections add column vacant_then boolean;

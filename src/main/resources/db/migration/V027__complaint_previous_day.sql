-- The day the unit's previous complaint was received (by received_at, then complaint_no; NULL for
-- its first), stored on the complaint (sql/README.md "Record buildings"): kpi_complaints counts
-- a unit as a repeat unit of a period when one of its complaints of the period has its previous
-- one in the same period, without grouping every complaint by unit. Set by
-- ComplaintRepository.insert for the unit's complaints and by KpiSummaries.refreshPreviousDays
-- (imported complaints, every full summary rebuild).
alter table complaints add column previous_received_on date;
update complaints set previous_received_on = (
    select max(cast(e.received_at as date)) from complaints e
    where e.unit_code = complaints.unit_code
        and (e.received_at < complaints.received_at
            or (e.received_at = complaints.received_at and e.complaint_no < complaints.complaint_no)));

select * from kpi_aging(date '2025-03-15', null, null, null) order by scope, scope_code

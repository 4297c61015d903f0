select scope, scope_code, period, complaints, repeat_units from kpi_complaints(date '2025-03-31', 'quarter', '2025-01', '2025-03') where scope in ('butler', 'building') order by scope, scope_code

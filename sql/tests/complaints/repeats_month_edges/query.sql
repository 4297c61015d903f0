select scope, scope_code, period, complaints, repeat_units from kpi_complaints(date '2025-02-20', 'month', '2025-01', '2025-02') order by scope, scope_code, period

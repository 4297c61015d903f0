select * from kpi_collection(date '2025-03-15', 'month', '2025-01', '2025-03') order by scope, scope_code, period

select * from kpi_workload(date '2025-03-10', 'week', '2025-03', '2025-03') where scope_code = 'S2' order by scope, scope_code, period

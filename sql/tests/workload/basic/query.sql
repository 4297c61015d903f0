select * from kpi_workload(date '2025-03-10', 'month', '2025-02', '2025-03') order by scope, scope_code, period

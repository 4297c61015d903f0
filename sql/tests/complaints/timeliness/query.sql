select * from kpi_complaints(date '2025-03-10', 'month', '2025-02', '2025-03') where scope in ('building', 'butler') order by scope, scope_code, period

select * from kpi_collection(date '2025-03-15', 'quarter', '2025-01', '2025-03') where scope = 'building' order by scope_code, period

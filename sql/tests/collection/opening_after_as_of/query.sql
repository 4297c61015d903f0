select * from kpi_collection(date '2025-02-15', 'month', '2025-01', '2025-05') where scope = 'building' and scope_code = 'B1' order by period

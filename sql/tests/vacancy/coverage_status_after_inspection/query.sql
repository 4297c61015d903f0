select * from kpi_vacancy(date '2025-01-20', 'month', '2025-01', '2025-01') where scope = 'building' and scope_code = 'B2' order by period

select * from kpi_vacancy(date '2025-03-10', 'month', '2025-01', '2025-04') where scope = 'building' order by scope_code, period

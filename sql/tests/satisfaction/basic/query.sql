select * from kpi_satisfaction(date '2025-03-10', 'month', '2025-03', '2025-03') where scope = 'building' order by scope_code

select * from kpi_vacancy(date '2025-03-20', 'month', '2025-02', '2025-03') where scope = 'building' and scope_code = 'B3' order by period

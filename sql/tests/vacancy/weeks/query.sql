select * from kpi_vacancy(date '2025-03-10', 'week', '2025-02', '2025-02') where scope = 'cluster' and scope_code = 'C1' order by scope_code, period

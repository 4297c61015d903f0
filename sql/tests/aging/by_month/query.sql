select * from kpi_aging(date '2025-03-15', 'month', '2025-01', '2025-04') where scope in ('building', 'butler') and scope_code in ('B1', 'S1') order by scope, scope_code, as_of, period

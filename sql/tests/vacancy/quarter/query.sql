select * from kpi_vacancy(date '2025-03-10', 'quarter', '2025-01', '2025-06') where scope in ('building', 'cluster') order by scope, scope_code, period

select scope, scope_code, period, promise_kept_rate from kpi_collection(date '2025-03-15', 'month', '2025-01', '2025-03') where scope in ('building', 'butler') order by scope, scope_code, period

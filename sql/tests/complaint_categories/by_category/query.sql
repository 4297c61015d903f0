select * from kpi_complaint_categories(date '2025-03-10', 'quarter', '2025-01', '2025-03') order by scope, scope_code, period, category

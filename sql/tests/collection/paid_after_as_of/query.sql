select 'month' as grain, * from kpi_collection(date '2025-05-20', 'month', '2024-10', '2025-06')
where scope = 'building'
union all
select 'quarter', * from kpi_collection(date '2025-05-20', 'quarter', '2024-10', '2025-06')
where scope = 'building'
union all
select 'year', * from kpi_collection(date '2025-05-20', 'year', '2024-10', '2025-06')
where scope = 'building'
order by grain, scope_code, period

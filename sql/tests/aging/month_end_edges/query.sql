select * from kpi_aging(date '2025-07-10', 'month', '2025-05', '2025-07')
where scope = 'building' and scope_code in ('B1', 'B2')
union all
select * from kpi_aging(date '2025-06-30', null, null, null)
where scope = 'building' and scope_code in ('B1', 'B2')
union all
select * from kpi_aging(date '2025-06-30', 'month', '2025-06', '2025-07')
where scope = 'building' and scope_code in ('B1', 'B2')
order by scope_code, as_of, period

-- Complaints (KPI.md "Complaints"; datasets `complaints` and `complaint_categories`).
-- Grain: kpi_complaints - one row per scope object per period; kpi_complaint_categories - one
-- row per scope object, period and category with at least one complaint;
-- kpi_complaint_category_counts - the same as one row per scope object and period with a count
-- column per category.
-- Parameters (as_of, grain, from_period, to_period) as in collection.sql. Cohort: complaints
-- received in P (received_at on or before D). T = start of the day after D: a response or
-- resolution at or after T is treated as empty. Service levels per category from
-- complaint_service_levels (30 min / 48 h when a category has no row).
-- Butler: the butler of the unit's cluster on the day the complaint was received. Building: the
-- unit's, as stored on the complaint (complaints.building_code, V026).
-- Closed periods (V032, sql/README.md "Closed complaint periods"): kpi_complaints reads the
-- stored rows of a period whose complaints were all answered and resolved by D and have not
-- changed since they were stored (kpi_complaint_fingerprints, kpi_complaint_context), and
-- computes the other periods from the complaints.

-- The first day of the first period of the range not among the closed ones (a list of keys):
-- the complaints received before it are not read. 9999-12-31 when every period is closed.
create or replace macro kpi_complaint_live_from(grain, from_period, to_period, closed) as
    (select coalesce(min(p.p_start), date '9999-12-31')
        from kpi_periods(grain, from_period, to_period) p
        where not list_contains(coalesce(closed, []), p.period));

-- closed (optional): the keys of the periods read from the closed store (a list, from
-- kpi_complaint_closed_in): their complaints are left out, and none received before the first
-- other period is read (kpi_complaint_live_from).
create or replace macro kpi_complaint_facts(as_of, grain, from_period, to_period,
        closed := null) as table
with periods as (
    select * from kpi_periods(grain, from_period, to_period)
),
-- the periods to compute: those not read from the closed store. Filtered here, before the join
-- with the complaints below: as a condition after that join (it holds a subquery, `closed`)
-- DuckDB joined every complaint of the range first (36 months by building at 500,000 units:
-- two joins of 366,589 rows, about half the query's CPU) and only then kept the open periods'
-- (A/B in one process, identical rows, 36 months with the closed store filled: by month and
-- building 425-545 -> 313-368 ms, by butler 390-440 -> 242-290, the category counts by building
-- 276-360 -> 214-266, by quarter and estate 135-164 -> 84-109).
open_periods as materialized (
    select * from periods p
    where closed is null or not list_contains(closed, p.period)
),
kept as (
    select
        c.complaint_no,
        c.unit_code,
        c.building_code,
        c.category,
        c.received_at,
        cast(c.received_at as date) as received_on,
        c.valid,
        c.owner_signed,
        case when c.first_response_at < cast(as_of as date) + interval 1 day
            then c.first_response_at end as responded_at,
        case when c.resolved_at < cast(as_of as date) + interval 1 day
            then c.resolved_at end as resolved_at,
        coalesce(l.response_minutes, 30) * 60 as response_limit_s,
        coalesce(l.resolution_hours, 48) * 3600 as resolution_limit_s
    -- the unit's building is stored on the complaint (V026): no join of every unit
    from complaints c
    left join complaint_service_levels l on l.category = c.category
    -- only the periods' days (kpi_range_start/kpi_range_end, common.sql): fewer rows to join
    where cast(c.received_at as date) <= cast(as_of as date)
        and c.received_at >= kpi_range_start(grain, from_period)
        and c.received_at < kpi_range_end(grain, to_period)
        and (closed is null
            or c.received_at >= kpi_complaint_live_from(grain, from_period, to_period, closed))
),
timed as (
    select
        k.*,
        kpi_seconds(k.received_at, k.responded_at) as response_s,
        kpi_seconds(k.received_at, k.resolved_at) as resolution_s,
        -- the deadline received_at + level, compared with T in whole seconds
        kpi_seconds(k.received_at, cast(as_of as date) + interval 1 day) as until_t_s
    from kept k
),
final as (
    select
        p.period,
        t.complaint_no,
        t.unit_code,
        t.building_code,
        t.category,
        t.received_on,
        t.valid,
        t.owner_signed,
        t.response_s,
        t.resolution_s,
        -- in the timeliness denominator unless unanswered with a deadline after T
        t.response_s is not null or t.response_limit_s <= t.until_t_s as response_counted,
        coalesce(t.response_s <= t.response_limit_s, false) as response_on_time,
        t.resolution_s is not null or t.resolution_limit_s <= t.until_t_s as resolution_counted,
        coalesce(t.resolution_s <= t.resolution_limit_s, false) as resolution_on_time
    from open_periods p
    -- the period of a day is the one starting on date_trunc(grain, day)
    join timed t on p.p_start = cast(date_trunc(grain, t.received_on) as date)
)
select * from final;

-- The complaints of each period of the grain in the range: how many, and the sum of a hash of
-- every column kpi_complaints and the category counts read. A stored closed period is read only
-- while its count and sum are the ones stored: any insert, update or delete of one of its
-- complaints (through the services, an import or plain SQL) changes them (unless two 64-bit
-- hash sums collide) and the period is computed from the complaints again. open_n: complaints
-- not yet answered or not yet resolved; last_on: the last day of a response or resolution.
create or replace macro kpi_complaint_fingerprints(grain, from_period, to_period) as table
with final as (
    select
        cast(date_trunc(grain, received_at) as date) as p_start,
        count(*) as complaints,
        sum(hash(complaint_no, unit_code, building_code, category, received_at, valid,
            owner_signed, first_response_at, resolved_at)) as fingerprint,
        count(*) filter (where first_response_at is null or resolved_at is null) as open_n,
        max(greatest(cast(first_response_at as date), cast(resolved_at as date))) as last_on
    from complaints
    where received_at >= kpi_range_start(grain, from_period)
        and received_at < kpi_range_end(grain, to_period)
    group by all
)
select * from final;

-- What else every closed period's rows depend on, as one number: the scope objects (the rows'
-- grid), the scope links (the butler of each day among them) and the service levels. A change
-- of any of them changes it, and every stored period is then computed again until the next fill.
create or replace macro kpi_complaint_context() as
    (select count(*) + coalesce(sum(hash(building_code, scope, scope_code, valid_from, valid_to)),
        0) from kpi_scope_links)
    + 3 * (select count(*) + coalesce(sum(hash(scope, scope_code)), 0) from kpi_scopes)
    + 5 * (select count(*) + coalesce(sum(hash(category, response_minutes, resolution_hours)), 0)
        from complaint_service_levels);

-- The periods of the range read from the closed store (V032) as of as_of: stored, settled by
-- as_of, and neither their complaints (the fingerprints) nor the scopes, links and service
-- levels (the context) changed since they were stored.
create or replace macro kpi_complaint_closed_in(as_of, grain, from_period, to_period) as table
with final as (
    select p.period
    from kpi_periods(grain, from_period, to_period) p
    join kpi_complaint_closed_periods c on c.grain = grain and c.period = p.period
    left join kpi_complaint_fingerprints(grain, from_period, to_period) f
        on f.p_start = p.p_start
    where c.settled_on <= cast(as_of as date)
        and c.complaints = coalesce(f.complaints, 0)
        and c.fingerprint = coalesce(f.fingerprint, 0)
        and c.context = kpi_complaint_context()
)
select * from final;

-- The periods of the grain that can be stored as of today: ended before today, every complaint
-- answered and resolved, the last response or resolution on or before today. As of any D on or
-- after settled_on their kpi_complaints rows are the same (no complaint received after D, no
-- response or resolution at or after T), so analytics.ComplaintPeriods stores the rows as of
-- today with settled_on, the fingerprint and the context. The periods run from the month of the
-- first complaint (today's when there is none).
create or replace macro kpi_complaint_closable(today, grain) as table
with periods as (
    select p.*
    from kpi_periods(grain,
        strftime(coalesce((select min(received_at) from complaints), cast(today as date)),
            '%Y-%m'),
        strftime(cast(today as date), '%Y-%m')) p
    where p.p_end < cast(today as date)
),
final as (
    select
        p.period,
        p.p_start,
        p.p_end,
        greatest(p.p_end, f.last_on) as settled_on,
        coalesce(f.complaints, 0) as complaints,
        coalesce(f.fingerprint, 0) as fingerprint
    from periods p
    left join kpi_complaint_fingerprints(grain,
        strftime(coalesce((select min(received_at) from complaints), cast(today as date)),
            '%Y-%m'),
        strftime(cast(today as date), '%Y-%m')) f on f.p_start = p.p_start
    where coalesce(f.open_n, 0) = 0
        and coalesce(f.last_on, p.p_end) <= cast(today as date)
)
select * from final;

-- figures (named, optional): the columns the caller reads, default all; repeat units are
-- computed only when asked for (NULL otherwise). The percentiles of columns not read are left
-- out by DuckDB itself.
create or replace macro kpi_complaints(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler'], figures := null) as table
-- not materialised although read twice: each reader then reads only the columns it needs (the
-- repeat units three of them), and materialising every column cost more than computing the
-- facts twice (36 months at 500,000 units, A/B: by estate 327 -> 282 ms, by butler and quarter
-- 897 -> 793 ms, by building about the same)
--
-- closed: the periods read from the closed store (V032, kpi_complaint_closed_in); only the
-- others are computed: 36 months by building at 500,000 units 330 -> 130 ms once the months
-- before the current one are stored, by butler 330 -> 115 ms (A/B in one process, identical
-- rows).
with closed as materialized (
    select * from kpi_complaint_closed_in(as_of, grain, from_period, to_period)
),
facts as not materialized (
    select * from kpi_complaint_facts(as_of, grain, from_period, to_period,
        closed := (select coalesce(list(period), []) from closed))
),
-- the estate, cluster and building links hold on every day: joined by building alone; a
-- butler's by the day received. Each branch is dropped by DuckDB when none of its kinds is
-- asked for (the constant conditions on scopes; by month and butler 778 -> 674 ms)
scoped as (
    select l.scope, l.scope_code, f.*
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    union all
    select l.scope, l.scope_code, f.*
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and l.scope = 'butler'
        and f.received_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
),
by_scope as (
    select
        scope,
        scope_code,
        period,
        count(*) as complaints,
        count(*) filter (where valid) as valid_n,
        count(*) filter (where valid is not null) as decided_n,
        count(*) filter (where response_on_time) as response_ok,
        count(*) filter (where response_counted) as response_n,
        count(*) filter (where resolution_on_time) as resolution_ok,
        count(*) filter (where resolution_counted) as resolution_n,
        -- the percentiles (kpi_tenths, common.sql); NULLs (no response) are left out
        quantile_cont(response_s, [0.5, 0.9]) as response_q,
        quantile_cont(resolution_s, [0.5, 0.9]) as resolution_q,
        count(*) filter (where resolution_s is not null and owner_signed) as signed_n,
        count(*) filter (where resolution_s is not null) as resolved_n
    from scoped
    group by scope, scope_code, period
),
-- repeat units: units with two or more complaints of the period in the scope object. Only a
-- unit with two or more complaints of the period in all can be one (unit_days: those units,
-- with the days their complaints were received). The estate, cluster and building links hold
-- on every day, so those are counted per building (a unit is in one building); a butler's link
-- depends on the day, so a unit's complaints of one period can fall to two butlers: its days
-- in the butler's links count (a butler can hold a building in two spells of one period).
-- Grouping those few units instead of every scoped row by butler, unit and period: 36 months
-- by butler at 500,000 units, A/B 1,418 -> 905 ms (by quarter 984 -> 598), identical rows.
unit_days as (
    select building_code, period, unit_code, list(received_on) as days
    from facts
    where figures is null or list_contains(figures, 'repeat_units')
    group by building_code, period, unit_code
    having count(*) >= 2
),
unit_repeats as (
    select building_code, period, count(*) as repeat_units
    from unit_days
    group by building_code, period
),
repeats as (
    select l.scope, l.scope_code, r.period, sum(r.repeat_units) as repeat_units
    from unit_repeats r
    join kpi_scope_links l on l.building_code = r.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    group by l.scope, l.scope_code, r.period
    union all
    select scope, scope_code, period, count(*)
    from (
        select l.scope, l.scope_code, u.period, u.unit_code
        from unit_days u
        join kpi_scope_links l on l.building_code = u.building_code and l.scope = 'butler'
        where list_contains(scopes, 'butler')
        group by l.scope, l.scope_code, u.period, u.unit_code
        having sum(len(list_filter(u.days, lambda d: d between l.valid_from and l.valid_to)))
            >= 2
    )
    group by scope, scope_code, period
),
grid as (
    select s.scope, s.scope_code, p.period
    from kpi_scopes s
    cross join kpi_periods(grain, from_period, to_period) p
    where list_contains(scopes, s.scope) and p.period not in (select period from closed)
),
-- the percentiles (times 10) once per row: a macro argument is evaluated at each mention
-- inside kpi_div1
joined as (
    select
        g.scope,
        g.scope_code,
        g.period,
        b.complaints,
        b.valid_n,
        b.decided_n,
        b.response_ok,
        b.response_n,
        b.resolution_ok,
        b.resolution_n,
        kpi_tenths(b.response_q[1]) as response_p50,
        kpi_tenths(b.response_q[2]) as response_p90,
        kpi_tenths(b.resolution_q[1]) as resolution_p50,
        kpi_tenths(b.resolution_q[2]) as resolution_p90,
        r.repeat_units,
        b.signed_n,
        b.resolved_n
    from grid g
    left join by_scope b
        on b.scope = g.scope and b.scope_code = g.scope_code and b.period = g.period
    left join repeats r
        on r.scope = g.scope and r.scope_code = g.scope_code and r.period = g.period
),
final as (
    select
        scope,
        scope_code,
        period,
        coalesce(complaints, 0) as complaints,
        kpi_div4(valid_n, decided_n) as valid_rate,
        kpi_div4(response_ok, response_n) as response_timeliness,
        kpi_div4(resolution_ok, resolution_n) as resolution_timeliness,
        kpi_div1(response_p50, 600) as median_response_minutes,
        kpi_div1(response_p90, 600) as p90_response_minutes,
        kpi_div1(resolution_p50, 36000) as median_resolution_hours,
        kpi_div1(resolution_p90, 36000) as p90_resolution_hours,
        case when figures is null or list_contains(figures, 'repeat_units')
            then cast(coalesce(repeat_units, 0) as bigint) end as repeat_units,
        kpi_div4(signed_n, resolved_n) as signoff_rate
    from joined
    union all
    select
        s.scope,
        s.scope_code,
        s.period,
        s.complaints,
        s.valid_rate,
        s.response_timeliness,
        s.resolution_timeliness,
        s.median_response_minutes,
        s.p90_response_minutes,
        s.median_resolution_hours,
        s.p90_resolution_hours,
        case when figures is null or list_contains(figures, 'repeat_units')
            then s.repeat_units end,
        s.signoff_rate
    from kpi_complaint_closed s
    where s.grain = grain and list_contains(scopes, s.scope)
        and s.period in (select period from closed)
)
select * from final;

-- One row per scope object and period with at least one complaint, one count column per category
-- (the eleven of complaints_category_chk, V002, in alphabetical order): what
-- kpi_complaint_categories returns as rows. The application reads this one (KpiRepository): at
-- 500,000 units the rows by butler and month are 73,000 here against 444,540 by category, and
-- fetching rows, not counting them, was most of that query's time.
create or replace macro kpi_complaint_category_counts(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
-- the closed periods' rows are read from kpi_complaint_category_closed (as in kpi_complaints)
with closed as materialized (
    select * from kpi_complaint_closed_in(as_of, grain, from_period, to_period)
),
facts as not materialized (
    select * from kpi_complaint_facts(as_of, grain, from_period, to_period,
        closed := (select coalesce(list(period), []) from closed))
),
-- by building alone for the estate, cluster and building links, by the day for a butler's (as
-- in kpi_complaints)
scoped as (
    select l.scope, l.scope_code, f.period, f.category
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and list_contains(scopes, l.scope) and l.scope <> 'butler'
    where list_has_any(scopes, ['estate', 'cluster', 'building'])
    union all
    select l.scope, l.scope_code, f.period, f.category
    from facts f
    join kpi_scope_links l on l.building_code = f.building_code
        and l.scope = 'butler'
        and f.received_on between l.valid_from and l.valid_to
    where list_contains(scopes, 'butler')
),
counts as (
    select
        f.scope,
        f.scope_code,
        f.period,
        count(*) filter (where f.category = 'cleaning') as cleaning,
        count(*) filter (where f.category = 'decoration') as decoration,
        count(*) filter (where f.category = 'engineering') as engineering,
        count(*) filter (where f.category = 'fees') as fees,
        count(*) filter (where f.category = 'greening') as greening,
        count(*) filter (where f.category = 'neighbour') as neighbour,
        count(*) filter (where f.category = 'noise') as noise,
        count(*) filter (where f.category = 'other') as other,
        count(*) filter (where f.category = 'parking') as parking,
        count(*) filter (where f.category = 'security') as security,
        count(*) filter (where f.category = 'staff') as staff
    from scoped f
    group by f.scope, f.scope_code, f.period
),
final as (
    select * from counts
    union all
    select s.scope, s.scope_code, s.period, s.cleaning, s.decoration, s.engineering, s.fees,
        s.greening, s.neighbour, s.noise, s.other, s.parking, s.security, s.staff
    from kpi_complaint_category_closed s
    where s.grain = grain and list_contains(scopes, s.scope)
        and s.period in (select period from closed)
)
select * from final;

-- The rows of kpi_complaint_category_counts, one per category with at least one complaint.
create or replace macro kpi_complaint_categories(as_of, grain, from_period, to_period,
        scopes := ['estate', 'cluster', 'building', 'butler']) as table
with unpivoted as (
    select
        scope,
        scope_code,
        period,
        -- two lists unnested side by side: a category's name and its count
        unnest(['cleaning', 'decoration', 'engineering', 'fees', 'greening', 'neighbour',
            'noise', 'other', 'parking', 'security', 'staff']) as category,
        unnest([cleaning, decoration, engineering, fees, greening, neighbour, noise, other,
            parking, security, staff]) as complaints
    from kpi_complaint_category_counts(as_of, grain, from_period, to_period, scopes := scopes)
),
final as (
    select * from unpivoted
    where complaints > 0
)
select * from final;

package org.guanjia.bench.internal;

import java.util.List;

/**
 * The set-based steps of the benchmark data generator: each is one INSERT … SELECT over
 * {@code range(...)} or over the helper tables, so DuckDB writes millions of rows per second
 * and no row passes through Java. Randomness is {@code hash(seed, tag, a, b)}: the same seed
 * gives the same data on any run, in any thread order.
 *
 * <p>Placeholders ({@code :seed}, {@code :units}, …) are replaced by numbers and ISO dates the
 * generator computes, never by user text.
 */
final class BenchSql {

    private BenchSql() {
    }

    /** A named step: the table it fills (for the report) and its statements. */
    record Step(String table, List<String> sql) {

        Step(String table, String... sql) {
            this(table, List.of(sql));
        }
    }

    /** Uniform in [0, 1) from the seed and three keys; pick(..) an element of a list. */
    static final List<String> MACROS = List.of(
            "create or replace temporary macro rnd(k, a, b) as"
                + " (hash(:seed, k, a, b) % 1000003)::double / 1000003",
            "create or replace temporary macro irnd(k, a, b, n) as"
                + " cast(hash(:seed, k, a, b) % n as integer)");

    /**
     * Helper tables (dropped at the end): one row per month and per unit with its building,
     * cluster, estate, area, pay habit and the dates of its status changes.
     */
    static final List<String> HELPERS = List.of(
            "create or replace table bench_months as select m,"
                + " (date ':first' + to_months(m))::date as ms,"
                + " ((date ':first' + to_months(m + 1))::date - 1) as me,"
                + " strftime(date ':first' + to_months(m), '%Y-%m') as period,"
                + " case when m >= :rateChange then 2 else 1 end as phase"
                + " from range(:months) t(m)",
            // buildings of 150 units, clusters of 3 buildings, estates in contiguous blocks; one
            // estate in five is delivered during the history (move-ins, vacancy), the others earlier
            "create or replace table bench_units as select *,"
                + " case when h < 0.88 then delivered + 20 + irnd('dec', u, 0, 100) end as decorating_on,"
                + " case when h < 0.80 then delivered + 65 + irnd('dec', u, 0, 100) + irnd('occ', u, 0, 150) end"
                + "   as occupied_on"
                + " from (select *,"
                + "   case when new_estate then least(date ':today' - 40, (date ':first'"
                + "       + to_months(least(:months - 2, ((e // 5) * 7 + (b % 3) * 2) % greatest(:months - 1, 1))))::date"
                + "       + cast(b % 25 as integer))"
                + "     else date ':first' - 400 - cast(e * 37 + b % 60 as integer) end as delivered"
                + "   from (select u,"
                + "     'U' || lpad(u::varchar, 7, '0') as unit_code,"
                + "     u // 150 as b, (u // 150) // 3 as c, ((u // 150) // 3) * :estates // :clusters as e,"
                + "     (((u // 150) // 3) * :estates // :clusters) % 5 = 4 as new_estate,"
                + "     cast(60 + irnd('area', u, 0, 9000) / 100.0 as decimal(10,2)) as area,"
                + "     irnd('habit', u, 0, 100) as habit,"
                + "     rnd('status', u, 0) as h"
                + "   from range(:units) t(u)))");

    static final List<String> DROP_HELPERS = List.of("drop table if exists bench_months",
            "drop table if exists bench_units", "drop table if exists bench_stmts");

    private static final String STAMP = "timestamp ':now'";

    static final List<Step> MASTER = List.of(
            new Step("estates", "insert into estates (estate_code, name, city)"
                + " select 'E' || lpad(e::varchar, 2, '0'), 'Bench Estate ' || (e + 1),"
                + " ['Chengdu', 'Shanghai', 'Hangzhou', 'Shenzhen', 'Wuhan'][1 + e % 5]"
                + " from range(:estates) t(e)"),
            new Step("clusters", "insert into clusters (cluster_code, estate_code, name)"
                + " select 'C' || lpad(c::varchar, 5, '0'), 'E' || lpad((c * :estates // :clusters)::varchar, 2, '0'),"
                + " 'Cluster ' || (c + 1) from range(:clusters) t(c)"),
            new Step("buildings", "insert into buildings (building_code, cluster_code, name, floors)"
                + " select 'B' || lpad(b::varchar, 6, '0'), 'C' || lpad((b // 3)::varchar, 5, '0'),"
                + " 'Building ' || (b + 1), 18 from range(:buildings) t(b)"),
            new Step("units", "insert into units (unit_code, building_code, floor, room, area_sqm,"
                + " unit_type, delivered_on)"
                + " select unit_code, 'B' || lpad(b::varchar, 6, '0'), 1 + (u % 150) // 9,"
                + " ((1 + (u % 150) // 9) * 100 + u % 9 + 1)::varchar, area, 'residential', delivered"
                + " from bench_units order by u"),
            new Step("unit_status", "insert into unit_status (unit_code, from_date, status)"
                + " select unit_code, delivered, 'vacant' from bench_units where delivered <= date ':today'"
                + " union all select unit_code, decorating_on, 'decorating' from bench_units"
                + "   where decorating_on <= date ':today'"
                + " union all select unit_code, occupied_on, 'occupied' from bench_units"
                + "   where occupied_on <= date ':today'"),
            new Step("owners", "insert into owners (owner_code, unit_code, name, phone, key_customer,"
                + " strong_opinion, auto_debit, since)"
                + " select 'O' || lpad(u::varchar, 7, '0'), unit_code, 'Owner ' || (u + 1),"
                + " '139' || lpad(irnd('phone', u, 0, 100000000)::varchar, 8, '0'),"
                + " rnd('key', u, 0) < 0.03, rnd('strong', u, 0) < 0.015, rnd('debit', u, 0) < 0.3, delivered"
                + " from bench_units"),
            // two butlers per cluster; a supervisor and four engineers per estate; a manager and finance
            new Step("staff", "insert into staff (staff_code, name, role, phone)"
                + " select 'SB' || lpad(i::varchar, 6, '0'), 'Butler ' || (i + 1), 'butler',"
                + " '138' || lpad(i::varchar, 8, '0') from range(:clusters * 2) t(i)"
                + " union all select 'SS' || lpad(e::varchar, 2, '0'), 'Supervisor ' || (e + 1), 'supervisor', null"
                + "   from range(:estates) t(e)"
                + " union all select 'SE' || lpad(i::varchar, 3, '0'), 'Engineer ' || (i + 1), 'engineer', null"
                + "   from range(:estates * 4) t(i)"
                + " union all select 'SM01', 'Manager', 'manager', null"
                + " union all select 'SF01', 'Finance', 'finance', null"),
            new Step("assignments", "insert into assignments (staff_code, cluster_code, from_date)"
                + " select 'SB' || lpad(i::varchar, 6, '0'), 'C' || lpad((i // 2)::varchar, 5, '0'),"
                + " date ':first' - 400 from range(:clusters * 2) t(i)"),
            new Step("fee_schedules", "insert into fee_schedules (schedule_code, estate_code, unit_type,"
                + " fee_type, rate, valid_from, valid_to)"
                + " select 'FS-E' || lpad(e::varchar, 2, '0') || '-PF-' || p, 'E' || lpad(e::varchar, 2, '0'),"
                + " 'residential', 'property_fee', 2.0 + (e % 7) * 0.25 + (p - 1) * 0.3,"
                + " case when p = 1 then date '2000-01-01' else date ':rateChangeOn' end,"
                + " case when p = 1 then date ':rateChangeOn' - 1 end"
                + " from range(:estates) t(e), (values (1), (2)) v(p)"));

    /** One property-fee statement per unit and month from the month after delivery. */
    static final Step STATEMENTS = new Step("statements",
            "create or replace table bench_stmts as select u.u, u.unit_code, u.habit, u.b, u.c, u.e,"
                + " m.m, m.ms, m.me, m.period,"
                + " cast(round(u.area * (2.0 + (u.e % 7) * 0.25 + (m.phase - 1) * 0.3), 2) as decimal(14,2)) as amount,"
                + " 'S' || lpad(u.u::varchar, 7, '0') || '-' || m.period as statement_no"
                + " from bench_units u join bench_months m on m.ms > u.delivered and m.ms <= date ':today'",
            "insert into statements (statement_no, unit_code, period, fee_type, amount, issued_on, due_on,"
                + " created_at, created_by, updated_at, updated_by)"
                + " select statement_no, unit_code, period, 'property_fee', amount, ms, me,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench' from bench_stmts order by u, m");

    /**
     * Payments by habit (habit = 0..99 per unit): 0-57 pay each statement in full in its month
     * (a third name it), 58-71 pay in full 1-3 months late, 72-79 pay part in the month and the
     * rest months later (or never), 80-85 pay a year ahead every January of their history,
     * 86-95 pay most months, late, 96-99 hardly ever pay. A few cash and transfer payments are
     * voided.
     */
    static final Step PAYMENTS = new Step("payments",
            "insert into payments (payment_no, unit_code, paid_on, amount, channel, statement_no, voided_on,"
                + " note, created_at, created_by, updated_at, updated_by)"
                + " select payment_no, unit_code, paid_on, amount, channel, statement_no,"
                + " case when channel in ('cash', 'transfer') and rnd('void', u, m) < 0.004"
                + "   then paid_on + irnd('void', u, m, 4) end,"
                + " null, " + STAMP + ", 'bench', " + STAMP + ", 'bench'"
                + " from (select *, ['online', 'online', 'online', 'bank_debit', 'bank_debit', 'bank_debit',"
                + "     'cash', 'cash', 'transfer', 'other'][1 + irnd('channel', u, m, 10)] as channel"
                + "   from ("
                // in full, in the month
                + "   select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'A' as payment_no,"
                + "     ms + 2 + irnd('day', u, m, 24) as paid_on, amount,"
                + "     case when rnd('target', u, m) < 0.35 then statement_no end as statement_no"
                + "   from bench_stmts where habit < 58"
                // in full, late
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'L',"
                + "     ms + 35 + irnd('day', u, m, 70), amount, null"
                + "   from bench_stmts where habit between 58 and 71"
                // part now, the rest later (60 %)
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'Q',"
                + "     ms + 5 + irnd('day', u, m, 20),"
                + "     cast(round(amount * (0.5 + rnd('part', u, m) * 0.4), 2) as decimal(14,2)), statement_no"
                + "   from bench_stmts where habit between 72 and 79"
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'R',"
                + "     ms + 60 + irnd('day', u, m, 90),"
                + "     amount - cast(round(amount * (0.5 + rnd('part', u, m) * 0.4), 2) as decimal(14,2)), null"
                + "   from bench_stmts where habit between 72 and 79 and rnd('rest', u, m) < 0.6"
                + "     and amount - cast(round(amount * (0.5 + rnd('part', u, m) * 0.4), 2) as decimal(14,2)) > 0"
                // a year ahead in January (and in the first month of the history)
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'Y',"
                + "     ms + irnd('day', u, m, 8), amount * 12, null"
                + "   from bench_stmts where habit between 80 and 85 and (month(ms) = 1 or m = 0)"
                // most months, late
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'I',"
                + "     ms + 10 + irnd('day', u, m, 110), amount, null"
                + "   from bench_stmts where habit between 86 and 95 and rnd('pays', u, m) < 0.7"
                // hardly ever
                + "   union all select u, m, unit_code, 'P' || lpad(u::varchar, 7, '0') || '-' || period || 'N',"
                + "     ms + 20 + irnd('day', u, m, 200), cast(round(amount * 2, 2) as decimal(14,2)), null"
                + "   from bench_stmts where habit >= 96 and rnd('pays', u, m) < 0.06"
                + " ) where paid_on < date ':today') order by u, payment_no");

    private static final String BUTLER = "'SB' || lpad((c * 2 + u % 2)::varchar, 6, '0')";

    static final List<Step> SERVICE = List.of(
            // the collection log: units that are behind, most months; promises mostly
            new Step("collection_actions", "insert into collection_actions (action_no, unit_code, action_on,"
                + " staff_code, method, reason, promised_on, outcome, created_at, created_by, updated_at, updated_by)"
                + " select 'CA' || lpad(u::varchar, 7, '0') || '-' || period, unit_code, action_on, " + BUTLER + ","
                + " ['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone',"
                + "   'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'sms', 'sms', 'visit', 'letter']"
                + "   [1 + irnd('method', u, m, 20)],"
                + " case when rnd('reason', u, m) < 0.7 then ['financial', 'forgot', 'dispute', 'service_issue',"
                + "   'not_received', 'other', 'forgot', 'financial'][1 + irnd('reason', u, m, 8)] end,"
                + " case when rnd('promise', u, m) < 0.8 then action_on + 3 + irnd('promise', u, m, 18) end,"
                + " null, " + STAMP + ", 'bench', " + STAMP + ", 'bench'"
                + " from (select *, me + 8 + irnd('act', u, m, 25) as action_on from bench_stmts"
                + "   where (habit >= 58 and habit not between 80 and 85 and rnd('act', u, m) < 0.5)"
                + "   or rnd('act', u, m) < 0.01)"
                + " where action_on < date ':today' order by u, m"),
            // complaints from occupied units, about 2.5 % of units a month; decoration from decorating units
            new Step("complaints", "insert into complaints (complaint_no, unit_code, received_at, channel,"
                + " category, first_response_at, responder_code, valid, resolved_at, owner_signed,"
                + " satisfaction, status, response_method, replied_at, return_visit_at, closed_at, reopen_count,"
                + " created_at, created_by, updated_at, updated_by, building_code)"
                + " select complaint_no, unit_code, received_at, channel, category,"
                + " case when responded < timestamp ':today' then responded end, " + BUTLER + ", valid,"
                + " case when resolved < timestamp ':today' then resolved end,"
                + " case when resolved < timestamp ':today' then rnd('signed', u, m) < 0.9 end,"
                + " case when visited < timestamp ':today' then satisfaction end,"
                + " case when visited < timestamp ':today' then 'closed' when resolved < timestamp ':today'"
                + "   then 'resolved' when responded < timestamp ':today' then 'responded' else 'received' end,"
                + " case when rnd('rmethod', u, m) < 0.55 then 'on_site' else 'phone' end,"
                + " case when resolved < timestamp ':today' then resolved end,"
                + " case when visited < timestamp ':today' then visited end,"
                + " case when visited < timestamp ':today' then visited end, 0,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench', 'B' || lpad(b::varchar, 6, '0')"
                + " from (select *, case when rnd('visit', u, m) < 0.85 then resolved"
                + "     + to_hours(20 + irnd('visit', u, m, 100)) end as visited from"
                + " (select *, responded + to_minutes(case when valid then"
                + "     case when rnd('late', u, m) < 0.12 then 49 * 60 + irnd('resolve', u, m, 190 * 60)"
                + "       else 30 + irnd('resolve', u, m, 47 * 60 - 60) end"
                + "     else 30 + irnd('resolve', u, m, 7 * 60) end) as resolved"
                + "   from (select *, received_at + to_minutes(case when rnd('slow', u, m) < 0.1"
                + "       then 31 + irnd('respond', u, m, 150) else 3 + irnd('respond', u, m, 27) end) as responded"
                + "     from (select s.u, s.m, s.b, s.c, s.unit_code,"
                + "       'CP' || lpad(s.u::varchar, 7, '0') || '-' || s.period as complaint_no,"
                + "       s.ms + to_days(irnd('cday', s.u, s.m, 28)) + to_hours(8 + irnd('chour', s.u, s.m, 14))"
                + "         + to_minutes(irnd('cmin', s.u, s.m, 60)) as received_at,"
                + "       ['phone', 'phone', 'phone', 'visit', 'app', 'app', 'patrol', 'other'][1 + irnd('chan', s.u, s.m, 8)]"
                + "         as channel,"
                + "       case when bu.occupied_on is null or bu.occupied_on > s.ms then 'decoration' else"
                + "       ['security', 'security', 'security', 'cleaning', 'cleaning', 'cleaning', 'cleaning',"
                + "        'greening', 'greening', 'greening', 'engineering', 'engineering', 'engineering',"
                + "        'engineering', 'engineering', 'noise', 'noise', 'noise', 'noise', 'parking', 'parking',"
                + "        'parking', 'fees', 'staff', 'neighbour', 'neighbour', 'other'][1 + irnd('cat', s.u, s.m, 27)]"
                + "       end as category,"
                + "       rnd('valid', s.u, s.m) < 0.82 as valid,"
                + "       1 + least(4, irnd('sat', s.u, s.m, 7)) as satisfaction"
                + "     from bench_stmts s join bench_units bu on bu.u = s.u"
                + "     where (bu.occupied_on <= s.ms and rnd('complaint', s.u, s.m) < 0.025)"
                + "       or (bu.decorating_on <= s.ms and (bu.occupied_on is null or bu.occupied_on > s.ms)"
                + "         and rnd('complaint', s.u, s.m) < 0.04))))"
                + " where received_at < timestamp ':today') order by unit_code, complaint_no"),
            // repairs in units (about 2 % of units a month) and in common areas (about one per building a month)
            new Step("repairs", "insert into repairs (repair_no, building_code, unit_code, reported_at, category,"
                + " completed_at, return_visit_at, score_attitude, score_quality, score_etiquette, status,"
                + " engineer_code, assigned_at, butler_accompanied, return_visit_by,"
                + " created_at, created_by, updated_at, updated_by)"
                + " select repair_no, 'B' || lpad(b::varchar, 6, '0'), unit_code, reported_at, category,"
                + " case when completed < timestamp ':today' then completed end,"
                + " case when visited < timestamp ':today' then visited end,"
                + " case when visited < timestamp ':today' then 3 + irnd('sa', k, m, 3) end,"
                + " case when visited < timestamp ':today' then 2 + irnd('sq', k, m, 4) end,"
                + " case when visited < timestamp ':today' then 3 + irnd('se', k, m, 3) end,"
                + " case when visited < timestamp ':today' then 'closed' when completed < timestamp ':today'"
                + "   then 'completed' else 'assigned' end,"
                + " 'SE' || lpad((e * 4 + irnd('eng', k, m, 4))::varchar, 3, '0'), reported_at + to_minutes(20),"
                + " unit_code is not null and rnd('acc', k, m) < 0.3,"
                + " case when visited < timestamp ':today' then 'SB' || lpad((c * 2)::varchar, 6, '0') end,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench'"
                + " from (select *, reported_at + to_hours(2 + irnd('fix', k, m, 70)) as completed,"
                + "   case when rnd('rv', k, m) < (case when unit_code is null then 0.4 else 0.78 end)"
                + "     then reported_at + to_hours(74 + irnd('rv', k, m, 96)) end as visited"
                + "   from (select u as k, m, b, c, e, unit_code, 'R' || lpad(u::varchar, 7, '0') || '-' || period as repair_no,"
                + "       ms + to_days(irnd('rday', u, m, 28)) + to_hours(8 + irnd('rhour', u, m, 10)) as reported_at,"
                + "       ['plumbing', 'electrical', 'door_window', 'leak', 'appliance', 'other'][1 + irnd('rcat', u, m, 6)]"
                + "         as category"
                + "     from bench_stmts where rnd('repair', u, m) < 0.019"
                + "     union all select b.b + 10000000, m.m, b.b, b.b // 3, (b.b // 3) * :estates // :clusters, null,"
                + "       'RB' || lpad(b.b::varchar, 6, '0') || '-' || m.period || '-' || i.i,"
                + "       m.ms + to_days(irnd('rday', b.b, m.m * 10 + i.i, 28)) + to_hours(8 + irnd('rhour', b.b, m.m, 10)),"
                + "       ['lift', 'lighting', 'door_window', 'leak', 'greenery', 'other'][1 + irnd('rcat', b.b, m.m * 10 + i.i, 6)]"
                + "     from range(:buildings) b(b) cross join bench_months m cross join range(2) i(i)"
                + "     where rnd('common', b.b, m.m * 10 + i.i) < 0.45))"
                + " where reported_at < timestamp ':today' order by repair_no"),
            new Step("visits", "insert into visits (visit_no, unit_code, visited_on, staff_code, kind, satisfaction,"
                + " strong_opinion, created_at, created_by, updated_at, updated_by, building_code)"
                + " select 'V' || lpad(u::varchar, 7, '0') || '-' || period, unit_code, ms + irnd('vday', u, m, 28),"
                + " " + BUTLER + ", ['scheduled', 'scheduled', 'chance', 'chance', 'chance', 'return', 'scheduled',"
                + "   'chance'][1 + irnd('vkind', u, m, 8)],"
                + " case when rnd('vsat', u, m) < 0.85 then [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5]"
                + "   [1 + irnd('vsat', u, m, 18)] end, rnd('vstrong', u, m) < 0.01,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench', 'B' || lpad(b::varchar, 6, '0')"
                + " from bench_stmts where rnd('visit', u, m) < 0.04 and ms + irnd('vday', u, m, 28) < date ':today'"
                + " order by u, m"),
            // monthly inspections of vacant units (not yet decorating)
            new Step("vacancy_inspections", "insert into vacancy_inspections (inspection_no, unit_code,"
                + " inspected_on, staff_code, doors_windows_ok, utilities_off_ok, no_leak, no_cracks,"
                + " owner_informed_on, owner_informed_method, created_at, created_by, updated_at, updated_by,"
                + " building_code)"
                + " select 'VI' || lpad(u.u::varchar, 7, '0') || '-' || m.period, u.unit_code,"
                + " m.ms + 3 + irnd('iday', u.u, m.m, 20), 'SB' || lpad((u.c * 2 + u.u % 2)::varchar, 6, '0'),"
                + " rnd('i1', u.u, m.m) > 0.012, rnd('i2', u.u, m.m) > 0.018, rnd('i3', u.u, m.m) > 0.01,"
                + " rnd('i4', u.u, m.m) > 0.008,"
                + " case when rnd('inf', u.u, m.m) < 0.6 then m.ms + 4 + irnd('iday', u.u, m.m, 20) end,"
                + " case when rnd('inf', u.u, m.m) < 0.6 then case when rnd('infm', u.u, m.m) < 0.6 then 'sms'"
                + "   else 'app' end end,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench', 'B' || lpad(u.b::varchar, 6, '0')"
                + " from bench_units u join bench_months m on m.ms > u.delivered"
                + "   and (u.decorating_on is null or u.decorating_on > m.me)"
                + " where rnd('insp', u.u, m.m) < 0.9 and m.ms + 4 + irnd('iday', u.u, m.m, 20) < date ':today'"
                + " order by u.u, m.m"),
            // patrols: each cluster on about two days in five, by one of its butlers
            new Step("patrols", "insert into patrols (patrol_no, cluster_code, staff_code, patrol_on, started_at,"
                + " finished_at, created_at, created_by, updated_at, updated_by)"
                + " select 'PT' || lpad(c::varchar, 5, '0') || '-' || strftime(d, '%Y%m%d'),"
                + " 'C' || lpad(c::varchar, 5, '0'), 'SB' || lpad((c * 2 + day(d) % 2)::varchar, 6, '0'), d,"
                + " d + to_hours(9), d + to_hours(10),"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench'"
                + " from range(:clusters) t(c) cross join (select cast(x as date) as d from"
                + "   range(date ':first', date ':today', interval 1 day) r(x)) days"
                + " where rnd('patrol', c, datediff('day', date ':first', d)) < 0.4 order by c, d"),
            // the agenda job's items: a weekly patrol item per butler (mostly done on time)
            new Step("agenda_items", "insert into agenda_items (item_key, staff_code, cluster_code, kind,"
                + " record_ref, opens_on, due_on, done_on, created_at, created_by, updated_at, updated_by)"
                + " select 'bench:patrol:' || i || ':' || w, 'SB' || lpad(i::varchar, 6, '0'),"
                + " 'C' || lpad((i // 2)::varchar, 5, '0'), 'patrol', null, due - 4, due,"
                + " case when rnd('ag', i, w) < 0.9 then due - irnd('ag', i, w, 3)"
                + "   when rnd('ag', i, w) < 0.95 and due + 6 < date ':today' then due + 1 + irnd('agl', i, w, 5) end,"
                + " " + STAMP + ", 'bench', " + STAMP + ", 'bench'"
                + " from range(:clusters * 2) t(i) cross join (select w,"
                + "   cast(date_trunc('week', date ':first') + to_days(cast(w * 7 + 4 as integer)) as date) as due"
                + "   from range(:months * 31 // 7) r(w)) weeks where due < date ':today' order by i, w"));
}

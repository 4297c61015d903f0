#!/usr/bin/env python3
"""Independent reference implementation of KPI.md (stdlib only).

Money is held in integer cents, durations in whole seconds, ratios/means/percentiles as
fractions.Fraction; rounding (half away from zero) happens only in fmt().

Usage: python3 kpi_reference.py DATASET --by SCOPE --grain G --from yyyy-MM --to yyyy-MM --as-of yyyy-MM-dd
       (aging with --as-of only: one row per scope)
       python3 kpi_reference.py --batch FILE --out DIR   (one such query per line: NAME DATASET ...)
Data: the CSV files of an export (IMPORT.md) in $REF_EXPORT. Written from KPI.md alone, without
reading sql/ (a second implementation to check the product's against: KpiReferenceTest).
"""
import csv, sys, os, bisect, argparse
from collections import defaultdict
from datetime import date, datetime, timedelta
from fractions import Fraction

EXPORT = os.environ.get('REF_EXPORT', '/tmp/ref/export')

# ---------------------------------------------------------------- helpers

def rd(name):
    with open(os.path.join(EXPORT, name), encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))

def pdate(s):
    return date.fromisoformat(s) if s else None

def pts(s):
    if not s:
        return None
    s = s.strip()
    if len(s) == 16:
        return datetime.strptime(s, '%Y-%m-%d %H:%M')
    return datetime.strptime(s, '%Y-%m-%d %H:%M:%S')

def cents(s):
    s = s.strip()
    neg = s.startswith('-')
    if neg:
        s = s[1:]
    if '.' in s:
        a, b = s.split('.')
        b = (b + '00')[:2]
    else:
        a, b = s, '00'
    v = int(a or '0') * 100 + int(b)
    return -v if neg else v

def pbool(s):
    s = (s or '').strip().lower()
    if s in ('true', 'yes', '1', '是'):
        return True
    if s in ('false', 'no', '0', '否'):
        return False
    return None

def month_end(y, m):
    if m == 12:
        return date(y, 12, 31)
    return date(y, m + 1, 1) - timedelta(days=1)

def label_of(d, grain):
    """period label of a date (or (y,m)) for a grain"""
    y, m = d.year, d.month
    if grain == 'month':
        return '%04d-%02d' % (y, m)
    if grain == 'quarter':
        return '%04d-Q%d' % (y, (m - 1) // 3 + 1)
    return '%04d' % y

def periods(frm, to, grain):
    """list of (label, start, end) covering months frm..to (yyyy-MM)"""
    y, m = map(int, frm.split('-'))
    ty, tm = map(int, to.split('-'))
    out, seen = [], set()
    while (y, m) <= (ty, tm):
        lab = label_of(date(y, m, 1), grain)
        if lab not in seen:
            seen.add(lab)
            if grain == 'month':
                s, e = date(y, m, 1), month_end(y, m)
            elif grain == 'quarter':
                q0 = (m - 1) // 3 * 3 + 1
                s, e = date(y, q0, 1), month_end(y, q0 + 2)
            else:
                s, e = date(y, 1, 1), date(y, 12, 31)
            out.append((lab, s, e))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out

def months_in(s, e):
    out = []
    y, m = s.year, s.month
    while date(y, m, 1) <= e:
        out.append((date(y, m, 1), month_end(y, m)))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out

def rnd(x, places):
    """round Fraction half away from zero, return string with `places` decimals"""
    if x is None:
        return ''
    x = Fraction(x)
    neg = x < 0
    a = abs(x) * (10 ** places)
    q = a.numerator // a.denominator
    if a - q >= Fraction(1, 2):
        q += 1
    s = str(q).rjust(places + 1, '0')
    if places:
        s = s[:-places] + '.' + s[-places:]
    return ('-' if neg and q else '') + s

def money(c):
    return rnd(Fraction(c, 100), 2)

def ratio(n, d):
    return None if d == 0 else Fraction(n, d)

def quantile_cont(vals, q):
    if not vals:
        return None
    v = sorted(vals)
    h = (len(v) - 1) * Fraction(q)
    lo = h.numerator // h.denominator
    if lo + 1 >= len(v):
        return Fraction(v[lo])
    return Fraction(v[lo]) + (h - lo) * (Fraction(v[lo + 1]) - Fraction(v[lo]))

def mean(vals):
    return None if not vals else Fraction(sum(vals, Fraction(0)), len(vals))

# ---------------------------------------------------------------- data

class Data:
    def __init__(self):
        self.estates = [r['estate_code'] for r in rd('estates.csv')]
        self.cluster_estate = {r['cluster_code']: r['estate_code'] for r in rd('clusters.csv')}
        self.building_cluster = {r['building_code']: r['cluster_code'] for r in rd('buildings.csv')}
        self.units = {}
        for r in rd('units.csv'):
            self.units[r['unit_code']] = dict(building=r['building_code'], delivered=pdate(r['delivered_on']))
        staff = rd('staff.csv')
        self.butlers = sorted(r['staff_code'] for r in staff if r['role'] == 'butler')
        bset = set(self.butlers)
        self.assign = defaultdict(list)  # cluster -> [(staff, from, to)]
        for r in rd('assignments.csv'):
            if r['staff_code'] in bset:
                self.assign[r['cluster_code']].append((r['staff_code'], pdate(r['from_date']), pdate(r['to_date'])))
        self._bcache = {}
        self.load_fees()
        self.complaints = []
        for r in rd('complaints.csv'):
            self.complaints.append(dict(no=r['complaint_no'], unit=r['unit_code'], received=pts(r['received_at']),
                                        category=r['category'], resp=pts(r['first_response_at']),
                                        valid=pbool(r['valid']), resolved=pts(r['resolved_at']),
                                        signed=pbool(r['owner_signed']),
                                        sat=int(r['satisfaction']) if r['satisfaction'] else None))
        self.repairs = []
        for r in rd('repairs.csv'):
            sc = [int(r[k]) for k in ('score_attitude', 'score_quality', 'score_etiquette') if r[k]]
            self.repairs.append(dict(no=r['repair_no'], building=r['building_code'], reported=pts(r['reported_at']),
                                     completed=pts(r['completed_at']), rv=pts(r['return_visit_at']),
                                     score=mean(sc)))
        self.visits = [dict(unit=r['unit_code'], on=pdate(r['visited_on']),
                            sat=int(r['satisfaction']) if r['satisfaction'] else None) for r in rd('visits.csv')]
        self.status = defaultdict(list)  # unit -> sorted [(from, status)]
        for r in rd('unit_status.csv'):
            self.status[r['unit_code']].append((pdate(r['from_date']), r['status']))
        for u in self.status:
            self.status[u].sort()
        self.status_dates = {u: [d for d, _ in v] for u, v in self.status.items()}
        self.inspections = defaultdict(list)  # unit -> sorted dates
        for r in rd('vacancy_inspections.csv'):
            self.inspections[r['unit_code']].append(pdate(r['inspected_on']))
        for u in self.inspections:
            self.inspections[u].sort()

    # scopes -------------------------------------------------------
    asof = None  # as-of date D: assignments are records too (from_date after D ignored, to_date after D = empty)

    def butlers_on(self, cluster, d):
        k = (cluster, d, self.asof)
        if k not in self._bcache:
            D = self.asof
            if BUTLER_CAP_AT_D and D is not None and d > D:
                d = D  # variant: a date after D is looked up on D
            res = []
            for s, f, t in self.assign.get(cluster, []):
                if D is not None:
                    if f > D:
                        continue
                    if t is not None and t > D:
                        t = None
                if f <= d and (t is None or d <= t):
                    res.append(s)
            self._bcache[k] = res
        return self._bcache[k]

    def scopes_building(self, b, d, by):
        c = self.building_cluster[b]
        if by == 'estate':
            return [self.cluster_estate[c]]
        if by == 'cluster':
            return [c]
        if by == 'building':
            return [b]
        return self.butlers_on(c, d)

    def scopes_unit(self, u, d, by):
        return self.scopes_building(self.units[u]['building'], d, by)

    def all_codes(self, by):
        if by == 'estate':
            return list(self.estates)
        if by == 'cluster':
            return list(self.cluster_estate)
        if by == 'building':
            return list(self.building_cluster)
        return list(self.butlers)

    # fees ---------------------------------------------------------
    def load_fees(self):
        self.stmts = {}
        by_unit = defaultdict(list)
        for r in rd('statements.csv'):
            y, m = map(int, r['period'].split('-'))
            due = pdate(r['due_on']) if r['due_on'] else month_end(y, m)
            s = dict(no=r['statement_no'], unit=r['unit_code'], period=(y, m), amount=cents(r['amount']),
                     issued=pdate(r['issued_on']), due=due, allocs=[])
            self.stmts[s['no']] = s
            by_unit[s['unit']].append(s)
        self.stmts_by_unit = by_unit
        pays_by_unit = defaultdict(list)
        for r in rd('payments.csv'):
            pays_by_unit[r['unit_code']].append(dict(no=r['payment_no'], unit=r['unit_code'], on=pdate(r['paid_on']),
                                                     amount=cents(r['amount']), target=r['statement_no'] or None))
        self.credit_log = {}
        for u in set(by_unit) | set(pays_by_unit):
            self.replay(u, by_unit.get(u, []), pays_by_unit.get(u, []))
        for s in self.stmts.values():
            s['allocs'].sort()
            s['adates'] = [a for a, _ in s['allocs']]
            cum, pre = 0, []
            for _, v in s['allocs']:
                cum += v
                pre.append(cum)
            s['apre'] = pre
            s['paid_off'] = s['adates'][pre.index(s['amount'])] if s['amount'] in pre else None
        self.actions = []
        for r in rd('collection_actions.csv'):
            self.actions.append(dict(no=r['action_no'], unit=r['unit_code'], on=pdate(r['action_on']),
                                     promised=pdate(r['promised_on'])))

    def replay(self, unit, stmts, pays):
        ev = [(s['issued'], 0, s['no'], 's', s) for s in stmts] + [(p['on'], 1, p['no'], 'p', p) for p in pays]
        ev.sort(key=lambda e: (e[0], e[1], e[2]))
        open_ = []  # issued statements
        bal = {}
        credit = 0
        for d, _, _, kind, x in ev:
            if kind == 's':
                bal[x['no']] = x['amount']
                open_.append(x)
                if credit > 0:
                    a = min(credit, x['amount'])
                    x['allocs'].append((d, a))
                    bal[x['no']] -= a
                    credit -= a
            else:
                rem = x['amount']
                t = x['target']
                if t and t in bal and self.stmts[t]['unit'] == unit:
                    a = min(rem, bal[t])
                    if a > 0:
                        self.stmts[t]['allocs'].append((d, a))
                        bal[t] -= a
                        rem -= a
                if rem > 0:
                    for s in sorted(open_, key=lambda s: (s['period'], s['no'])):
                        if rem == 0:
                            break
                        b = bal[s['no']]
                        if b > 0:
                            a = min(rem, b)
                            s['allocs'].append((d, a))
                            bal[s['no']] -= a
                            rem -= a
                credit += rem
        self.credit_log[unit] = credit

    @staticmethod
    def collected(s, X):
        """allocations to s dated on or before X (caller caps X at D)"""
        i = bisect.bisect_right(s['adates'], X)
        return s['apre'][i - 1] if i else 0

    # status -------------------------------------------------------
    def status_on(self, u, X):
        ds = self.status_dates.get(u)
        if not ds:
            return 'vacant'
        i = bisect.bisect_right(ds, X)
        return self.status[u][i - 1][1] if i else 'vacant'


# variant: the butler of a date after D is the butler on D (the product's reading, sql/README.md;
# KPI.md says when P ends after D its end means D, not which butler a day after D has)
BUTLER_CAP_AT_D = os.environ.get('REF_BUTLER_CAP_AT_D') == '1'

# which date names the butler of a statement-based figure (KPI.md: "on the event date")
BUTLER_STMT_DATE = os.environ.get('REF_BUTLER_STMT_DATE', 'issued')  # issued | due | period_start

def stmt_event_date(s):
    if BUTLER_STMT_DATE == 'due':
        return s['due']
    if BUTLER_STMT_DATE == 'period_start':
        return date(s['period'][0], s['period'][1], 1)
    return s['issued']

# ---------------------------------------------------------------- datasets

COLS = {
    'collection': ['billed', 'collected_in_period', 'collection_rate', 'collected_to_date',
                   'cumulative_collection_rate', 'opening_arrears', 'arrears_recovered',
                   'arrears_recovery_rate', 'promise_kept_rate'],
    'aging': ['bucket_1_30', 'bucket_31_90', 'bucket_91_180', 'bucket_181_365', 'bucket_over_365',
              'arrears', 'households_in_arrears'],
    'complaints': ['complaints', 'valid_rate', 'response_timeliness', 'resolution_timeliness',
                   'median_response_minutes', 'p90_response_minutes', 'median_resolution_hours',
                   'p90_resolution_hours', 'repeat_units', 'signoff_rate'],
    'complaint_categories': ['complaints'],
    'repairs': ['completed', 'return_visit_rate', 'median_completion_hours'],
    'vacancy': ['delivered_units', 'vacant_units', 'vacancy_rate', 'occupancy_rate', 'move_ins',
                'inspection_coverage'],
    'satisfaction': ['scored_records', 'satisfaction_score', 'satisfied_rate', 'visit_score',
                     'complaint_score', 'repair_score'],
}


def collection(data, by, grain, frm, to, D):
    data.asof = D
    ps = periods(frm, to, grain)
    pidx = {lab: i for i, (lab, _, _) in enumerate(ps)}
    starts = [s for _, s, _ in ps]
    acc = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])  # billed cip ctd open recov pk_num pk_den
    col = Data.collected
    for s in data.stmts.values():
        if s['issued'] > D:
            continue
        codes = data.scopes_unit(s['unit'], stmt_event_date(s), by)
        if not codes:
            continue
        lab = label_of(date(*s['period'], 1), grain)
        if lab in pidx:
            _, ps_, pe = ps[pidx[lab]]
            b, c1, c2 = s['amount'], col(s, min(pe, D)), col(s, D)
            for code in codes:
                a = acc[(code, lab)]
                a[0] += b; a[1] += c1; a[2] += c2
        # opening arrears / recovered: periods with due_on < start and issued_on < start
        lim = max(s['due'], s['issued'])
        i = bisect.bisect_right(starts, lim)
        for j in range(i, len(ps)):
            lab2, st, en = ps[j]
            Y = st - timedelta(days=1)
            out = s['amount'] - col(s, min(Y, D))
            if out <= 0:
                break
            rec = 0
            if st <= D:
                rec = col(s, min(en, D)) - col(s, Y)
            codes2 = codes
            if by == 'butler' and BUTLER_ARREARS_DATE != 'stmt':
                codes2 = data.scopes_unit(s['unit'], Y if BUTLER_ARREARS_DATE == 'snapshot' else st, by)
            for code in codes2:
                a = acc[(code, lab2)]
                a[3] += out; a[4] += rec
    # promise kept rate
    for a_ in data.actions:
        if a_['on'] > D or a_['promised'] is None:
            continue
        lab = label_of(a_['promised'], grain)
        if lab not in pidx:
            continue
        X = min(a_['promised'], D)
        kept = True
        for s in data.stmts_by_unit.get(a_['unit'], []):
            if s['issued'] > D:
                continue
            if s['due'] < a_['on']:
                if s['amount'] - col(s, X) != 0:
                    kept = False
                    break
        for code in data.scopes_unit(a_['unit'], a_['on'], by):
            a = acc[(code, lab)]
            a[6] += 1
            a[5] += 1 if kept else 0
    rows = {}
    for code in data.all_codes(by):
        for lab, _, _ in ps:
            a = acc.get((code, lab), [0] * 7)
            rows[(by, code, lab)] = {
                'billed': money(a[0]), 'collected_in_period': money(a[1]),
                'collection_rate': rnd(ratio(a[1], a[0]), 4),
                'collected_to_date': money(a[2]),
                'cumulative_collection_rate': rnd(ratio(a[2], a[0]), 4),
                'opening_arrears': money(a[3]), 'arrears_recovered': money(a[4]),
                'arrears_recovery_rate': rnd(ratio(a[4], a[3]), 4),
                'promise_kept_rate': rnd(ratio(a[5], a[6]), 4)}
    return rows


# opening arrears / recovered by butler: 'stmt' (statement event date), 'snapshot' (start of P - 1), 'start'
BUTLER_ARREARS_DATE = os.environ.get('REF_BUTLER_ARREARS_DATE', 'snapshot')
BUTLER_AGING_DATE = os.environ.get('REF_BUTLER_AGING_DATE', 'asof')  # stmt | asof

def aging_at(data, by, A):
    data.asof = A
    acc = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    units = defaultdict(lambda: defaultdict(int))
    for s in data.stmts.values():
        if s['issued'] > A or not (s['due'] < A):
            continue
        if s['paid_off'] is not None and s['paid_off'] <= A:
            continue
        out = s['amount'] - Data.collected(s, A)
        if out <= 0:
            continue
        days = (A - s['due']).days
        k = 0 if days <= 30 else 1 if days <= 90 else 2 if days <= 180 else 3 if days <= 365 else 4
        ed = A if (by == 'butler' and BUTLER_AGING_DATE == 'asof') else stmt_event_date(s)
        for code in data.scopes_unit(s['unit'], ed, by):
            acc[code][k] += out
            acc[code][5] += out
            units[code][s['unit']] += out
    res = {}
    for code in data.all_codes(by):
        a = acc.get(code, [0] * 6)
        hh = sum(1 for v in units.get(code, {}).values() if v > 0)
        res[code] = {'bucket_1_30': money(a[0]), 'bucket_31_90': money(a[1]), 'bucket_91_180': money(a[2]),
                     'bucket_181_365': money(a[3]), 'bucket_over_365': money(a[4]), 'arrears': money(a[5]),
                     'households_in_arrears': str(hh)}
    return res


def aging(data, by, grain, frm, to, D):
    """grain None: one row per scope keyed period ''; else one row per period end (min(end, D))"""
    rows = {}
    if grain is None:
        for code, r in aging_at(data, by, D).items():
            r = dict(r); r['as_of'] = D.isoformat()
            rows[(by, code, '')] = r
        return rows
    for lab, st, en in periods(frm, to, grain):
        A = min(en, D)
        for code, r in aging_at(data, by, A).items():
            r = dict(r); r['as_of'] = A.isoformat()
            rows[(by, code, lab)] = r
    return rows


def kept_complaints(data, D):
    T = datetime.combine(D + timedelta(days=1), datetime.min.time())
    out = []
    for c in data.complaints:
        if c['received'].date() > D:
            continue
        c2 = dict(c)
        if c2['resp'] is not None and c2['resp'] >= T:
            c2['resp'] = None
        if c2['resolved'] is not None and c2['resolved'] >= T:
            c2['resolved'] = None
        out.append(c2)
    return out, T


def complaints(data, by, grain, frm, to, D, resp_level=30 * 60, res_level=48 * 3600):
    data.asof = D
    ps = periods(frm, to, grain)
    labs = {p[0] for p in ps}
    cs, T = kept_complaints(data, D)
    groups = defaultdict(list)
    for c in cs:
        lab = label_of(c['received'].date(), grain)
        if lab not in labs:
            continue
        for code in data.scopes_unit(c['unit'], c['received'].date(), by):
            groups[(code, lab)].append(c)
    rows = {}
    for code in data.all_codes(by):
        for lab, _, _ in ps:
            g = groups.get((code, lab), [])
            vd = [c for c in g if c['valid'] is not None]
            def timeliness(field, level):
                num = den = 0
                for c in g:
                    t = c[field]
                    if t is None:
                        if c['received'] + timedelta(seconds=level) > T:
                            continue
                        den += 1
                    else:
                        den += 1
                        if int((t - c['received']).total_seconds()) <= level:
                            num += 1
                return ratio(num, den)
            rm = [Fraction(int((c['resp'] - c['received']).total_seconds()), 60) for c in g if c['resp']]
            rh = [Fraction(int((c['resolved'] - c['received']).total_seconds()), 3600) for c in g if c['resolved']]
            per_unit = defaultdict(int)
            for c in g:
                per_unit[c['unit']] += 1
            resolved = [c for c in g if c['resolved']]
            rows[(by, code, lab)] = {
                'complaints': str(len(g)),
                'valid_rate': rnd(ratio(sum(1 for c in vd if c['valid']), len(vd)), 4),
                'response_timeliness': rnd(timeliness('resp', resp_level), 4),
                'resolution_timeliness': rnd(timeliness('resolved', res_level), 4),
                'median_response_minutes': rnd(quantile_cont(rm, Fraction(1, 2)), 1),
                'p90_response_minutes': rnd(quantile_cont(rm, Fraction(9, 10)), 1),
                'median_resolution_hours': rnd(quantile_cont(rh, Fraction(1, 2)), 1),
                'p90_resolution_hours': rnd(quantile_cont(rh, Fraction(9, 10)), 1),
                'repeat_units': str(sum(1 for v in per_unit.values() if v >= 2)),
                'signoff_rate': rnd(ratio(sum(1 for c in resolved if c['signed'] is True), len(resolved)), 4)}
    return rows


def complaint_categories(data, by, grain, frm, to, D):
    data.asof = D
    ps = periods(frm, to, grain)
    labs = {p[0] for p in ps}
    cs, T = kept_complaints(data, D)
    cnt = defaultdict(int)
    for c in cs:
        lab = label_of(c['received'].date(), grain)
        if lab not in labs:
            continue
        for code in data.scopes_unit(c['unit'], c['received'].date(), by):
            cnt[(by, code, lab, c['category'])] += 1
    return {k: {'complaints': str(v)} for k, v in cnt.items() if v > 0}


def repairs(data, by, grain, frm, to, D):
    data.asof = D
    ps = periods(frm, to, grain)
    labs = {p[0] for p in ps}
    T = datetime.combine(D + timedelta(days=1), datetime.min.time())
    groups = defaultdict(list)
    for r in data.repairs:
        if r['reported'].date() > D or r['completed'] is None or r['completed'] >= T:
            continue
        lab = label_of(r['completed'].date(), grain)
        if lab not in labs:
            continue
        for code in data.scopes_building(r['building'], r['completed'].date(), by):
            groups[(code, lab)].append(r)
    rows = {}
    for code in data.all_codes(by):
        for lab, _, _ in ps:
            g = groups.get((code, lab), [])
            rv = sum(1 for r in g if r['rv'] is not None and r['rv'] < T)
            hrs = [Fraction(int((r['completed'] - r['reported']).total_seconds()), 3600) for r in g]
            rows[(by, code, lab)] = {'completed': str(len(g)), 'return_visit_rate': rnd(ratio(rv, len(g)), 4),
                                     'median_completion_hours': rnd(quantile_cont(hrs, Fraction(1, 2)), 1)}
    return rows


def vacancy(data, by, grain, frm, to, D):
    data.asof = D
    ps = periods(frm, to, grain)
    rows = {}
    acc = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # delivered vacant occupied movein cov_num cov_den
    units = data.units
    for lab, st, en in ps:
        X = min(en, D)
        for u, ud in units.items():
            if ud['delivered'] is None or ud['delivered'] > X:
                continue
            s = data.status_on(u, X)
            for code in data.scopes_unit(u, X, by):
                a = acc[(code, lab)]
                a[0] += 1
                if s == 'vacant':
                    a[1] += 1
                elif s == 'occupied':
                    a[2] += 1
        # move-ins
        for u, rowsu in data.status.items():
            prev = 'vacant'
            for fd, stt in rowsu:
                if stt == 'occupied' and st <= fd <= en and fd <= D and units[u]['delivered'] is not None \
                        and units[u]['delivered'] <= fd and prev != 'occupied':
                    for code in data.scopes_unit(u, fd, by):
                        acc[(code, lab)][3] += 1
                prev = stt
        # inspection coverage
        for ms, me in months_in(st, en):
            if ms > D:
                continue
            X2 = min(me, D)
            for u, ud in units.items():
                if ud['delivered'] is None or ud['delivered'] > X2:
                    continue
                if data.status_on(u, X2) != 'vacant':
                    continue
                ins = data.inspections.get(u, [])
                i = bisect.bisect_left(ins, ms)
                has = i < len(ins) and ins[i] <= X2
                for code in data.scopes_unit(u, X2, by):
                    a = acc[(code, lab)]
                    a[5] += 1
                    a[4] += 1 if has else 0
    for code in data.all_codes(by):
        for lab, _, _ in ps:
            a = acc.get((code, lab), [0] * 6)
            rows[(by, code, lab)] = {'delivered_units': str(a[0]), 'vacant_units': str(a[1]),
                                     'vacancy_rate': rnd(ratio(a[1], a[0]), 4),
                                     'occupancy_rate': rnd(ratio(a[2], a[0]), 4),
                                     'move_ins': str(a[3]),
                                     'inspection_coverage': rnd(ratio(a[4], a[5]), 4)}
    return rows


def satisfaction(data, by, grain, frm, to, D):
    data.asof = D
    ps = periods(frm, to, grain)
    labs = {p[0] for p in ps}
    T = datetime.combine(D + timedelta(days=1), datetime.min.time())
    recs = []  # (date, source, score, scopes)
    for v in data.visits:
        if v['sat'] is not None and v['on'] <= D:
            recs.append((v['on'], 'visit', Fraction(v['sat']), data.scopes_unit(v['unit'], v['on'], by)))
    for c in data.complaints:
        if c['sat'] is None or c['received'].date() > D or c['resolved'] is None or c['resolved'] >= T:
            continue
        d = c['resolved'].date()
        recs.append((d, 'complaint', Fraction(c['sat']), data.scopes_unit(c['unit'], d, by)))
    for r in data.repairs:
        if r['score'] is None or r['reported'].date() > D or r['rv'] is None or r['rv'] >= T:
            continue
        d = r['rv'].date()
        recs.append((d, 'repair', r['score'], data.scopes_building(r['building'], d, by)))
    groups = defaultdict(list)
    for d, src, sc, codes in recs:
        lab = label_of(d, grain)
        if lab in labs:
            for code in codes:
                groups[(code, lab)].append((src, sc))
    rows = {}
    for code in data.all_codes(by):
        for lab, _, _ in ps:
            g = groups.get((code, lab), [])
            sc = [x for _, x in g]
            rows[(by, code, lab)] = {
                'scored_records': str(len(g)), 'satisfaction_score': rnd(mean(sc), 2),
                'satisfied_rate': rnd(ratio(sum(1 for x in sc if x >= 4), len(sc)), 4),
                'visit_score': rnd(mean([x for s, x in g if s == 'visit']), 2),
                'complaint_score': rnd(mean([x for s, x in g if s == 'complaint']), 2),
                'repair_score': rnd(mean([x for s, x in g if s == 'repair']), 2)}
    return rows


DATASETS = dict(collection=collection, complaints=complaints, complaint_categories=complaint_categories,
                repairs=repairs, vacancy=vacancy, satisfaction=satisfaction, aging=aging)


def parser():
    ap = argparse.ArgumentParser()
    ap.add_argument('dataset')
    ap.add_argument('--by', default='estate')
    ap.add_argument('--grain', default=None)
    ap.add_argument('--from', dest='frm')
    ap.add_argument('--to')
    ap.add_argument('--as-of', dest='asof', required=True)
    return ap


def run(data, a, out):
    D = date.fromisoformat(a.asof)
    if a.dataset == 'aging':
        rows = aging(data, a.by, a.grain if a.frm else None, a.frm, a.to, D)
    else:
        rows = DATASETS[a.dataset](data, a.by, a.grain or 'month', a.frm, a.to, D)
    w = csv.writer(out, lineterminator='\n')
    cols = COLS[a.dataset]
    if a.dataset == 'complaint_categories':
        w.writerow(['scope', 'scope_code', 'period', 'category'] + cols)
        for k in sorted(rows):
            w.writerow(list(k) + [rows[k][c] for c in cols])
    else:
        w.writerow(['scope', 'scope_code', 'period'] + cols + (['as_of'] if a.dataset == 'aging' else []))
        for k in sorted(rows):
            w.writerow(list(k) + [rows[k][c] for c in cols] + ([rows[k]['as_of']] if a.dataset == 'aging' else []))


def main():
    # --batch FILE --out DIR: each line of FILE is "NAME DATASET --by ... --as-of ...";
    # the rows go to DIR/NAME.csv (the data is read once)
    if len(sys.argv) == 5 and sys.argv[1] == '--batch' and sys.argv[3] == '--out':
        data = Data()
        with open(sys.argv[2], encoding='utf-8') as f:
            for line in f:
                if not line.strip():
                    continue
                name, *args = line.split()
                with open(os.path.join(sys.argv[4], name + '.csv'), 'w', encoding='utf-8', newline='') as out:
                    run(data, parser().parse_args(args), out)
        return
    run(Data(), parser().parse_args(), sys.stdout)


if __name__ == '__main__':
    main()

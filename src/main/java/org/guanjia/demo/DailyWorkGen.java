package org.guanjia.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanjia.db.tables.records.BriefingItemsRecord;
import org.guanjia.db.tables.records.FacilityChecksRecord;
import org.guanjia.db.tables.records.MorningBriefingsRecord;
import org.guanjia.db.tables.records.PatrolChecksRecord;
import org.guanjia.db.tables.records.PatrolFindingsRecord;
import org.guanjia.db.tables.records.PatrolItemResultsRecord;
import org.guanjia.db.tables.records.PatrolsRecord;
import org.guanjia.db.tables.records.VacancyInspectionsRecord;
import org.guanjia.db.tables.records.VisitPlansRecord;
import org.guanjia.db.tables.records.VisitRequestsRecord;
import org.guanjia.db.tables.records.VisitsRecord;

/**
 * The butlers' daily work in one estate: the 9:30 morning briefing and a patrol per cluster and
 * working day (F2, F3), weekly facility checks (F4), monthly vacant-unit inspections (F8) and
 * customer visits (F6). Every finding, urgent item or open request becomes a follow-up.
 */
final class DailyWorkGen {

    /** The checklist items V014 seeds company-wide; each is also its rulebook category. */
    private static final String[] PATROL_ITEMS = {"staff_on_duty", "staff_appearance", "staff_attitude",
        "security_hazards", "visitor_log", "vehicle_log", "goods_log", "cleanliness", "greening",
        "engineering", "renovation", "public_facilities"};

    /** The full patrol with its checklist, three times a week. */
    private static final Set<DayOfWeek> PATROL_DAYS = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.FRIDAY);

    private static final String[] BRIEFING_SOURCES = {"security", "maintenance", "cleaning_greening",
        "call_center", "service_hall"};

    private static final Map<String, String> BRIEFING_DEPARTMENTS = Map.of("security", "security",
            "maintenance", "engineering", "cleaning_greening", "cleaning", "call_center", "engineering",
            "service_hall", "customer_service");

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final List<UnitM> units;
    private final Dice dice;
    /** Appointments draw from their own stream, so adding them left every other record as it was. */
    private final Dice planDice;

    DailyWorkGen(GenContext g, EstateM estate, List<UnitM> units) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.units = units;
        this.dice = g.dice("daily", estate.index);
        this.planDice = g.dice("visit-plans", estate.index);
    }

    void run() {
        for (ClusterM c : estate.clusters) {
            int[] decorating = decoratingByMonth(c);
            for (LocalDate day = cal.start; !day.isAfter(cal.lastDay); day = day.plusDays(1)) {
                if (cal.isWorkingDay(day) && dice.chance(0.97)) {
                    briefing(c, day);
                    if (PATROL_DAYS.contains(day.getDayOfWeek())) {
                        patrol(c, day, decorating[cal.monthIndex(YearMonth.from(day))]);
                    }
                }
                if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                    facilityChecks(c, day);
                }
            }
        }
        for (UnitM u : units) {
            inspections(u);
            visits(u);
        }
    }

    private int[] decoratingByMonth(ClusterM c) {
        int[] counts = new int[cal.months.size()];
        for (UnitM u : units) {
            if (u.cluster() == c) {
                for (int i = 0; i < counts.length; i++) {
                    if (u.statusOn(cal.months.get(i).atDay(15)) == UnitM.DECORATING) {
                        counts[i]++;
                    }
                }
            }
        }
        return counts;
    }

    // --- briefings and patrols --------------------------------------------------------------

    private void briefing(ClusterM c, LocalDate day) {
        String no = g.numbers.next("MB", day.getYear());
        LocalDateTime held = day.atTime(9, 30).plusMinutes(dice.between(-5, 10));
        MorningBriefingsRecord r = new MorningBriefingsRecord();
        r.setBriefingNo(no);
        r.setClusterCode(c.code);
        r.setBriefingOn(day);
        r.setHeldAt(held);
        r.setStaffCode(c.lead(day));
        r.setNote("询问保安队长、维修万能工、保洁绿化组长及电话中心、服务大厅前一晚情况");
        g.sink.add(Slot.MORNING_BRIEFINGS, r);
        int n = dice.poisson(0.9);
        for (int i = 0; i < n; i++) {
            String source = BRIEFING_SOURCES[dice.weighted(30, 25, 20, 15, 10)];
            BriefingItemsRecord item = new BriefingItemsRecord();
            item.setBriefingNo(no);
            item.setSource(source);
            item.setDescription(dice.pick(Texts.BRIEFING_ITEMS.get(source)));
            boolean urgent = dice.chance(0.1);
            item.setUrgent(urgent);
            if (urgent || dice.chance(0.2)) {
                item.setFollowUpNo(g.followUps.raise("briefing", no, c, dice.pick(c.buildings), null,
                        BRIEFING_DEPARTMENTS.get(source), held.plusMinutes(15), item.getDescription(), dice));
            }
            g.sink.add(Slot.BRIEFING_ITEMS, item);
        }
    }

    private void patrol(ClusterM c, LocalDate day, int decorating) {
        String no = g.numbers.next("PT", day.getYear());
        String butler = c.butler((int) (day.toEpochDay() / 2 % 2), day);
        LocalDateTime started = day.atTime(10, 0).plusMinutes(dice.between(0, 90));
        LocalDateTime finished = started.plusMinutes(dice.between(40, 100));
        PatrolsRecord r = new PatrolsRecord();
        r.setPatrolNo(no);
        r.setClusterCode(c.code);
        r.setStaffCode(butler);
        r.setPatrolOn(day);
        r.setStartedAt(started);
        r.setFinishedAt(finished);
        r.setNote("巡查完毕, 途中向业主问候");
        g.sink.add(Slot.PATROLS, r);
        g.workload.add(butler, day, Workload.Kind.PATROL);
        int month = day.getMonthValue();
        int itemIndex = 0;
        for (String item : PATROL_ITEMS) {
            String result = "ok";
            if ((item.equals("renovation") && decorating == 0)
                    || (item.equals("goods_log") && dice.chance(0.3))) {
                result = "not_applicable";
            } else if (dice.chance(0.018 * Seasons.factor(patrolTopic(item), month))) {
                result = "issue";
            }
            PatrolChecksRecord check = new PatrolChecksRecord();
            check.setPatrolNo(no);
            check.setItem(item);
            check.setResult(result);
            g.sink.add(Slot.PATROL_CHECKS, check);
            // the item's own result, as the patrol form records it, in checklist order on the walk
            PatrolItemResultsRecord itemResult = new PatrolItemResultsRecord();
            itemResult.setPatrolNo(no);
            itemResult.setItemCode(item);
            itemResult.setResult(result);
            itemResult.setCheckedAt(started.plusMinutes(3L * (itemIndex + 1)));
            g.sink.add(Slot.PATROL_ITEM_RESULTS, itemResult);
            itemIndex++;
            if (result.equals("issue")) {
                finding(c, no, item, finished, item.equals("renovation") ? decoratingUnit(c, day) : null);
            }
        }
    }

    private static String patrolTopic(String item) {
        return switch (item) {
            case "greening" -> "greening";
            case "engineering", "public_facilities" -> "engineering";
            case "cleanliness" -> "cleaning";
            default -> "security";
        };
    }

    /**
     * A unit of the cluster under renovation on the day, for a renovation finding; chosen without
     * the dice so the rest of the demo stays as it was for the same seed.
     */
    private UnitM decoratingUnit(ClusterM c, LocalDate day) {
        List<UnitM> decorating = units.stream()
                .filter(u -> u.cluster() == c && u.statusOn(day) == UnitM.DECORATING).toList();
        return decorating.isEmpty() ? null : decorating.get((int) (day.toEpochDay() % decorating.size()));
    }

    private void finding(ClusterM c, String patrolNo, String item, LocalDateTime at, UnitM unit) {
        String text = dice.pick(Texts.PATROL_FINDINGS.get(item));
        PatrolFindingsRecord f = new PatrolFindingsRecord();
        f.setPatrolNo(patrolNo);
        f.setItem(item);
        f.setItemCode(item);
        f.setUnitCode(unit == null ? null : unit.code);
        f.setDescription(unit == null ? text : text + " (" + unit.code + ")");
        BuildingM building = dice.pick(c.buildings);
        f.setFollowUpNo(g.followUps.raise("patrol", patrolNo, c, unit != null ? unit.building : building, unit,
                Texts.PATROL_DEPARTMENTS.get(item), at, f.getDescription(), dice));
        g.sink.add(Slot.PATROL_FINDINGS, f);
    }

    // --- facility checks --------------------------------------------------------------------

    private void facilityChecks(ClusterM c, LocalDate day) {
        for (ClusterM.FacilityM f : c.facilities) {
            boolean pool = f.kind().equals("swimming_pool");
            if (pool && (day.getMonthValue() < 6 || day.getMonthValue() > 9)) {
                continue;
            }
            if (cal.isHoliday(day)) {
                continue;
            }
            String butler = c.lead(day);
            FacilityChecksRecord r = new FacilityChecksRecord();
            String no = g.numbers.next("FK", day.getYear());
            r.setCheckNo(no);
            r.setFacilityCode(f.code());
            r.setCheckedOn(day);
            r.setStaffCode(butler);
            boolean clean = !dice.chance(0.03);
            boolean intact = !dice.chance(0.025 * Seasons.factor("engineering", day.getMonthValue()));
            boolean safe = intact || !dice.chance(0.5);
            r.setCleanOk(clean);
            r.setUndamagedOk(intact);
            r.setSafeOk(safe);
            if (!clean || !intact || !safe) {
                String note = !safe ? "设施存在安全隐患, 已设置警示并报修" : !intact ? "设施有损坏, 已报修" : "设施卫生不达标";
                r.setNote(note);
                r.setFollowUpNo(g.followUps.raise("facility_check", no, c, null, null,
                        clean ? "engineering" : "cleaning", day.atTime(11, dice.between(0, 59)), note, dice));
            }
            g.sink.add(Slot.FACILITY_CHECKS, r);
        }
    }

    // --- vacant-unit inspections ------------------------------------------------------------

    /** Monthly inspection of vacant units; each butler covers 84-97% of them. */
    private void inspections(UnitM u) {
        for (YearMonth m : cal.months) {
            LocalDate first = u.delivered.isAfter(m.atDay(1)) ? u.delivered.plusDays(1) : m.atDay(1);
            if (first.isAfter(m.atEndOfMonth())) {
                continue;
            }
            int last = Math.max(first.getDayOfMonth(), Math.min(26, m.lengthOfMonth()));
            LocalDate day = cal.nextWorkingDay(m.atDay(dice.between(first.getDayOfMonth(), last)));
            if (!cal.happened(day) || !u.vacantOn(day)) {
                continue;
            }
            String butler = u.butler(day);
            double coverage = 0.84 + 0.13 * diligence(butler) - (cal.nearSpringFestival(day) ? 0.08 : 0);
            if (dice.chance(coverage)) {
                inspection(u, day, butler);
                if (dice.chance(0.04)) {
                    LocalDate again = day.plusDays(dice.between(7, 14));
                    if (cal.happened(again) && again.getMonth() == day.getMonth()) {
                        inspection(u, again, butler);
                    }
                }
            }
        }
    }

    /** A butler's steady diligence in [0, 1], the same in every run. */
    private double diligence(String butler) {
        return (Math.floorMod(Dice.key(butler) * 31 + g.seed, 97)) / 96.0;
    }

    private void inspection(UnitM u, LocalDate day, String butler) {
        String no = g.numbers.next("VI", day.getYear());
        boolean doors = !dice.chance(0.012);
        boolean utilities = !dice.chance(0.018);
        boolean noLeak = !dice.chance(0.01 * Seasons.factor("leaks", day.getMonthValue()));
        boolean noCracks = !dice.chance(0.008);
        VacancyInspectionsRecord r = new VacancyInspectionsRecord();
        r.setInspectionNo(no);
        r.setUnitCode(u.code);
        r.setBuildingCode(u.building.code);
        r.setInspectedOn(day);
        r.setStaffCode(butler);
        r.setDoorsWindowsOk(doors);
        r.setUtilitiesOffOk(utilities);
        r.setNoLeak(noLeak);
        r.setNoCracks(noCracks);
        boolean ok = doors && utilities && noLeak && noCracks;
        if (ok) {
            r.setNote("门窗关闭, 水电气已关, 无渗漏, 墙地面无裂纹");
            LocalDate informed = day.plusDays(dice.between(0, 2));
            if (dice.chance(0.6) && cal.happened(informed)) {
                r.setOwnerInformedOn(informed);
                r.setOwnerInformedMethod(dice.chance(0.6) ? "sms" : "app");
            }
        } else {
            String note = (!noLeak ? "发现渗漏; " : "") + (!noCracks ? "墙面有裂纹; " : "")
                    + (!doors ? "窗户未关; " : "") + (!utilities ? "水闸未关; " : "") + "已通知工程部";
            r.setNote(note);
            r.setFollowUpNo(g.followUps.raise("vacancy_inspection", no, u.cluster(), u.building, u,
                    "engineering", day.atTime(dice.between(10, 16), dice.between(0, 59)), note, dice));
            LocalDate informed = day.plusDays(dice.between(0, 1));
            if (cal.happened(informed)) {
                r.setOwnerInformedOn(informed);
                r.setOwnerInformedMethod("phone");
            }
        }
        g.sink.add(Slot.VACANCY_INSPECTIONS, r);
        g.workload.add(butler, day, Workload.Kind.INSPECTION);
    }

    // --- visits -----------------------------------------------------------------------------

    private void visits(UnitM u) {
        for (YearMonth m : cal.months) {
            LocalDate day = cal.nextWorkingDay(m.atDay(dice.between(1, 28)));
            if (!cal.happened(day) || !u.occupiedOn(day)) {
                continue;
            }
            if (dice.chance(u.strongOpinion ? 0.35 : 0.045)) {
                visit(u, day);
            }
        }
        appointments(u);
    }

    /**
     * The butler's open appointments (可提前預約時間): owners with strong opinions and key customers
     * get one in the next two weeks, a few are overdue (planned for the last days, not yet
     * visited), and some past ones were cancelled.
     */
    private void appointments(UnitM u) {
        if (!u.occupiedOn(cal.lastDay)) {
            return;
        }
        if ((u.strongOpinion || u.keyCustomer) && planDice.chance(u.strongOpinion ? 0.7 : 0.25)) {
            LocalDate on = planDice.chance(0.15) ? cal.lastDay.minusDays(planDice.between(0, 3))
                    : cal.endDate.plusDays(planDice.between(0, 13));
            plan(u, on, on.minusDays(planDice.between(2, 10)), "planned", null, null);
        }
        if (planDice.chance(u.strongOpinion ? 0.3 : 0.01)) {
            LocalDate on = cal.lastDay.minusDays(planDice.between(5, 120));
            plan(u, on, on.minusDays(planDice.between(2, 10)), "cancelled", null,
                    planDice.pick(Texts.VISIT_PLAN_CANCELLED));
        }
    }

    private void plan(UnitM u, LocalDate on, LocalDate madeOn, String status, String visitNo, String note) {
        VisitPlansRecord p = new VisitPlansRecord();
        p.setPlanNo(g.numbers.next("VP", madeOn.getYear()));
        p.setUnitCode(u.code);
        p.setPlannedOn(on);
        p.setStaffCode(u.butler(madeOn.isAfter(cal.lastDay) ? cal.lastDay : madeOn));
        p.setTopic(planDice.pick(Texts.VISIT_TOPICS));
        p.setStatus(status);
        p.setVisitNo(visitNo);
        if ("cancelled".equals(status)) {
            p.setCancelledOn(on.minusDays(1));
            p.setNote(note);
        }
        g.sink.add(Slot.VISIT_PLANS, p);
    }

    private void visit(UnitM u, LocalDate day) {
        String no = g.numbers.next("VS", day.getYear());
        String butler = u.butler(day);
        VisitsRecord r = new VisitsRecord();
        r.setVisitNo(no);
        r.setUnitCode(u.code);
        r.setBuildingCode(u.building.code);
        r.setVisitedOn(day);
        r.setStaffCode(butler);
        r.setKind(u.strongOpinion ? "scheduled"
                : new String[] {"scheduled", "chance", "return"}[dice.weighted(40, 45, 15)]);
        r.setTopic(dice.pick(Texts.VISIT_TOPICS));
        if (dice.chance(0.85)) {
            r.setSatisfaction(dice.score(u.strongOpinion ? 2.8 : 4.2));
        }
        r.setStrongOpinion(u.strongOpinion);
        r.setNote(u.strongOpinion ? dice.pick(Texts.STRONG_OPINION_NOTES) : "业主反馈良好");
        g.sink.add(Slot.VISITS, r);
        g.workload.add(butler, day, Workload.Kind.VISIT);
        if ("scheduled".equals(r.getKind()) && planDice.chance(0.6)) {
            plan(u, day, day.minusDays(planDice.between(1, 7)), "done", no, null);
        }
        int requests = dice.chance(0.35) ? dice.between(1, 2) : 0;
        for (int i = 0; i < requests; i++) {
            VisitRequestsRecord q = new VisitRequestsRecord();
            q.setVisitNo(no);
            q.setRequest(dice.pick(Texts.VISIT_REQUESTS));
            boolean onSpot = dice.chance(0.6);
            q.setAnsweredOnSpot(onSpot);
            if (onSpot) {
                q.setAnswer(dice.pick(Texts.VISIT_ANSWERS));
            } else {
                String dept = dice.pick(List.of("engineering", "greening", "security", "customer_service"));
                q.setFollowUpNo(g.followUps.raise("visit", no, u.cluster(), u.building, u, dept,
                        day.atTime(dice.between(14, 18), dice.between(0, 59)), q.getRequest(), dice));
            }
            g.sink.add(Slot.VISIT_REQUESTS, q);
        }
    }
}

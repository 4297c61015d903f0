package org.guanjia.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.db.tables.records.WorkPlansRecord;

/**
 * The butlers' weekly, monthly and annual plans and summaries (F11, rulebook 九). Summaries are
 * drafted from the butler's records (counted in {@link Workload}); supervisors review them, so
 * most are approved, a few returned, the latest still submitted or in draft. Reviewers are not
 * linked to user accounts: the demo accounts are created after the data.
 */
final class WorkPlansGen {

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final Dice dice;

    WorkPlansGen(GenContext g, EstateM estate) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.dice = g.dice("plans", estate.index);
    }

    void run() {
        for (String butler : butlers()) {
            for (LocalDate monday = DemoCalendar.monday(cal.start); !monday.isAfter(cal.lastDay);
                    monday = monday.plusWeeks(1)) {
                plan(butler, "week", monday, monday.plusDays(6));
            }
            for (YearMonth m : cal.months) {
                plan(butler, "month", m.atDay(1), m.atEndOfMonth());
            }
            for (int year = cal.firstMonth.getYear(); year <= cal.lastMonth.getYear(); year++) {
                if (!LocalDate.of(year, 1, 1).isBefore(cal.start.minusMonths(1))) {
                    plan(butler, "year", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                }
            }
        }
    }

    /** The estate's butlers in code order (they only swap clusters within the estate). */
    private List<String> butlers() {
        List<String> codes = new ArrayList<>();
        for (ClusterM c : estate.clusters) {
            for (ClusterM.ButlerPost post : c.posts) {
                for (ClusterM.Tenure t : post.tenures) {
                    if (!codes.contains(t.staffCode)) {
                        codes.add(t.staffCode);
                    }
                }
            }
        }
        codes.sort(null);
        return codes;
    }

    private ClusterM clusterOf(String butler, LocalDate day) {
        for (ClusterM c : estate.clusters) {
            if (butler.equals(c.butler(0, day)) || butler.equals(c.butler(1, day))) {
                return c;
            }
        }
        return estate.clusters.get(0);
    }

    private void plan(String butler, String grain, LocalDate start, LocalDate end) {
        ClusterM c = clusterOf(butler, start);
        write(butler, c, "plan", grain, start, end, start.atTime(9, 0).plusMinutes(dice.between(0, 90)),
                planBody(grain, c));
        LocalDate last = end.getDayOfWeek() == DayOfWeek.SUNDAY ? end.minusDays(2) : end;
        write(butler, c, "summary", grain, start, end, last.atTime(17, 0).plusMinutes(dice.between(0, 60)),
                summaryBody(butler, grain, start, end));
    }

    private void write(String butler, ClusterM c, String kind, String grain, LocalDate start, LocalDate end,
            LocalDateTime due, String body) {
        if (start.isAfter(cal.lastDay) || (kind.equals("summary") && end.isAfter(cal.lastDay.plusDays(7)))) {
            return;
        }
        LocalDateTime submitted = dice.chance(0.95) ? due : due.plusDays(dice.between(1, 3));
        WorkPlansRecord r = new WorkPlansRecord();
        r.setPlanNo(g.numbers.next("WP", start.getYear()));
        r.setKind(kind);
        r.setGrain(grain);
        r.setStaffCode(butler);
        r.setClusterCode(c.code);
        r.setPeriodStart(start);
        r.setPeriodEnd(end);
        r.setBody(body);
        if (!cal.happened(submitted)) {
            r.setStatus("draft");
        } else {
            r.setSubmittedAt(submitted);
            LocalDateTime reviewed = cal.ifHappened(submitted.plusHours(dice.between(4, 72)));
            if (reviewed == null) {
                r.setStatus("submitted");
            } else {
                boolean returned = dice.chance(0.06);
                r.setStatus(returned ? "returned" : "approved");
                r.setReviewComment("主管" + g.company.staffing.nameOf(c.supervisor) + ": "
                        + Texts.REVIEW_COMMENTS[returned ? dice.between(3, 4) : dice.between(0, 2)]);
                r.setReviewedAt(reviewed);
            }
        }
        g.sink.add(Slot.WORK_PLANS, r);
    }

    private String planBody(String grain, ClusterM c) {
        String period = switch (grain) {
            case "week" -> "本周";
            case "month" -> "本月";
            default -> "本年度";
        };
        return period + "工作计划(" + c.name + "): 1. 每日组团巡查及9:30早会; 2. 空置房巡检全覆盖; "
                + "3. 按催收日历跟进欠费; 4. 投诉30分钟内响应, 48小时内处理完毕; 5. 拜访重点客户及意见较大业户。";
    }

    private String summaryBody(String butler, String grain, LocalDate start, LocalDate end) {
        Workload w = g.workload;
        return String.format("%s工作总结: 巡查%d次, 客户拜访%d户, 空置房巡检%d户次, 处理投诉%d起, 维修回访%d次, "
                        + "催收记录%d条, 亲自派发文件%d份。",
                grain.equals("week") ? "本周" : grain.equals("month") ? "本月" : "本年度",
                w.count(butler, start, end, Workload.Kind.PATROL),
                w.count(butler, start, end, Workload.Kind.VISIT),
                w.count(butler, start, end, Workload.Kind.INSPECTION),
                w.count(butler, start, end, Workload.Kind.COMPLAINT),
                w.count(butler, start, end, Workload.Kind.REPAIR_VISIT),
                w.count(butler, start, end, Workload.Kind.COLLECTION),
                w.count(butler, start, end, Workload.Kind.DOCUMENT));
    }
}

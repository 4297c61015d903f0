package org.guanjia.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guanjia.db.tables.records.ActivitiesRecord;
import org.guanjia.db.tables.records.ActivitySignupsRecord;
import org.guanjia.db.tables.records.CustomerDocumentsRecord;
import org.guanjia.db.tables.records.DocumentDeliveriesRecord;
import org.guanjia.db.tables.records.NoticePostingsRecord;
import org.guanjia.db.tables.records.NoticesRecord;

/**
 * One estate's notice boards (F4: notices with expiry, taken down the morning after, the
 * butlers' 24-hour phone re-posted at each handover), documents to customers (F5: quarterly
 * statements, the new fee standard, outage notices; delivered in person to key customers, by
 * post to owners not moved in, with security otherwise; unclaimed after 14 days: a call) and
 * community activities with sign-ups and feedback (F10).
 */
final class CommunityGen {

    private static final String[] ACTIVITY_BY_MONTH = {"新春联欢会", "元宵猜灯谜", "植树节亲子活动", "社区义诊",
        "业主篮球友谊赛", "端午包粽子", "夏日露天电影", "消夏纳凉晚会", "中秋游园会", "重阳敬老活动", "消防演练",
        "垃圾分类知识讲座"};

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final List<UnitM> units;
    private final Dice dice;

    CommunityGen(GenContext g, EstateM estate, List<UnitM> units) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.units = units;
        this.dice = g.dice("community", estate.index);
    }

    void run() {
        for (ClusterM c : estate.clusters) {
            phoneNotices(c);
            for (YearMonth m : cal.months) {
                int n = dice.poisson(3);
                for (int i = 0; i < n; i++) {
                    generalNotice(c, m);
                }
            }
        }
        feeStandard();
        statementDocuments();
        feeStandardDocument();
        outages();
        activities();
        // last, so that the dice of everything above stay as they were
        recentNotices();
        recentDocument();
    }

    // --- notices ----------------------------------------------------------------------------

    private List<String> boards(ClusterM c) {
        List<String> boards = new ArrayList<>();
        boards.add(c.boardCode);
        c.buildings.forEach(b -> boards.add(b.boardCode));
        return boards;
    }

    /** The butlers' 24-hour service phone; a handover replaces the notice. */
    private void phoneNotices(ClusterM c) {
        for (ClusterM.ButlerPost post : c.posts) {
            for (ClusterM.Tenure t : post.tenures) {
                Staffing.Person p = g.company.staffing.person(t.staffCode);
                LocalDate down = t.to == null ? null : t.to.plusDays(1);
                notice("组团管家24小时服务电话", "管家 " + p.name() + ", 24小时服务电话: " + p.servicePhone(),
                        t.from, null, down, down == null ? null : c.butler(0, down), boards(c));
            }
        }
    }

    private void generalNotice(ClusterM c, YearMonth m) {
        LocalDate posted = cal.nextWorkingDay(m.atDay(dice.between(1, 26)));
        if (!cal.happened(posted)) {
            return;
        }
        LocalDate expires = posted.plusDays(dice.between(5, 30));
        LocalDate down = takeDown(expires);
        String title = dice.pick(Texts.NOTICE_TITLES);
        notice(title, title + "。请各位业主知悉并配合, 谢谢! " + c.name + "管家", posted, expires, down,
                down == null ? null : c.lead(down), boards(c));
    }

    private void feeStandard() {
        LocalDate posted = cal.rateChange.atDay(1).minusDays(30);
        if (!cal.happened(posted)) {
            return;
        }
        List<String> boards = new ArrayList<>();
        estate.clusters.forEach(c -> boards.addAll(boards(c)));
        LocalDate expires = cal.rateChange.atDay(1).plusDays(30);
        LocalDate down = cal.happened(expires.plusDays(1)) ? expires.plusDays(1) : null;
        notice("关于调整物业服务费标准的公示", "自" + cal.rateChange + "起, 物业服务费调整为每月每平方米"
                + estate.propertyRate2 + "元。", posted, expires, down,
                down == null ? null : estate.clusters.get(0).lead(down), boards);
    }

    /**
     * Whatever day the demo is made, each cluster has a notice that expired yesterday and is
     * still up: this morning's take-down list is never empty.
     */
    private void recentNotices() {
        for (ClusterM c : estate.clusters) {
            LocalDate posted = cal.lastDay.minusDays(dice.between(8, 12));
            String title = dice.pick(Texts.NOTICE_TITLES);
            notice(title, title + "。请各位业主知悉并配合, 谢谢! " + c.name + "管家", posted, cal.lastDay.minusDays(1), null,
                    null, boards(c));
        }
    }

    /**
     * A notice to every owner about three weeks before the end date: copies left at the security
     * post and not collected come on today's call list (some already called, see received).
     */
    private void recentDocument() {
        LocalDate issued = cal.nextWorkingDay(cal.lastDay.minusDays(21));
        if (!cal.happened(issued)) {
            return;
        }
        String no = document("other", "关于开展小区消防安全检查的通知", issued, null, null, "请业主配合入户检查");
        deliver(no, issued, units);
    }

    /**
     * The morning after expiry (sometimes a few days late); the take-down list of the last days
     * is not done everywhere yet, so today's agenda has some.
     */
    private LocalDate takeDown(LocalDate expires) {
        LocalDate down = expires.plusDays(dice.chance(0.85) ? 1 : dice.between(2, 4));
        if (!cal.happened(down) || (!expires.isBefore(cal.lastDay.minusDays(6)) && dice.chance(0.7))) {
            return null;
        }
        return down;
    }

    private void notice(String title, String body, LocalDate posted, LocalDate expires, LocalDate down,
            String downBy, List<String> boards) {
        NoticesRecord r = new NoticesRecord();
        String no = g.numbers.next("NT", posted.getYear());
        r.setNoticeNo(no);
        r.setTitle(title);
        r.setBody(body);
        r.setPostedOn(posted);
        r.setExpiresOn(expires);
        r.setTakenDownOn(down);
        r.setTakenDownBy(downBy);
        g.sink.add(Slot.NOTICES, r);
        for (String board : boards) {
            NoticePostingsRecord p = new NoticePostingsRecord();
            p.setNoticeNo(no);
            p.setBoardCode(board);
            g.sink.add(Slot.NOTICE_POSTINGS, p);
        }
    }

    // --- documents --------------------------------------------------------------------------

    /** Paper statements for owners without auto-debit (they get e-statements) and key customers. */
    private void statementDocuments() {
        for (YearMonth m : cal.months) {
            if (DemoCalendar.monthOfQuarter(m) != 1) {
                continue;
            }
            LocalDate issued = FeesGen.issueDate(m);
            if (!cal.happened(issued)) {
                continue;
            }
            String title = String.format("%d年第%d季度物业费对账单", m.getYear(), (m.getMonthValue() - 1) / 3 + 1);
            String no = document("statement", title, issued, null, null, "请核对后按时缴费");
            deliver(no, issued, units);
        }
    }

    private void outages() {
        for (BuildingM b : estate.buildings) {
            List<UnitM> inBuilding = units.stream().filter(u -> u.building == b).toList();
            for (YearMonth m : cal.months) {
                if (!dice.chance(0.05) || b.delivered.isAfter(m.atDay(1))) {
                    continue;
                }
                String[] kind = dice.pick(Texts.DOCUMENT_OUTAGES).split(":");
                LocalDate issued = cal.nextWorkingDay(m.atDay(dice.between(1, 24)));
                if (!cal.happened(issued)) {
                    continue;
                }
                LocalDateTime from = issued.plusDays(3).atTime(9, 0);
                String no = document(kind[0], b.name + kind[1], issued, from,
                        from.plusHours(dice.between(3, 8)), "因设备检修, 届时将暂停供应, 请提前做好准备");
                deliver(no, issued, inBuilding);
                LocalDate down = takeDown(issued.plusDays(3));
                notice(b.name + kind[1], "检修期间暂停供应, 敬请谅解", issued, issued.plusDays(3), down,
                        down == null ? null : b.cluster.lead(down), List.of(b.boardCode));
            }
        }
    }

    private void feeStandardDocument() {
        LocalDate issued = cal.rateChange.atDay(1).minusDays(30);
        if (cal.happened(issued)) {
            String no = document("fee_standard", "物业服务费收费标准调整通知", issued, null, null,
                    "新标准自" + cal.rateChange + "起执行");
            deliver(no, issued, units);
        }
    }

    private String document(String kind, String title, LocalDate issued, LocalDateTime from, LocalDateTime to,
            String note) {
        String no = g.numbers.next("DC", issued.getYear());
        CustomerDocumentsRecord r = new CustomerDocumentsRecord();
        r.setDocumentNo(no);
        r.setKind(kind);
        r.setTitle(title);
        r.setIssuedOn(issued);
        r.setOutageFrom(from);
        r.setOutageTo(to);
        r.setNote(note);
        g.sink.add(Slot.CUSTOMER_DOCUMENTS, r);
        return no;
    }

    /** Per unit by the rule: not moved in by post, key customers in person, else with security (三). */
    private void deliver(String no, LocalDate issued, List<UnitM> targets) {
        for (UnitM u : targets) {
            if (!u.deliveredBy(issued)) {
                continue;
            }
            String method = u.notMovedIn(issued) ? "post" : u.keyCustomer ? "in_person" : "with_security";
            LocalDate dispatched = issued.plusDays(dice.between(0, 2));
            DocumentDeliveriesRecord r = new DocumentDeliveriesRecord();
            r.setDocumentNo(no);
            r.setUnitCode(u.code);
            r.setMethod(method);
            if (cal.happened(dispatched)) {
                String staff = switch (method) {
                    case "in_person" -> u.butler(dispatched);
                    case "with_security" -> dice.pick(estate.security);
                    default -> null;
                };
                r.setStaffCode(staff);
                r.setDispatchedOn(dispatched);
                received(r, u, method, dispatched);
            }
            g.sink.add(Slot.DOCUMENT_DELIVERIES, r);
        }
    }

    private void received(DocumentDeliveriesRecord r, UnitM u, String method, LocalDate dispatched) {
        LocalDate delivered = dispatched.plusDays(switch (method) {
            case "post" -> dice.between(2, 5);
            case "in_person" -> dice.between(0, 3);
            default -> dice.between(0, 1);
        });
        if (!cal.happened(delivered)) {
            return;
        }
        r.setDeliveredOn(delivered);
        if (method.equals("in_person")) {
            g.workload.add(r.getStaffCode(), delivered, Workload.Kind.DOCUMENT);
        }
        if (!method.equals("with_security") || dice.chance(0.88)) {
            LocalDate collected = method.equals("with_security")
                    ? delivered.plusDays(dice.between(0, 10)) : delivered;
            r.setCollectedOn(cal.happened(collected) ? collected : null);
            return;
        }
        LocalDate call = delivered.plusDays(dice.between(14, 17));
        // calls due in the last week are not all made yet (no dice: the rest stays as it was)
        boolean pending = call.isAfter(cal.lastDay.minusDays(7)) && Math.floorMod(u.code.hashCode(), 2) == 0;
        if (cal.happened(call) && !pending) {
            r.setCallOn(call);
            r.setCallNote("超过两周无人领取, 已电话告知业主到安防岗领取");
            g.workload.add(u.butler(call), call, Workload.Kind.DOCUMENT);
            LocalDate collected = call.plusDays(dice.between(1, 6));
            if (dice.chance(0.6) && cal.happened(collected)) {
                r.setCollectedOn(collected);
            }
        }
    }

    // --- activities -------------------------------------------------------------------------

    /**
     * An activity in most past months, and the next two: the first one not yet held has been
     * announced (the notice went out a few days ago, sign-ups coming in) and the one after it is
     * still only planned, whatever the demo's end date, so every state of the list shows.
     */
    private void activities() {
        List<YearMonth> months = new ArrayList<>(cal.months);
        months.add(cal.lastMonth.plusMonths(1));
        months.add(cal.lastMonth.plusMonths(2));
        boolean announced = false;
        for (YearMonth m : months) {
            boolean upcoming = m.isAfter(cal.lastMonth);
            if (!upcoming && !dice.chance(0.7)) {
                continue;
            }
            announced |= activity(m, ACTIVITY_BY_MONTH[m.getMonthValue() - 1], !announced);
        }
    }

    /** Returns whether the activity was announced but not yet held. */
    private boolean activity(YearMonth m, String title, boolean announceIfUpcoming) {
        LocalDate day = DemoCalendar.nthWeekday(m, DayOfWeek.SATURDAY, 1);
        LocalDateTime starts = day.atTime(title.contains("电影") ? 19 : 9, 30);
        LocalDate noticeOn = day.minusDays(dice.between(7, 14));
        if (announceIfUpcoming && !cal.happened(starts) && noticeOn.isAfter(cal.lastDay.minusDays(3))) {
            noticeOn = cal.lastDay.minusDays(3);
        }
        String no = g.numbers.next("AC", day.getYear());
        int capacity = Math.max(20, units.size() / 10);
        boolean held = cal.happened(starts);
        ActivitiesRecord r = new ActivitiesRecord();
        r.setActivityNo(no);
        r.setEstateCode(estate.code);
        r.setTitle(estate.name + title);
        r.setStartsAt(starts);
        r.setPlace(title.contains("篮球") ? "篮球场"
                : title.contains("讲座") || title.contains("义诊") ? "业主活动室" : "中心广场");
        r.setCapacity(capacity);
        r.setNoticeOn(noticeOn);
        r.setStatus(held ? "held" : cal.happened(noticeOn) ? "announced" : "planned");
        if (held) {
            r.setSummary("活动顺利举行, 业主参与踊跃, 已收集反馈意见用于改进下次活动。");
        }
        g.sink.add(Slot.ACTIVITIES, r);
        if (cal.happened(noticeOn)) {
            signups(no, noticeOn, day, capacity, held);
        }
        return !held && cal.happened(noticeOn);
    }

    private void signups(String no, LocalDate noticeOn, LocalDate day, int capacity, boolean held) {
        List<UnitM> living = units.stream().filter(u -> u.occupiedOn(noticeOn)).toList();
        if (living.isEmpty()) {
            return;
        }
        int n = Math.min(Math.min(capacity, living.size()), dice.poisson(units.size() * 0.025));
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            UnitM u = dice.pick(living);
            int window = (int) Math.max(0, day.toEpochDay() - noticeOn.toEpochDay() - 1);
            LocalDate signed = noticeOn.plusDays(dice.between(0, window));
            if (!chosen.add(u.code) || !cal.happened(signed)) {
                continue;
            }
            ActivitySignupsRecord r = new ActivitySignupsRecord();
            r.setActivityNo(no);
            r.setUnitCode(u.code);
            int heads = dice.between(1, 4);
            r.setHeadCount(heads);
            r.setSignedUpOn(signed);
            if (held) {
                boolean attended = dice.chance(0.85);
                r.setAttended(attended);
                r.setAttendedCount(attended ? dice.between(1, heads) : 0);
                LocalDate feedbackOn = day.plusDays(dice.between(1, 5));
                if (attended && dice.chance(0.7) && cal.happened(feedbackOn)) {
                    r.setFeedbackScore(dice.score(4.3));
                    r.setFeedback(dice.pick(Texts.ACTIVITY_FEEDBACK));
                    r.setSuggestion(dice.chance(0.3) ? dice.pick(Texts.ACTIVITY_SUGGESTIONS) : null);
                    r.setFeedbackOn(feedbackOn);
                }
            }
            g.sink.add(Slot.ACTIVITY_SIGNUPS, r);
        }
    }
}

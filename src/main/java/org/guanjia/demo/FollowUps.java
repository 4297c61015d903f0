package org.guanjia.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.guanjia.db.tables.records.FollowUpNotesRecord;
import org.guanjia.db.tables.records.FollowUpsRecord;

/**
 * Follow-ups (tickets to departments) raised by patrols, briefings, visits, complaints,
 * collection, inspections and facility checks, each worked towards closure: most are closed,
 * a few stay open, recent ones are still in progress.
 */
final class FollowUps {

    private final GenContext g;

    FollowUps(GenContext g) {
        this.g = g;
    }

    /** Raises a follow-up at a time before the horizon and returns its number. */
    String raise(String source, String sourceRef, ClusterM cluster, BuildingM building, UnitM unit,
            String departmentKind, LocalDateTime raisedAt, String description, Dice dice) {
        DemoCalendar cal = g.cal;
        String no = g.numbers.next("FU", raisedAt.getYear());
        LocalDate day = raisedAt.toLocalDate();
        String assignee = assignee(departmentKind, cluster, unit, day, dice);
        boolean stuck = dice.chance(0.03);
        double hours = dice.chance(0.1) ? dice.uniform(72, 480) : dice.logNormal(16, 0.9);
        LocalDateTime resolved = stuck ? null
                : cal.ifHappened(raisedAt.plusMinutes(30 + (long) (hours * 60)));
        LocalDateTime replied = resolved == null || unit == null ? null
                : cal.ifHappened(resolved.plusMinutes(dice.between(20, 20 * 60)));
        FollowUpsRecord r = new FollowUpsRecord();
        r.setFollowUpNo(no);
        r.setSource(source);
        r.setSourceRef(sourceRef);
        r.setClusterCode(cluster.code);
        r.setBuildingCode(building == null ? null : building.code);
        r.setUnitCode(unit == null ? null : unit.code);
        r.setDepartmentCode(MasterDataGen.DEPARTMENTS.get(departmentKind));
        r.setAssigneeCode(assignee);
        r.setDescription(description);
        r.setRaisedAt(raisedAt);
        r.setDueOn(day.plusDays(departmentKind.equals("engineering") ? 3 : 1));
        r.setResolvedAt(resolved);
        if (resolved != null) {
            r.setResolution(dice.pick(Texts.FOLLOW_UP_RESOLUTIONS));
        }
        if (replied != null) {
            r.setReplyToOwner("已电话回复业主处理结果");
            r.setRepliedAt(replied);
        }
        r.setStatus(status(resolved, replied, unit != null, raisedAt, dice));
        g.sink.add(Slot.FOLLOW_UPS, r);
        notes(no, raisedAt, resolved, assignee, cluster.lead(day), dice);
        return no;
    }

    private String status(LocalDateTime resolved, LocalDateTime replied, boolean forOwner,
            LocalDateTime raisedAt, Dice dice) {
        if (resolved == null) {
            return g.cal.happened(raisedAt.plusHours(2)) && dice.chance(0.6) ? "in_progress" : "open";
        }
        if (forOwner && replied == null) {
            return "resolved";
        }
        return dice.chance(0.92) ? "closed" : "resolved";
    }

    private void notes(String no, LocalDateTime raisedAt, LocalDateTime resolved, String assignee,
            String butler, Dice dice) {
        LocalDateTime end = resolved != null ? resolved : g.cal.horizon.minusMinutes(1);
        long span = Math.max(1, ChronoUnit.MINUTES.between(raisedAt, end));
        int n = dice.between(1, 2);
        for (int i = 0; i < n; i++) {
            LocalDateTime at = raisedAt.plusMinutes(span * (i + 1) / (n + 1));
            FollowUpNotesRecord r = new FollowUpNotesRecord();
            r.setFollowUpNo(no);
            r.setNotedAt(at);
            r.setStaffCode(i == 0 || assignee == null ? butler : assignee);
            r.setNote(i == n - 1 && resolved != null ? Texts.FOLLOW_UP_NOTES[4]
                    : Texts.FOLLOW_UP_NOTES[Math.min(3, i + dice.between(0, 1))]);
            g.sink.add(Slot.FOLLOW_UP_NOTES, r);
        }
    }

    private String assignee(String kind, ClusterM cluster, UnitM unit, LocalDate day, Dice dice) {
        EstateM e = cluster.estate;
        Staffing s = g.company.staffing;
        return switch (kind) {
            case "engineering" -> dice.pick(e.engineers);
            case "security" -> dice.pick(e.security);
            case "cleaning", "greening" -> dice.pick(e.cleaning);
            case "call_center", "service_hall" -> dice.pick(s.callCenter);
            case "finance" -> dice.pick(s.finance);
            case "management" -> cluster.supervisor;
            case "customer_service" -> unit != null ? unit.butler(day) : cluster.lead(day);
            default -> null;
        };
    }
}

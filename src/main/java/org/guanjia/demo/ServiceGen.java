package org.guanjia.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.guanjia.db.tables.records.ComplaintsRecord;
import org.guanjia.db.tables.records.RectificationItemsRecord;
import org.guanjia.db.tables.records.RectificationNotesRecord;
import org.guanjia.db.tables.records.RepairsRecord;

/**
 * Complaints (F7), repairs with return visits, and owner-raised rectification items (F9) of one
 * estate. Complaints come from occupied units at seasonal rates per category; most are answered
 * within 30 minutes and resolved within 48 hours, some breach, a few recent ones wait.
 */
final class ServiceGen {

    /** Complaints per occupied unit and month, by category (decoration: per decorating unit). */
    private static final Map<String, Double> RATES = Map.ofEntries(Map.entry("security", 0.0030),
            Map.entry("cleaning", 0.0040), Map.entry("greening", 0.0030), Map.entry("engineering", 0.0050),
            Map.entry("noise", 0.0045), Map.entry("parking", 0.0030), Map.entry("fees", 0.0008),
            Map.entry("staff", 0.0008), Map.entry("neighbour", 0.0015), Map.entry("other", 0.0008));

    private static final String[] CHANNELS = {"phone", "app", "visit", "patrol", "other"};

    private static final List<String> CATEGORIES = List.of("security", "cleaning", "greening",
            "engineering", "noise", "parking", "fees", "staff", "neighbour", "other");

    private final GenContext g;
    private final DemoCalendar cal;
    private final EstateM estate;
    private final List<UnitM> units;
    private final Dice dice;

    ServiceGen(GenContext g, EstateM estate, List<UnitM> units) {
        this.g = g;
        this.cal = g.cal;
        this.estate = estate;
        this.units = units;
        this.dice = g.dice("service", estate.index);
    }

    void run() {
        Map<BuildingM, List<UnitM>> byBuilding = units.stream()
                .collect(Collectors.groupingBy(u -> u.building, LinkedHashMap::new, Collectors.toList()));
        for (YearMonth m : cal.months) {
            LocalDate mid = m.atDay(15);
            for (Map.Entry<BuildingM, List<UnitM>> b : byBuilding.entrySet()) {
                List<UnitM> living = new ArrayList<>();
                List<UnitM> vocal = new ArrayList<>();
                int decorating = 0;
                for (UnitM u : b.getValue()) {
                    int s = u.statusOn(mid);
                    if (s == UnitM.OCCUPIED) {
                        living.add(u);
                        if (u.strongOpinion) {
                            vocal.add(u);
                        }
                    } else if (s == UnitM.DECORATING) {
                        decorating++;
                    }
                }
                complaints(m, living, vocal, decorating);
                repairs(m, b.getKey(), living, b.getValue());
            }
        }
        recentUnanswered();
        rectifications();
    }

    // --- complaints -------------------------------------------------------------------------

    private void complaints(YearMonth m, List<UnitM> living, List<UnitM> vocal, int decorating) {
        if (living.isEmpty()) {
            return;
        }
        for (String category : CATEGORIES) {
            double rate = RATES.get(category) * Seasons.factor(category, m.getMonthValue());
            boolean newRates = m.equals(cal.rateChange) || m.equals(cal.rateChange.plusMonths(1));
            if (category.equals("fees") && newRates) {
                rate *= 8;
            }
            int n = dice.poisson(rate * living.size());
            for (int i = 0; i < n; i++) {
                complaint(m, category, pickComplainer(living, vocal));
            }
        }
        int n = dice.poisson(0.05 * decorating);
        for (int i = 0; i < n; i++) {
            complaint(m, "decoration", pickComplainer(living, vocal));
        }
    }

    private UnitM pickComplainer(List<UnitM> living, List<UnitM> vocal) {
        return !vocal.isEmpty() && dice.chance(0.15) ? dice.pick(vocal) : dice.pick(living);
    }

    private void complaint(YearMonth m, String category, UnitM u) {
        int hour = category.equals("noise") ? dice.pick(new Integer[] {8, 12, 19, 20, 21, 22})
                : dice.between(8, 21);
        LocalDateTime received = m.atDay(dice.between(1, m.lengthOfMonth()))
                .atTime(hour, dice.between(0, 59), dice.between(0, 59));
        if (!cal.happened(received)) {
            return;
        }
        boolean breach = dice.chance(hour >= 20 ? 0.16 : 0.08);
        long responseSeconds = breach ? dice.between(31 * 60, 240 * 60)
                : (long) Math.max(60, Math.min(1800, dice.logNormal(9, 0.55) * 60));
        writeComplaint(received, category, u, received.plusSeconds(responseSeconds));
    }

    /** A few complaints of the last evening that nobody has answered yet. */
    private void recentUnanswered() {
        LocalDate day = cal.lastDay;
        int n = Math.max(1, (int) Math.round(units.size() / 700.0));
        for (int i = 0; i < n; i++) {
            UnitM u = dice.pick(units);
            if (u.occupiedOn(day)) {
                writeComplaint(day.atTime(dice.between(22, 23), dice.between(0, 59)),
                        dice.pick(new String[] {"noise", "security", "engineering"}), u, null);
            }
        }
    }

    private void writeComplaint(LocalDateTime received, String category, UnitM u, LocalDateTime response) {
        LocalDateTime responded = cal.ifHappened(response);
        String responder = u.butler(received.toLocalDate());
        String deptKind = Texts.COMPLAINT_DEPARTMENTS.get(category);
        boolean valid = dice.chance(0.82);
        ComplaintsRecord r = new ComplaintsRecord();
        r.setComplaintNo(g.numbers.next("CP", received.getYear()));
        r.setUnitCode(u.code);
        r.setBuildingCode(u.building.code);
        r.setReceivedAt(received);
        r.setChannel(CHANNELS[dice.weighted(45, 22, 15, 8, 10)]);
        r.setCategory(category);
        r.setDescription(dice.pick(Texts.COMPLAINTS.get(category)));
        r.setDepartment(Texts.DEPARTMENT_NAMES.get(deptKind));
        r.setStatus("received");
        if (responded != null) {
            r.setFirstResponseAt(responded);
            r.setResponderCode(responder);
            r.setResponseMethod(dice.chance(0.55) ? "on_site" : "phone");
            r.setValid(dice.chance(0.05) ? null : valid);
            r.setPlan(dice.pick(Texts.COMPLAINT_PLANS));
            r.setResponsiblePerson(g.company.staffing.nameOf(responsiblePerson(deptKind, u, received)));
            r.setStatus("responded");
            g.workload.add(responder, responded.toLocalDate(), Workload.Kind.COMPLAINT);
            resolve(r, received, responded, valid, u);
            if (valid && dice.chance(0.3)) {
                g.followUps.raise("complaint", r.getComplaintNo(), u.cluster(), u.building, u, deptKind,
                        responded, r.getDescription(), dice);
            }
        }
        r.setReopenCount(r.getResolvedAt() != null && dice.chance(0.03) ? 1 : 0);
        g.sink.add(Slot.COMPLAINTS, r);
    }

    /** Resolution, owner sign-off, return visit and closing, each only if it already happened. */
    private void resolve(ComplaintsRecord r, LocalDateTime received, LocalDateTime responded, boolean valid,
            UnitM u) {
        double hours = !valid ? dice.uniform(0.5, 8)
                : dice.chance(0.12) ? dice.uniform(49, 240) : Math.min(47.5, dice.logNormal(6, 1.0));
        LocalDateTime resolved = received.plusSeconds((long) (hours * 3600));
        if (resolved.isBefore(responded)) {
            resolved = responded.plusMinutes(dice.between(5, 60));
        }
        resolved = cal.ifHappened(resolved);
        if (resolved == null) {
            if (cal.happened(responded.plusHours(1))) {
                r.setStatus("in_progress");
            }
            return;
        }
        r.setResolvedAt(resolved);
        r.setReply(dice.pick(Texts.COMPLAINT_REPLIES));
        r.setRepliedAt(cal.ifHappened(resolved.plusMinutes(dice.between(0, 60))));
        r.setOwnerSigned(dice.chance(0.07) ? null : dice.chance(0.92));
        if (valid && dice.chance(0.6)) {
            r.setCorrectiveAction(dice.pick(Texts.CORRECTIVE_ACTIONS));
        }
        r.setStatus("resolved");
        LocalDateTime visit = dice.chance(0.85) ? cal.ifHappened(resolved.toLocalDate()
                .plusDays(dice.between(1, 3)).atTime(dice.between(10, 18), dice.between(0, 59))) : null;
        if (visit != null) {
            r.setReturnVisitAt(visit);
            double late = hours > 48 ? 1.4 : 0;
            double slow = ChronoUnit.MINUTES.between(received, responded) > 30 ? 0.8 : 0;
            r.setSatisfaction(dice.score((valid ? 4.4 : 3.9) - late - slow - (u.strongOpinion ? 1 : 0)));
            LocalDateTime closed = cal.ifHappened(visit.plusMinutes(dice.between(5, 120)));
            if (closed != null) {
                r.setClosedAt(closed);
                r.setStatus("closed");
            }
        }
    }

    private String responsiblePerson(String deptKind, UnitM u, LocalDateTime at) {
        return switch (deptKind) {
            case "engineering" -> dice.pick(estate.engineers);
            case "security" -> dice.pick(estate.security);
            case "cleaning", "greening" -> dice.pick(estate.cleaning);
            case "finance" -> dice.pick(g.company.staffing.finance);
            case "management" -> u.cluster().supervisor;
            default -> u.butler(at.toLocalDate());
        };
    }

    // --- repairs ----------------------------------------------------------------------------

    private void repairs(YearMonth m, BuildingM b, List<UnitM> living, List<UnitM> all) {
        if (b.delivered.isAfter(m.atEndOfMonth())) {
            return;
        }
        double season = Seasons.factor("repairs", m.getMonthValue());
        int inUnits = dice.poisson(0.022 * season * living.size());
        for (int i = 0; i < inUnits; i++) {
            repair(m, b, dice.pick(living), dice.pick(Texts.REPAIRS_UNIT));
        }
        int common = dice.poisson(0.8 * season * Math.max(1, all.size() / 50.0));
        for (int i = 0; i < common; i++) {
            repair(m, b, null, dice.pick(Texts.REPAIRS_COMMON));
        }
    }

    private void repair(YearMonth m, BuildingM b, UnitM u, String kind) {
        LocalDateTime reported = m.atDay(dice.between(1, m.lengthOfMonth()))
                .atTime(dice.between(8, 20), dice.between(0, 59));
        if (!cal.happened(reported)) {
            return;
        }
        String[] parts = kind.split(":");
        LocalDate day = reported.toLocalDate();
        RepairsRecord r = new RepairsRecord();
        r.setRepairNo(g.numbers.next("RP", reported.getYear()));
        r.setBuildingCode(b.code);
        r.setUnitCode(u == null ? null : u.code);
        r.setReportedAt(reported);
        r.setCategory(parts[0]);
        r.setDescription(parts[1]);
        r.setStatus("reported");
        LocalDateTime assigned = cal.ifHappened(reported.plusMinutes(dice.between(5, 90)));
        if (assigned != null) {
            r.setAssignedAt(assigned);
            r.setEngineerCode(dice.pick(estate.engineers));
            r.setStatus("assigned");
            r.setButlerAccompanied(u != null && dice.chance(0.3));
        }
        double hours = Math.min(30 * 24, dice.logNormal(5, 1.1));
        LocalDateTime completed = assigned == null ? null
                : cal.ifHappened(assigned.plusMinutes(20 + (long) (hours * 60)));
        if (completed != null) {
            r.setCompletedAt(completed);
            r.setStatus("completed");
            returnVisit(r, b, u, completed);
        }
        g.sink.add(Slot.REPAIRS, r);
    }

    private void returnVisit(RepairsRecord r, BuildingM b, UnitM u, LocalDateTime completed) {
        if (!dice.chance(u == null ? 0.4 : 0.78)) {
            return;
        }
        LocalDateTime visit = cal.ifHappened(completed.toLocalDate().plusDays(dice.between(1, 5))
                .atTime(dice.between(10, 19), dice.between(0, 59)));
        if (visit == null) {
            return;
        }
        String butler = u != null ? u.butler(visit.toLocalDate()) : b.cluster.lead(visit.toLocalDate());
        double mean = 4.3 - (r.getCompletedAt().isAfter(r.getReportedAt().plusDays(2)) ? 1.0 : 0);
        r.setReturnVisitAt(visit);
        r.setReturnVisitBy(butler);
        r.setScoreAttitude(dice.chance(0.04) ? null : dice.score(mean + 0.2));
        r.setScoreQuality(dice.score(mean));
        r.setScoreEtiquette(dice.chance(0.04) ? null : dice.score(mean));
        r.setReturnVisitComment(dice.pick(Texts.RETURN_VISIT_COMMENTS));
        r.setStatus("closed");
        g.workload.add(butler, visit.toLocalDate(), Workload.Kind.REPAIR_VISIT);
    }

    // --- rectification items ----------------------------------------------------------------

    /** Items owners raise after delivery (new buildings) or later (older ones, rarely). */
    private void rectifications() {
        for (UnitM u : units) {
            boolean newlyDelivered = !u.delivered.isBefore(cal.start.minusMonths(2));
            int n = newlyDelivered ? (dice.chance(0.15) ? dice.between(1, 2) : 0)
                    : (dice.chance(0.012) ? 1 : 0);
            for (int i = 0; i < n; i++) {
                int windowDays = (int) ChronoUnit.DAYS.between(cal.start, cal.lastDay);
                LocalDate raised = newlyDelivered ? u.delivered.plusDays(dice.between(10, 90))
                        : cal.start.plusDays(dice.between(0, windowDays));
                if (cal.happened(raised) && !raised.isBefore(cal.start.minusMonths(2))) {
                    rectification(u, raised);
                }
            }
        }
    }

    private void rectification(UnitM u, LocalDate raised) {
        String no = g.numbers.next("RI", raised.getYear());
        int fate = dice.weighted(80, 12, 8);
        LocalDate closed = fate == 0 ? raised.plusDays(dice.between(5, 60)) : null;
        if (closed != null && !cal.happened(closed)) {
            closed = null;
            fate = 1;
        }
        RectificationItemsRecord r = new RectificationItemsRecord();
        r.setItemNo(no);
        r.setUnitCode(u.code);
        r.setRaisedOn(raised);
        r.setDescription(dice.pick(Texts.RECTIFICATIONS));
        r.setDepartmentCode(MasterDataGen.DEPARTMENTS.get("engineering"));
        r.setStatus(fate == 0 ? "closed" : fate == 1 ? "in_progress" : "open");
        r.setClosedOn(closed);
        if (closed != null) {
            r.setFeedbackToOwner("整改完成, 已回访业主确认");
        }
        g.sink.add(Slot.RECTIFICATION_ITEMS, r);
        int notes = fate == 2 ? 1 : dice.between(2, 4);
        LocalDate end = closed != null ? closed : cal.lastDay;
        long span = Math.max(0, ChronoUnit.DAYS.between(raised, end));
        for (int i = 0; i < notes; i++) {
            boolean last = closed != null && i == notes - 1;
            LocalDate day = last ? closed : raised.plusDays(span * i / notes);
            RectificationNotesRecord n = new RectificationNotesRecord();
            n.setItemNo(no);
            n.setNotedAt(day.atTime(dice.between(9, 17), dice.between(0, 59)));
            n.setStaffCode(u.butler(day));
            n.setReturnVisit(last);
            n.setNote(last ? Texts.RECTIFICATION_NOTES[3] : Texts.RECTIFICATION_NOTES[Math.min(2, i)]);
            g.sink.add(Slot.RECTIFICATION_NOTES, n);
        }
    }
}

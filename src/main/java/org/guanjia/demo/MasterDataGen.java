package org.guanjia.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.guanjia.db.tables.records.AssignmentsRecord;
import org.guanjia.db.tables.records.BankDebitEnrolmentsRecord;
import org.guanjia.db.tables.records.BuildingsRecord;
import org.guanjia.db.tables.records.ClustersRecord;
import org.guanjia.db.tables.records.DepartmentsRecord;
import org.guanjia.db.tables.records.EstatesRecord;
import org.guanjia.db.tables.records.FacilitiesRecord;
import org.guanjia.db.tables.records.NoticeBoardsRecord;
import org.guanjia.db.tables.records.OwnersRecord;
import org.guanjia.db.tables.records.StaffRecord;
import org.guanjia.db.tables.records.UnitStatusRecord;
import org.guanjia.db.tables.records.UnitsRecord;

/**
 * Master data (F1): departments, staff, estates, clusters, buildings, butler assignments,
 * notice boards and facilities for the whole company; units with status history and owners per
 * estate. At scale 1: 2 estates, 5 clusters, 40 buildings, about 2,000 units. Larger scales add
 * estates (2 per unit of scale) so clusters stay a realistic size.
 */
final class MasterDataGen {

    /** Department code by kind. */
    static final Map<String, String> DEPARTMENTS = Map.of("customer_service", "KF", "security", "AF",
            "engineering", "GC", "cleaning", "BJ", "greening", "LH", "call_center", "DH",
            "service_hall", "DT", "finance", "CW", "management", "GL", "other", "ZZ");

    private static final List<String> DEPARTMENT_ORDER = List.of("customer_service", "security",
            "engineering", "cleaning", "greening", "call_center", "service_hall", "finance",
            "management", "other");

    private final GenContext g;
    private final DemoCalendar cal;

    MasterDataGen(GenContext g) {
        this.g = g;
        this.cal = g.cal;
    }

    Company build() {
        Dice dice = g.dice("structure");
        int nEstates = g.scale <= 1 ? 2 : Math.max(2, (int) Math.round(2 * g.scale));
        List<EstateM> estates = new ArrayList<>();
        List<ClusterM> clusters = new ArrayList<>();
        String format = "E%0" + Math.max(2, String.valueOf(nEstates).length()) + "d";
        for (int i = 0; i < nEstates; i++) {
            EstateM e = estate(i, String.format(format, i + 1));
            estates.add(e);
            int n = i % 2 == 0 ? 3 : 2;
            for (int c = 0; c < n; c++) {
                ClusterM cluster = new ClusterM(clusters.size(), c, e.code + "-C" + (c + 1),
                        e.name + Names.chineseNumber(c + 1) + "组团", e);
                cluster.boardCode = "NB-" + cluster.code;
                e.clusters.add(cluster);
                clusters.add(cluster);
            }
        }
        buildings(dice, estates, clusters);
        int ordinal = 0;
        for (EstateM e : estates) {
            e.firstUnitOrdinal = ordinal;
            ordinal += e.unitCount();
        }
        Staffing staffing = staffing(dice, estates, clusters);
        Company company = new Company(List.copyOf(estates), List.copyOf(clusters), staffing);
        handovers(company);
        facilities(company);
        write(company);
        return company;
    }

    private EstateM estate(int i, String code) {
        boolean established = i % 2 == 0;
        LocalDate opened = established ? cal.start.minusMonths(40) : cal.start.minusMonths(2);
        BigDecimal step = new BigDecimal("0.10").multiply(BigDecimal.valueOf(i / 2 % 3));
        BigDecimal rate1 = (established ? new BigDecimal("2.50") : new BigDecimal("3.20")).add(step);
        return new EstateM(i, code, Names.estate(i), Names.city(i), established, opened, rate1,
                rate1.add(new BigDecimal("0.30")));
    }

    private void buildings(Dice dice, List<EstateM> estates, List<ClusterM> clusters) {
        int total = Math.max(clusters.size(), (int) Math.round(40 * g.scale));
        double unitsPerBuilding = Math.max(1, Math.round(2000 * g.scale)) / (double) total;
        int[] perCluster = new int[clusters.size()];
        for (int b = 0; b < total; b++) {
            perCluster[b % clusters.size()]++;
        }
        for (EstateM e : estates) {
            int number = 0;
            int inEstate = e.clusters.stream().mapToInt(c -> perCluster[c.index]).sum();
            for (ClusterM c : e.clusters) {
                for (int k = 0; k < perCluster[c.index]; k++) {
                    number++;
                    BuildingM b = building(dice, e, c, number, inEstate, unitsPerBuilding);
                    c.buildings.add(b);
                    e.buildings.add(b);
                }
            }
        }
    }

    private BuildingM building(Dice dice, EstateM e, ClusterM c, int number, int inEstate,
            double unitsPerBuilding) {
        double target = unitsPerBuilding * dice.uniform(0.75, 1.25);
        int perFloor = target < 8 ? 1 : dice.chance(0.5) ? 2 : 4;
        int floors = (int) Math.max(1, Math.round(target / perFloor));
        while (floors > 40) {
            perFloor++;
            floors = (int) Math.max(1, Math.round(target / perFloor));
        }
        BigDecimal[] areas = new BigDecimal[perFloor];
        for (int p = 0; p < perFloor; p++) {
            double area = 60 + 120 * Math.pow(dice.uniform(0, 1), 1.4);
            areas[p] = BigDecimal.valueOf(area).setScale(2, RoundingMode.HALF_UP);
        }
        String code = String.format("%s-B%02d", e.code, number);
        return new BuildingM(code, number + "栋", number, c, floors, perFloor, areas,
                delivery(dice, e, number, inEstate));
    }

    /** Established estates were delivered 2-3 years before the window; new ones in 3 waves. */
    private LocalDate delivery(Dice dice, EstateM e, int number, int inEstate) {
        LocalDate day;
        if (e.established) {
            day = cal.start.minusMonths(dice.between(22, 38)).withDayOfMonth(dice.between(10, 25));
        } else {
            double position = (number - 1) / (double) inEstate;
            int month = position < 0.5 ? 0 : position < 0.8 ? 7 : 15;
            day = cal.start.plusMonths(month).withDayOfMonth(dice.between(8, 20));
        }
        return cal.nextWorkingDay(day);
    }

    private Staffing staffing(Dice dice, List<EstateM> estates, List<ClusterM> clusters) {
        Staffing s = new Staffing();
        double f = Math.max(1, clusters.size() / 5.0);
        int butlers = clusters.size() * 2;
        String butlerFormat = "GJ-%0" + Math.max(2, String.valueOf(butlers).length()) + "d";
        for (int i = 0; i < butlers; i++) {
            String code = String.format(butlerFormat, i + 1);
            s.add(new Staffing.Person(code, Names.person(dice), "butler", "KF", Names.mobile(dice),
                    Names.mobile(dice)));
            s.butlers.add(code);
        }
        s.supervisors.addAll(people(s, dice, "ZG", "supervisor", Math.max(2, (int) Math.round(2 * f))));
        s.managers.addAll(people(s, dice, "JL", "manager", Math.max(1, (int) Math.round(f))));
        List<String> engineers = people(s, dice, "GC", "engineer", Math.max(6, (int) Math.round(6 * f)));
        List<String> security = people(s, dice, "AF", "security", Math.max(10, (int) Math.round(10 * f)));
        List<String> cleaning = people(s, dice, "BJ", "cleaning", Math.max(6, (int) Math.round(6 * f)));
        s.callCenter.addAll(people(s, dice, "DH", "call_center", Math.max(3, (int) Math.round(3 * f))));
        s.finance.addAll(people(s, dice, "CW", "finance", Math.max(2, (int) Math.round(2 * f))));
        spread(engineers, estates, e -> e.engineers);
        spread(security, estates, e -> e.security);
        spread(cleaning, estates, e -> e.cleaning);
        for (ClusterM c : clusters) {
            c.supervisor = s.supervisors.get(c.index * s.supervisors.size() / clusters.size());
            LocalDate from = c.estate.opened;
            c.posts[0].tenures.add(new ClusterM.Tenure(s.butlers.get(2 * c.index), from));
            c.posts[1].tenures.add(new ClusterM.Tenure(s.butlers.get(2 * c.index + 1), from));
        }
        return s;
    }

    private static List<String> people(Staffing s, Dice dice, String prefix, String role, int n) {
        String format = prefix + "-%0" + Math.max(2, String.valueOf(n).length()) + "d";
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = String.format(format, i + 1);
            s.add(new Staffing.Person(code, Names.person(dice), role, department(role, i), Names.mobile(dice),
                    role.equals("manager") ? Names.mobile(dice) : null));
            codes.add(code);
        }
        return codes;
    }

    private static String department(String role, int i) {
        return switch (role) {
            case "supervisor" -> "KF";
            case "manager" -> "GL";
            case "engineer" -> "GC";
            case "security" -> "AF";
            case "cleaning" -> i % 3 == 2 ? "LH" : "BJ";
            case "call_center" -> i == 0 ? "DT" : "DH";
            case "finance" -> "CW";
            default -> "KF";
        };
    }

    private static void spread(List<String> staff, List<EstateM> estates,
            Function<EstateM, List<String>> team) {
        for (int i = 0; i < staff.size(); i++) {
            team.apply(estates.get(i % estates.size())).add(staff.get(i));
        }
    }

    /**
     * Butlers swap clusters within their estate in month 13 and month 25, so the butler of a
     * cluster on an event's date differs from today's for part of the history.
     */
    private void handovers(Company company) {
        for (EstateM e : company.estates) {
            if (e.clusters.size() < 2) {
                continue;
            }
            swap(e.clusters.get(0), e.clusters.get(1), 1, cal.start.plusMonths(13).plusDays(4));
            ClusterM a = e.clusters.size() >= 3 ? e.clusters.get(1) : e.clusters.get(0);
            ClusterM b = e.clusters.size() >= 3 ? e.clusters.get(2) : e.clusters.get(1);
            swap(a, b, 0, cal.start.plusMonths(25).plusDays(9));
        }
    }

    private static void swap(ClusterM a, ClusterM b, int post, LocalDate day) {
        ClusterM.Tenure ta = last(a.posts[post]);
        ClusterM.Tenure tb = last(b.posts[post]);
        ta.to = day.minusDays(1);
        tb.to = day.minusDays(1);
        a.posts[post].tenures.add(new ClusterM.Tenure(tb.staffCode, day));
        b.posts[post].tenures.add(new ClusterM.Tenure(ta.staffCode, day));
    }

    private static ClusterM.Tenure last(ClusterM.ButlerPost post) {
        return post.tenures.get(post.tenures.size() - 1);
    }

    private static void facilities(Company company) {
        for (ClusterM c : company.clusters) {
            List<ClusterM.FacilityM> list = c.facilities;
            String prefix = "FA-" + c.code + "-";
            list.add(new ClusterM.FacilityM(prefix + 1, c.name + "儿童乐园", "playground"));
            list.add(new ClusterM.FacilityM(prefix + 2, c.name + "健身路径", "fitness"));
            if (c.indexInEstate == 0) {
                list.add(new ClusterM.FacilityM(prefix + 3, c.name + "篮球场", "sports_court"));
                if (c.estate.established) {
                    list.add(new ClusterM.FacilityM(prefix + 4, c.estate.name + "游泳池", "swimming_pool"));
                }
            } else if (c.indexInEstate == 1) {
                list.add(new ClusterM.FacilityM(prefix + 3, c.name + "业主活动室", "activity_room"));
            }
        }
    }

    // --- writing the company ----------------------------------------------------------------

    private void write(Company company) {
        for (String kind : DEPARTMENT_ORDER) {
            DepartmentsRecord r = new DepartmentsRecord();
            r.setDepartmentCode(DEPARTMENTS.get(kind));
            r.setName(Texts.DEPARTMENT_NAMES.get(kind));
            r.setKind(kind);
            g.sink.add(Slot.DEPARTMENTS, r);
        }
        for (Staffing.Person p : company.staffing.all) {
            StaffRecord r = new StaffRecord();
            r.setStaffCode(p.code());
            r.setName(p.name());
            r.setRole(p.role());
            r.setPhone(p.phone());
            r.setServicePhone(p.servicePhone());
            r.setDepartmentCode(p.department());
            r.setActive(true);
            g.sink.add(Slot.STAFF, r);
        }
        for (EstateM e : company.estates) {
            writeEstate(e);
        }
    }

    private void writeEstate(EstateM e) {
        EstatesRecord er = new EstatesRecord();
        er.setEstateCode(e.code);
        er.setName(e.name);
        er.setCity(e.city);
        er.setTimezone("Asia/Shanghai");
        er.setCurrency("CNY");
        g.sink.add(Slot.ESTATES, er);
        for (ClusterM c : e.clusters) {
            ClustersRecord cr = new ClustersRecord();
            cr.setClusterCode(c.code);
            cr.setEstateCode(e.code);
            cr.setName(c.name);
            g.sink.add(Slot.CLUSTERS, cr);
            board(c, c.boardCode, null, c.name + "入口");
            for (BuildingM b : c.buildings) {
                BuildingsRecord br = new BuildingsRecord();
                br.setBuildingCode(b.code);
                br.setClusterCode(c.code);
                br.setName(b.name);
                br.setFloors(b.floors);
                g.sink.add(Slot.BUILDINGS, br);
                board(c, b.boardCode, b.code, b.name + "一楼大堂");
            }
            for (ClusterM.ButlerPost post : c.posts) {
                for (ClusterM.Tenure t : post.tenures) {
                    AssignmentsRecord ar = new AssignmentsRecord();
                    ar.setStaffCode(t.staffCode);
                    ar.setClusterCode(c.code);
                    ar.setFromDate(t.from);
                    ar.setToDate(t.to);
                    g.sink.add(Slot.ASSIGNMENTS, ar);
                }
            }
            for (ClusterM.FacilityM f : c.facilities) {
                FacilitiesRecord fr = new FacilitiesRecord();
                fr.setFacilityCode(f.code());
                fr.setClusterCode(c.code);
                fr.setName(f.name());
                fr.setKind(f.kind());
                fr.setActive(true);
                g.sink.add(Slot.FACILITIES, fr);
            }
        }
    }

    private void board(ClusterM c, String code, String buildingCode, String location) {
        NoticeBoardsRecord r = new NoticeBoardsRecord();
        r.setBoardCode(code);
        r.setClusterCode(c.code);
        r.setBuildingCode(buildingCode);
        r.setLocation(location);
        g.sink.add(Slot.NOTICE_BOARDS, r);
    }

    // --- units of one estate ----------------------------------------------------------------

    /** Builds and writes the estate's units, their status history and owners. */
    List<UnitM> units(EstateM e) {
        Dice dice = g.dice("units", e.index);
        List<UnitM> units = new ArrayList<>();
        int ordinal = e.firstUnitOrdinal;
        for (ClusterM c : e.clusters) {
            int first = units.size();
            for (BuildingM b : c.buildings) {
                for (int floor = 1; floor <= b.floors; floor++) {
                    for (int p = 1; p <= b.perFloor; p++) {
                        String room = String.format("%d%02d", floor, p);
                        UnitM u = new UnitM(ordinal++, b.code + "-" + room, b, floor, room, b.areas[p - 1],
                                b.delivered);
                        timeline(u, dice, e.established);
                        owner(u, dice);
                        units.add(u);
                    }
                }
            }
            int size = units.size() - first;
            for (int i = 0; i < size; i++) {
                units.get(first + i).post = i < (size + 1) / 2 ? 0 : 1;
            }
        }
        for (UnitM u : units) {
            writeUnit(u);
        }
        return units;
    }

    /**
     * Delivered vacant; about 10% never move in; the others start decorating (or move in
     * directly) after a wait, then occupy; a few move out later and some of those re-let.
     */
    private void timeline(UnitM u, Dice dice, boolean established) {
        List<LocalDate> from = new ArrayList<>();
        List<Byte> status = new ArrayList<>();
        from.add(u.delivered);
        status.add(UnitM.VACANT);
        if (!dice.chance(0.10)) {
            LocalDate start = u.delivered.plusDays(7 + (long) Math.min(900,
                    dice.exponential(established ? 120 : 160)));
            LocalDate occupied = start;
            if (!dice.chance(0.25)) {
                from.add(start);
                status.add(UnitM.DECORATING);
                occupied = start.plusDays(dice.between(45, 180));
            }
            from.add(occupied);
            status.add(UnitM.OCCUPIED);
            if (dice.chance(0.06)) {
                LocalDate out = occupied.plusDays(dice.between(300, 1000));
                from.add(out);
                status.add(UnitM.VACANT);
                if (dice.chance(0.5)) {
                    from.add(out.plusDays(dice.between(60, 300)));
                    status.add(UnitM.OCCUPIED);
                }
            }
        }
        int n = 0;
        while (n < from.size() && !from.get(n).isAfter(cal.lastDay)) {
            n++;
        }
        u.statusFrom = from.subList(0, n).toArray(LocalDate[]::new);
        u.status = new byte[n];
        for (int i = 0; i < n; i++) {
            u.status[i] = status.get(i);
        }
    }

    private void owner(UnitM u, Dice dice) {
        boolean neverMovesIn = u.status.length == 1;
        u.ownerName = Names.person(dice);
        u.ownerPhone = Names.mobile(dice);
        u.keyCustomer = dice.chance(0.08);
        u.strongOpinion = dice.chance(0.03);
        u.autoDebit = dice.chance(0.30);
        if (neverMovesIn || dice.chance(0.15)) {
            u.mailingAddress = Names.address(dice);
        }
        if (u.autoDebit) {
            u.habit = UnitM.PayHabit.AUTO_DEBIT;
        } else {
            double late = neverMovesIn ? 0.40 : 0.20;
            int h = dice.weighted(0.043, 0.07, 0.05, late, 1 - 0.043 - 0.07 - 0.05 - late);
            u.habit = switch (h) {
                case 0 -> UnitM.PayHabit.DEFAULTER;
                case 1 -> UnitM.PayHabit.ADVANCE;
                case 2 -> UnitM.PayHabit.WITHHOLDER;
                case 3 -> UnitM.PayHabit.LATE;
                default -> UnitM.PayHabit.PROMPT;
            };
        }
        u.malicious = u.habit == UnitM.PayHabit.DEFAULTER && dice.chance(0.5);
        u.parking = !neverMovesIn && dice.chance(0.12);
        u.prepaidCents = new long[cal.lastMonth.getYear() - cal.firstMonth.getYear() + 2];
    }

    private void writeUnit(UnitM u) {
        UnitsRecord r = new UnitsRecord();
        r.setUnitCode(u.code);
        r.setBuildingCode(u.building.code);
        r.setFloor(u.floor);
        r.setRoom(u.room);
        r.setAreaSqm(u.area);
        r.setUnitType("residential");
        r.setDeliveredOn(u.delivered);
        g.sink.add(Slot.UNITS, r);
        for (int i = 0; i < u.statusFrom.length; i++) {
            UnitStatusRecord s = new UnitStatusRecord();
            s.setUnitCode(u.code);
            s.setFromDate(u.statusFrom[i]);
            s.setStatus(STATUS_NAMES[u.status[i]]);
            s.setNote(statusNote(u, i));
            g.sink.add(Slot.UNIT_STATUS, s);
        }
        OwnersRecord o = new OwnersRecord();
        o.setOwnerCode("O-" + u.code);
        o.setUnitCode(u.code);
        o.setName(u.ownerName);
        o.setPhone(u.ownerPhone);
        o.setKeyCustomer(u.keyCustomer);
        o.setStrongOpinion(u.strongOpinion);
        o.setMailingAddress(u.mailingAddress);
        o.setAutoDebit(u.autoDebit);
        o.setSince(u.delivered);
        g.sink.add(Slot.OWNERS, o);
        if (u.autoDebit) {
            g.sink.add(Slot.BANK_DEBIT_ENROLMENTS, enrolment(u, o));
        }
    }

    /** The auto-debit owner's mandate (交通银行代扣), from the day they became owner. */
    private BankDebitEnrolmentsRecord enrolment(UnitM u, OwnersRecord o) {
        // its own random stream, so the other demo data stays as it was
        Dice dice = g.dice("debit-account", u.ordinal);
        StringBuilder account = new StringBuilder("622262");
        for (int i = 0; i < 13; i++) {
            account.append(dice.between(0, 9));
        }
        BankDebitEnrolmentsRecord e = new BankDebitEnrolmentsRecord();
        e.setOwnerCode(o.getOwnerCode());
        e.setUnitCode(u.code);
        e.setBankName("交通银行");
        e.setAccountHolder(u.ownerName);
        e.setAccountNo(account.toString());
        e.setEnrolledOn(u.delivered);
        return e;
    }

    static final String[] STATUS_NAMES = {"vacant", "decorating", "occupied"};

    private static String statusNote(UnitM u, int i) {
        if (i == 0) {
            return "交付";
        }
        return switch (u.status[i]) {
            case UnitM.DECORATING -> "办理装修手续";
            case UnitM.OCCUPIED -> u.status[i - 1] == UnitM.VACANT && i > 1 ? "重新入住(出租)" : "入住";
            default -> "搬离";
        };
    }
}

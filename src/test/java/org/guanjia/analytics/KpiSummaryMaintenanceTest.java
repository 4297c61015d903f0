package org.guanjia.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guanjia.db.Tables.STATEMENTS;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.agenda.AgendaService;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.CorrectionStatement;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentService;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.NewCollectionAction;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.FirstResponse;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.document.Delivery;
import org.guanjia.document.DocumentService;
import org.guanjia.document.NewDocument;
import org.guanjia.estate.Building;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.fees.FeeSchedule;
import org.guanjia.fees.FeeScheduleService;
import org.guanjia.fees.StatementRunService;
import org.guanjia.patrol.PatrolService;
import org.guanjia.staff.Assignment;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.user.User;
import org.guanjia.user.UserService;
import org.guanjia.vacancy.NewInspection;
import org.guanjia.vacancy.VacancyService;
import org.guanjia.visit.NewVisit;
import org.guanjia.visit.VisitChange;
import org.guanjia.visit.VisitService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fee summary tables stay equal to a full rebuild after every kind of write through the real
 * services, and kpi_collection / kpi_aging read from them give exactly the figures of the old
 * statement-level macros (kept as kpi_collection_reference / kpi_aging_reference in
 * src/test/resources/sql-reference). A seeded random sequence of statement runs, payments
 * (open-item, targeted, advance), reversals, corrections of payments, correction statements and
 * a bulk load allocated by recomputeMany; after each step both checks run. The vacancy
 * summaries (V024) have their own random sequence of unit, status and inspection writes, checked
 * against kpi_vacancy_reference.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class KpiSummaryMaintenanceTest {

    @Autowired
    KpiSummaryMaintenance maintenance;

    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;
    @Autowired
    UserService users;
    @Autowired
    FeeScheduleService schedules;
    @Autowired
    StatementRunService runs;
    @Autowired
    PaymentService payments;
    @Autowired
    LedgerService ledger;
    @Autowired
    AllocationService allocations;
    @Autowired
    CollectionService collection;
    @Autowired
    VacancyService vacancy;
    @Autowired
    ComplaintService complaints;
    @Autowired
    VisitService visits;
    @Autowired
    PatrolService patrols;
    @Autowired
    AgendaService agenda;
    @Autowired
    DocumentService documents;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext dsl;

    String p;
    final List<String> units = new ArrayList<>();
    final List<String> livePayments = new ArrayList<>();
    int checks;
    int promises;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void random_writes_keep_the_summaries_equal_to_a_rebuild_and_the_figures_equal_to_the_reference()
            throws IOException {
        loadReferenceMacros();
        // other tests of this shared context load rows by SQL, past the services: start from a
        // rebuilt state, then every write below must keep it equal to a rebuild
        maintenance.rebuild();
        long byDifference = maintenance.refreshesByDifference();
        p = "K" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2024, 12, 28));
        MasterDataFixtures.create(p, estates, staff);
        addFixtureUnits();
        TestUsers.signIn("fixture-admin", Role.ADMIN, null);
        users.saveUser(new User(p + "super", "Supervisor " + p, Role.SUPERVISOR, null, null, true, false,
                null), "super-password", true);
        as(Role.FINANCE);
        schedules.save(new FeeSchedule(p + "PF", p + "E", "residential", "property_fee",
                new BigDecimal("2.50"), LocalDate.of(2024, 1, 1), null), true);

        Random random = new Random(20261128L);
        LocalDate day = LocalDate.of(2024, 12, 28);
        releaseRun(YearMonth.of(2025, 1));
        check();
        int bulk = 0;
        YearMonth nextRun = YearMonth.of(2025, 2);
        for (int step = 0; step < 30; step++) {
            day = day.plusDays(1 + random.nextInt(6));
            // one statement run a month, on the 28th before its period (the run window)
            LocalDate runDay = nextRun.minusMonths(1).atDay(28);
            if (!day.isBefore(runDay)) {
                clock.set(runDay);
                releaseRun(nextRun);
                nextRun = nextRun.plusMonths(1);
                check();
            }
            clock.set(day);
            int kind = random.nextInt(10);
            String unit = units.get(random.nextInt(units.size()));
            try {
                as(Role.FINANCE);
                if (kind <= 3) {
                    pay(unit, day.minusDays(random.nextInt(20)), 50 + random.nextInt(400), null);
                } else if (kind == 4) {
                    String target = openStatement(unit);
                    pay(unit, day.minusDays(random.nextInt(5)), 20 + random.nextInt(200), target);
                } else if (kind == 5 && !livePayments.isEmpty()) {
                    String no = livePayments.remove(random.nextInt(livePayments.size()));
                    payments.reverse(no, "test reversal");
                } else if (kind == 6 && !livePayments.isEmpty()) {
                    String no = livePayments.remove(random.nextInt(livePayments.size()));
                    Payment saved = payments.correct(no, "test correction", new NewPayment(
                            units.get(random.nextInt(units.size())), day.minusDays(random.nextInt(30)),
                            new BigDecimal(10 + random.nextInt(300) + ".50"), "cash", null, null));
                    livePayments.add(saved.paymentNo());
                } else if (kind == 7) {
                    YearMonth period = YearMonth.from(day).minusMonths(random.nextInt(3));
                    ledger.issueStatement(new CorrectionStatement(unit, period.toString(), "property_fee",
                            new BigDecimal(5 + random.nextInt(90) + ".25"),
                            random.nextBoolean() ? null : period.atEndOfMonth(), null));
                } else if (kind == 8 && bulk < 2) {
                    bulkLoad(++bulk, day);
                } else {
                    pay(unit, day, 100 + random.nextInt(800), null);
                }
                if (random.nextInt(3) > 0) {
                    // a promise to pay (the promise checks follow the action, and every later
                    // payment or statement of the unit)
                    collection.log(new NewCollectionAction(unit, day.minusDays(random.nextInt(12)),
                            "phone", null, day.plusDays(random.nextInt(15)), null, null, null));
                }
            } catch (ValidationException e) {
                // a random write the services refuse (e.g. no open statement to target): no change
            }
            check();
        }
        assertThat(checks).isGreaterThan(30);
        // payments, reversals, corrections and correction statements: by difference; statement
        // runs and bulk loads: their buildings regrouped
        assertThat(maintenance.refreshesByDifference() - byDifference).as("refreshes by difference")
                .isGreaterThan(15);
        assertThat(promises).as("promises checked").isGreaterThan(10);
        // a payment and a promise of the current month (the wall clock's, which the rebuild's
        // order reads: KpiSummaries.recentLast)
        LocalDate today = LocalDate.now();
        clock.set(today);
        as(Role.FINANCE);
        ledger.issueStatement(new CorrectionStatement(units.get(0), YearMonth.from(today).toString(),
                "property_fee", new BigDecimal("99.25"), today, null));
        pay(units.get(0), today, 321, null);
        collection.log(new NewCollectionAction(units.get(2), today, "phone", null, today.plusDays(3),
                null, null, null));
        check();
        // a rebuild stores the day rows by day, so that reading one month's days (every KPI
        // query as of a day) touches few row groups
        maintenance.rebuild();
        // and the month rows by building and the promise checks by unit, each with the recent
        // months after the others, so that a filter from a recent day skips the older row groups
        assertStoredInOrder("kpi_fee_paid_month", KpiSummaries.recentLast("a_month"),
                "building_code, issued_on, period_month, due_on, a_month");
        assertStoredInOrder("kpi_promise_checks", KpiSummaries.recentLast("settle_on"),
                "unit_code, action_no");
        assertThat(dsl.fetchOne("select count(*), count(*) filter (where back) from (select"
                + " allocated_on < lag(allocated_on) over (order by rowid) as back from kpi_fee_paid_day)")
                .into(Integer[].class)).as("day rows, and those stored after a later day").satisfies(n -> {
                    assertThat(n[0]).isGreaterThan(10);
                    assertThat(n[1]).isZero();
                });
    }

    /**
     * The vacancy summaries (V024) after random status rows, inspections, new units, delivery
     * days moved and units moved to another building through the services: equal to a rebuild,
     * and kpi_vacancy equal to kpi_vacancy_reference for every grain and as-of days on, before
     * and after month ends and past the stored month ends.
     */
    @Test
    void random_unit_status_and_inspection_writes_keep_the_vacancy_summaries_equal_to_the_reference()
            throws IOException {
        loadReferenceMacros();
        maintenance.rebuild();
        p = "V" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 1, 10));
        MasterDataFixtures.create(p, estates, staff);
        addFixtureUnits();
        as(Role.ADMIN);
        estates.saveBuilding(new Building(p + "C1-B2", p + "C1", "Building 2", 12), true);
        Random random = new Random(20261129L);
        LocalDate day = LocalDate.of(2025, 1, 10);
        int inspections = 0;
        int moves = 0;
        checkVacancy();
        for (int step = 0; step < 40; step++) {
            day = day.plusDays(1 + random.nextInt(9));
            clock.set(day);
            String unit = units.get(random.nextInt(units.size()));
            int kind = random.nextInt(10);
            try {
                if (kind <= 3) {
                    as(Role.SERVICE_DESK);
                    // vacant half the time: the inspections below need vacant units
                    estates.saveStatus(new UnitStatus(unit, day.minusDays(random.nextInt(45)),
                            random.nextBoolean() ? "vacant" : UnitStatus.STATUSES.get(random.nextInt(3)), null));
                } else if (kind <= 6) {
                    as(Role.MANAGER);
                    vacancy.record(new NewInspection(unit, day.minusDays(random.nextInt(20)), true, true,
                            true, true, null, null, null, null));
                    inspections++;
                } else if (kind == 7) {
                    as(Role.ADMIN);
                    String code = p + "N" + step;
                    estates.saveUnit(new Unit(code, p + "C" + (1 + random.nextInt(2)) + "-B1", 2, "N" + step,
                            new BigDecimal("70.00"), "residential", day.minusDays(random.nextInt(60))), true,
                            random.nextBoolean() ? null
                                    : new UnitStatus(null, day.minusDays(random.nextInt(30)), "decorating", null));
                    units.add(code);
                } else if (kind == 8) {
                    // a unit's delivery day moved
                    as(Role.ADMIN);
                    Unit u = estates.unit(unit).orElseThrow();
                    estates.saveUnit(new Unit(u.code(), u.buildingCode(), u.floor(), u.room(), u.areaSqm(),
                            u.unitType(), day.minusDays(random.nextInt(400))), false, null);
                } else {
                    // a delivered unit without status rows (vacant, and not referenced: it may
                    // move) moved to the other building of C1
                    as(Role.ADMIN);
                    String code = p + "M" + step;
                    Unit u = new Unit(code, p + "C1-B1", 3, "M" + step, new BigDecimal("60.00"), "residential",
                            day.minusDays(100 + random.nextInt(100)));
                    estates.saveUnit(u, true, null);
                    estates.saveUnit(new Unit(code, p + "C1-B2", 3, "M" + step, u.areaSqm(), u.unitType(),
                            u.deliveredOn()), false, null);
                    moves++;
                }
            } catch (ValidationException e) {
                // e.g. an inspection of a unit that is not vacant that day: refused, no change
            }
            checkVacancy();
        }
        assertThat(inspections).as("inspections recorded").isGreaterThan(3);
        assertThat(moves).as("units moved to another building").isPositive();
        assertThat(dsl.fetchCount(dsl.selectFrom("kpi_move_in_days"))).as("move-in days").isPositive();
    }

    /**
     * The butlers' records per staff member and month (V033) after random visits (new and moved
     * to another day), collection actions, vacancy inspections, complaint responses, patrols and
     * document deliveries through the services, dated back across month ends: equal to a fresh
     * count, and kpi_workload equal to kpi_workload_reference (every record counted, as before
     * V033) for every grain and as-of days on, before and after month ends.
     */
    @Test
    void random_butler_work_keeps_the_month_counts_equal_to_a_recount_and_the_workload_to_the_reference()
            throws IOException {
        loadReferenceMacros();
        maintenance.rebuild();
        p = "W" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 1, 10));
        MasterDataFixtures.create(p, estates, staff);
        addFixtureUnits();
        as(Role.ADMIN);
        staff.saveStaff(new Staff(p + "S2", "Butler 2 " + p, "butler", null, "13800000001", null, true), true);
        staff.saveAssignment(new Assignment(p + "S2", p + "C2", LocalDate.of(2024, 1, 1), null), true);
        List<String> butlers = List.of(p + "S1", p + "S2");
        Random random = new Random(20261201L);
        LocalDate day = LocalDate.of(2025, 1, 10);
        List<String> visitNos = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        Map<String, Integer> done = new TreeMap<>();
        // a key customer: documents reach an occupied key customer's unit in person, by a butler
        String key = p + "C1-B1-0102";
        dsl.execute("insert into owners (owner_code, unit_code, name, key_customer) values (?, ?, ?, true)",
                p + "O1", key, "Owner " + p);
        checkWork(day);
        for (int step = 0; step < 36; step++) {
            day = day.plusDays(1 + random.nextInt(6));
            clock.set(day);
            String unit = units.get(random.nextInt(units.size()));
            String butler = butlers.get(random.nextInt(2));
            // the butler of the unit's cluster, for what a butler records in person
            String own = unit.startsWith(p + "C1") ? p + "S1" : p + "S2";
            int kind = random.nextInt(8);
            try {
                if (kind <= 1) {
                    as(Role.ADMIN);
                    visitNos.add(visits.record(new NewVisit(unit, day.minusDays(random.nextInt(40)), butler,
                            "chance", "A", 4, null, false, null, null, List.of())).no());
                } else if (kind == 2 && !visitNos.isEmpty()) {
                    // a visit moved to another day, often into another month
                    as(Role.ADMIN);
                    visits.update(visitNos.get(random.nextInt(visitNos.size())), new VisitChange(
                            day.minusDays(random.nextInt(60)), "chance", "B", 3, null, false));
                    done.merge("visit moved", 1, Integer::sum);
                } else if (kind == 3) {
                    TestUsers.signIn(p + "butler", Role.BUTLER, own);
                    collection.log(new NewCollectionAction(unit, day.minusDays(random.nextInt(30)), "phone",
                            null, null, null, null, null));
                    done.merge("collection action", 1, Integer::sum);
                } else if (kind == 4) {
                    as(Role.SERVICE_DESK);
                    estates.saveStatus(new UnitStatus(unit, day.minusDays(60), "vacant", null));
                    TestUsers.signIn(p + "butler", Role.BUTLER, own);
                    vacancy.record(new NewInspection(unit, day.minusDays(random.nextInt(20)), true, true,
                            true, true, null, null, null, null));
                    done.merge("inspection", 1, Integer::sum);
                } else if (kind == 5) {
                    as(Role.SERVICE_DESK);
                    unanswered.add(complaints.intake(new NewComplaint(unit, null, "phone", "noise", "Loud"))
                            .no());
                    // answered now, or weeks later (an agenda item done in a later month)
                    if (random.nextBoolean()) {
                        as(Role.ADMIN);
                        complaints.respond(unanswered.remove(0), new FirstResponse(null, "phone", butler));
                        done.merge("complaint responded", 1, Integer::sum);
                    }
                } else if (kind == 6) {
                    TestUsers.signIn(p + "butler", Role.BUTLER, p + "S1");
                    // counted from its start (a second one waits for the first to be finished)
                    patrols.start(p + "C1", null);
                    done.merge("patrol", 1, Integer::sum);
                } else {
                    as(Role.SERVICE_DESK);
                    estates.saveStatus(new UnitStatus(key, day.minusDays(4), "occupied", null));
                    TestUsers.signIn(p + "butler", Role.BUTLER, p + "S1");
                    String no = documents.create(new NewDocument("other", "Notice " + step, day.minusDays(3),
                            null, null, null, null, p + "C1-B1", null)).no();
                    for (Delivery d : documents.deliveries(no)) {
                        documents.dispatch(no, List.of(d.unitCode()), day.minusDays(2));
                        documents.delivered(no, d.unitCode(), day.minusDays(random.nextInt(2)));
                    }
                    done.merge("document", 1, Integer::sum);
                }
            } catch (ValidationException e) {
                done.merge("refused " + kind + " " + e.getMessage(), 1, Integer::sum);
            }
            if (step % 4 == 3) {
                // the hourly job: what fell due and when it was done (items open for weeks get
                // their done day now, months after they fell due)
                as(Role.ADMIN);
                agenda.record(day);
                done.merge("agenda recorded", 1, Integer::sum);
            }
            if (step % 6 == 5) {
                // the hourly job folds the work rows of differences, one per staff member and month
                maintenance.compactWork();
                done.merge("work rows folded", 1, Integer::sum);
            }
            checkWork(day);
        }
        // the complaints still unanswered, answered at last (their response items done weeks late)
        as(Role.ADMIN);
        for (String no : unanswered) {
            complaints.respond(no, new FirstResponse(null, "phone", p + "S1"));
            done.merge("complaint responded", 1, Integer::sum);
        }
        agenda.record(day);
        checkWork(day);
        // an agenda item of a month that had ended, done in a later one: as of the day before,
        // not done (moved from the stored month's done-late count)
        LocalDate before = dsl.fetchOne("select max(done_on) - 1 from agenda_items where staff_code like ?"
                + " and date_trunc('month', due_on) < date_trunc('month', done_on)", p + "%")
                .get(0, LocalDate.class);
        assertThat(before).as("an item done in a later month than it fell due").isNotNull();
        for (String grain : List.of("'month'", "'quarter'")) {
            String args = "date '" + before + "', " + grain + ", '2024-11', '2025-12'";
            assertThat(differences("select * from kpi_workload(" + args + ")",
                    "select * from kpi_workload_reference(" + args + ")")).as("workload " + args).isZero();
        }
        assertThat(done).as("writes of each kind").containsKeys("visit moved", "collection action",
                "inspection", "complaint responded", "patrol", "document", "agenda recorded", "work rows folded");
        assertThat(String.valueOf(dsl.fetchValue("select sum(agenda_due) || '/' || sum(agenda_done_late)"
                + " || '/' || sum(agenda_not_done) from kpi_agenda_months where staff_code like ?", p + "%")))
                .as("agenda items due/done late/not done").matches("[1-9][0-9]*/[0-9]+/[1-9][0-9]*");
        assertThat(String.valueOf(dsl.fetchValue("select sum(patrols) || '/' || sum(documents_delivered) from kpi_work_months"
                + " where staff_code like ?", p + "%"))).as("patrols/documents delivered counted")
                .matches("[1-9][0-9]*/[1-9][0-9]*");
    }

    /** kpi_work_months equals a recount; kpi_workload equals the reference for one grain and day. */
    private void checkWork(LocalDate today) {
        assertThat(differences("select * from kpi_work_months_stored()", "select * from kpi_work_months_rows(null)"))
                .as("kpi_work_months on " + today).isZero();
        assertThat(differences("select * from kpi_agenda_months", "select * from kpi_agenda_months_rows(null)"))
                .as("kpi_agenda_months on " + today).isZero();
        LocalDate d = List.of(today, today.minusDays(9), today.withDayOfMonth(1).minusDays(1),
                today.withDayOfMonth(1)).get(checks % 4);
        String grain = List.of("'month'", "'quarter'", "'year'", "'week'").get(checks++ % 4);
        String args = "date '" + d + "', " + grain + ", '2024-11', '2025-12'";
        assertThat(differences("select * from kpi_workload(" + args + ")",
                "select * from kpi_workload_reference(" + args + ")"))
                .as("workload " + args).isZero();
    }

    /**
     * Complaints and visits carry their unit's building (V026) from every writer: the services
     * and rows written past the services (set by a full rebuild); a unit with records does not
     * move. The import's path is RoundTripTest's (its complaint and satisfaction figures).
     */
    @Test
    void records_carry_their_units_building() {
        p = "R" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 3, 10));
        MasterDataFixtures.create(p, estates, staff);
        as(Role.ADMIN);
        estates.saveBuilding(new Building(p + "C1-B2", p + "C1", "Building 2", 12), true);
        String mover = p + "M1";
        estates.saveUnit(new Unit(mover, p + "C1-B1", 3, "M1", new BigDecimal("60.00"), "residential",
                LocalDate.of(2024, 5, 1)), true, null);
        as(Role.SERVICE_DESK);
        String complaint = complaints.intake(new NewComplaint(p + "C2-B1-0101", null, "phone", "noise", "Loud"))
                .no();
        String moved = complaints.intake(new NewComplaint(mover, null, "phone", "noise", "Loud")).no();
        as(Role.ADMIN);
        String visit = visits.record(new NewVisit(p + "C1-B1-0102", LocalDate.of(2025, 3, 9), p + "S1", "chance",
                "A", 5, null, false, null, null, List.of())).no();
        // a vacancy inspection (V036) of a unit vacant that day
        String vacant = p + "C2-B1-0102";
        as(Role.SERVICE_DESK);
        estates.saveStatus(new UnitStatus(vacant, LocalDate.of(2025, 3, 1), "vacant", null));
        as(Role.MANAGER);
        String inspection = vacancy.record(new NewInspection(vacant, LocalDate.of(2025, 3, 9), true,
                true, true, true, null, null, null, null)).no();
        as(Role.ADMIN);
        assertThat(building("complaints", "complaint_no", complaint)).isEqualTo(p + "C2-B1");
        assertThat(building("complaints", "complaint_no", moved)).isEqualTo(p + "C1-B1");
        assertThat(building("visits", "visit_no", visit)).isEqualTo(p + "C1-B1");
        assertThat(building("vacancy_inspections", "inspection_no", inspection))
                .isEqualTo(p + "C2-B1");

        // a unit with records cannot move to another building (the import refuses it as well):
        // the building stored on them stays the unit's
        assertThatThrownBy(() -> estates.saveUnit(new Unit(mover, p + "C1-B2", 3, "M1",
                new BigDecimal("60.00"), "residential", LocalDate.of(2024, 5, 1)), false, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("validation.referenced");
        assertThat(building("complaints", "complaint_no", moved)).isEqualTo(p + "C1-B1");

        // rows written past the services (as the SQL tests' given rows) get it from a rebuild
        dsl.execute("update complaints set building_code = null where complaint_no = ?", complaint);
        dsl.execute("update visits set building_code = 'nowhere' where visit_no = ?", visit);
        dsl.execute("update vacancy_inspections set building_code = null where inspection_no = ?",
                inspection);
        maintenance.rebuildVacancy();
        assertThat(building("complaints", "complaint_no", complaint)).isEqualTo(p + "C2-B1");
        assertThat(building("visits", "visit_no", visit)).isEqualTo(p + "C1-B1");
        assertThat(building("vacancy_inspections", "inspection_no", inspection))
                .isEqualTo(p + "C2-B1");
        assertThat(dsl.fetchValue("select count(*) from vacancy_inspections i join units u"
                + " using (unit_code) where i.building_code is distinct from u.building_code"))
                .isEqualTo(0L);
        assertThat(dsl.fetchValue("select count(*) from complaints c join units u using (unit_code)"
                + " where c.building_code is distinct from u.building_code")).isEqualTo(0L);

        // by units: only those given; more than 5,000 units in one pass over all records
        dsl.execute("update complaints set building_code = null where complaint_no = ?", complaint);
        List<String> others = new ArrayList<>(List.of(p + "C1-B1-0101"));
        assertThat(refreshBuildings(others)).isZero();
        assertThat(building("complaints", "complaint_no", complaint)).isNull();
        for (int i = 0; others.size() <= KpiSummaries.MAX_UNITS_PER_PROMISE_REFRESH; i++) {
            others.add(p + "none-" + i);
        }
        assertThat(refreshBuildings(others)).isEqualTo(1);
        assertThat(building("complaints", "complaint_no", complaint)).isEqualTo(p + "C2-B1");
        dsl.execute("update complaints set building_code = null where complaint_no = ?", complaint);
        assertThat(refreshBuildings(List.of(p + "C2-B1-0101"))).isEqualTo(1);
        assertThat(building("complaints", "complaint_no", complaint)).isEqualTo(p + "C2-B1");
        dsl.execute("update vacancy_inspections set building_code = null where inspection_no = ?",
                inspection);
        assertThat(refreshBuildings(List.of(vacant))).isEqualTo(1);
        assertThat(building("vacancy_inspections", "inspection_no", inspection))
                .isEqualTo(p + "C2-B1");
    }

    /**
     * The inspections' vacant-that-day flag (V028): written with the inspection and with a later
     * status row; NULL (a database from before V028) is filled at start-up.
     */
    @Test
    void inspections_carry_whether_their_unit_was_vacant_that_day() {
        p = "V" + UUID.randomUUID().toString().substring(0, 5) + "-";
        clock.set(LocalDate.of(2025, 3, 10));
        MasterDataFixtures.create(p, estates, staff);
        String unit = p + "C1-B1-0101";
        as(Role.SERVICE_DESK);
        estates.saveStatus(new UnitStatus(unit, LocalDate.of(2025, 3, 1), "vacant", null));
        as(Role.MANAGER);
        String no = vacancy.record(new NewInspection(unit, LocalDate.of(2025, 3, 5), true, true, true, true,
                null, null, null, null)).no();
        assertThat(vacantThen(no)).isTrue();
        // a status row entered later, dated before the inspection
        as(Role.SERVICE_DESK);
        estates.saveStatus(new UnitStatus(unit, LocalDate.of(2025, 3, 4), "occupied", null));
        assertThat(vacantThen(no)).isFalse();
        dsl.execute("update vacancy_inspections set vacant_then = null where inspection_no = ?", no);
        assertThat(vacantThen(no)).isNull();
        dsl.connection(c -> KpiSummaries.rebuildIfStale(c));
        assertThat(vacantThen(no)).isFalse();
    }

    private Boolean vacantThen(String inspectionNo) {
        return dsl.resultQuery("select vacant_then from vacancy_inspections where inspection_no = ?",
                inspectionNo).fetchOne(0, Boolean.class);
    }

    private int refreshBuildings(List<String> units) {
        Integer changed = dsl.connectionResult(c -> KpiSummaries.refreshRecordBuildings(c, units));
        return changed;
    }

    private String building(String table, String key, String code) {
        return (String) dsl.fetchValue("select building_code from " + table + " where " + key + " = ?", code);
    }

    /** The vacancy summaries equal a rebuild; kpi_vacancy equals the reference. */
    private void checkVacancy() {
        assertThat(differences("select * from kpi_vacancy_month_ends",
                "select * from kpi_vacancy_month_end_rows(null)")).as("vacancy month ends").isZero();
        assertThat(differences("select * from kpi_move_in_days", "select * from kpi_move_in_day_rows(null)"))
                .as("move-in days").isZero();
        LocalDate today = LocalDate.now(clock);
        LocalDate d = List.of(today, today.minusDays(17), today.withDayOfMonth(1).minusDays(1),
                today.plusDays(40), LocalDate.of(2099, 3, 5)).get(checks % 5);
        String grain = List.of("'month'", "'quarter'", "'year'", "'week'").get(checks % 4);
        String from = YearMonth.from(d).minusMonths(7).toString();
        String args = "date '" + d + "', " + grain + ", '" + from + "', '" + YearMonth.from(d) + "'";
        assertThat(differences("select * from kpi_vacancy(" + args + ")",
                "select * from kpi_vacancy_reference(" + args + ")"))
                .as("vacancy " + args).isZero();
        checks++;
    }

    /** The rows of table are stored (rowid order) by recent, false first, then by keys. */
    private void assertStoredInOrder(String table, String recent, String keys) {
        Integer[] n = dsl.fetchOne("select count(*), count(*) filter (where recent),"
                + " count(*) filter (where stored_at <> ordered_at) from (select " + recent
                + " as recent, row_number() over (order by rowid) as stored_at, row_number() over"
                + " (order by " + recent + ", " + keys + ", rowid) as ordered_at from " + table + ")")
                .into(Integer[].class);
        assertThat(n).as(table + ": rows, recent rows, rows out of order")
                .satisfies(c -> assertThat(c[0]).isGreaterThan(c[1]))
                .satisfies(c -> assertThat(c[1]).isPositive())
                .satisfies(c -> assertThat(c[2]).isZero());
    }

    /** The four units MasterDataFixtures.create makes for the prefix p. */
    private void addFixtureUnits() {
        for (String c : List.of("C1", "C2")) {
            for (String room : List.of("0101", "0102")) {
                units.add(p + c + "-B1-" + room);
            }
        }
    }

    private void pay(String unit, LocalDate paidOn, int yuan, String statementNo) {
        Payment saved = payments.record(new NewPayment(unit, paidOn, new BigDecimal(yuan + ".00"), "transfer",
                statementNo, null));
        livePayments.add(saved.paymentNo());
    }

    private String openStatement(String unit) {
        return dsl.select(STATEMENTS.STATEMENT_NO).from(STATEMENTS)
                .where(STATEMENTS.UNIT_CODE.eq(unit)).orderBy(STATEMENTS.PERIOD.desc())
                .limit(1).fetchOne(STATEMENTS.STATEMENT_NO);
    }

    /** Statements written in bulk (as an import does) for two units, then recomputeMany. */
    private void bulkLoad(int n, LocalDate day) {
        List<String> loaded = List.of(units.get(n % units.size()), units.get((n + 2) % units.size()));
        for (String unit : loaded) {
            YearMonth period = YearMonth.from(day).minusMonths(2);
            dsl.insertInto(STATEMENTS, STATEMENTS.STATEMENT_NO, STATEMENTS.UNIT_CODE, STATEMENTS.PERIOD,
                    STATEMENTS.FEE_TYPE, STATEMENTS.AMOUNT, STATEMENTS.ISSUED_ON, STATEMENTS.DUE_ON)
                    .values(p + "BULK-" + n + "-" + unit, unit, period.toString(), "property_fee",
                            new BigDecimal("77.70"), day.minusDays(3), period.atEndOfMonth())
                    .execute();
        }
        allocations.recomputeMany(loaded);
    }

    private void releaseRun(YearMonth period) {
        as(Role.SERVICE_DESK);
        String runNo = runs.generate(period, p + "E", false).runNo();
        TestUsers.signIn(p + "super", Role.SUPERVISOR, null);
        for (String c : List.of("C1", "C2")) {
            runs.review(runNo, p + c, null);
        }
        as(Role.FINANCE);
        runs.release(runNo, StatementRunService.Progress.NONE);
    }

    private void as(Role role) {
        TestUsers.signIn(role.name().toLowerCase(), role, null);
    }

    /** Summaries equal a rebuild; collection and aging equal the reference macros. */
    private void check() {
        for (String table : KpiSummaries.tables()) {
            String macro = KpiSummaries.rowsMacro(table);
            assertThat(differences(KpiSummaries.storedRows(table), "select * from " + macro + "(null)"))
                    .as(table + " after " + checks + " checks").isZero();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("kpi_fee_billed"))).isPositive();
        promises = dsl.fetchCount(dsl.selectFrom("kpi_promise_checks"));
        // one as-of day and one grain per check, in turn (each check costs seconds otherwise)
        LocalDate today = LocalDate.now(clock);
        LocalDate d = List.of(today, today.minusDays(17), today.withDayOfMonth(1).minusDays(1),
                today.plusDays(40)).get(checks % 4);
        String grain = List.of("'month'", "'quarter'", "'year'").get(checks % 3);
        String args = "date '" + d + "', " + grain + ", '2024-11', '2025-12'";
        assertThat(differences("select * from kpi_collection(" + args + ")",
                "select * from kpi_collection_reference(" + args + ")"))
                .as("collection " + args).isZero();
        assertThat(differences("select * from kpi_aging(" + args + ")",
                "select * from kpi_aging_reference(" + args + ")"))
                .as("aging " + args).isZero();
        String snapshot = "date '" + d + "', null, null, null";
        assertThat(differences("select * from kpi_aging(" + snapshot + ")",
                "select * from kpi_aging_reference(" + snapshot + ")"))
                .as("aging " + snapshot).isZero();
        checks++;
    }

    /** Rows in one query and not the other (as multisets), both ways. */
    private int differences(String a, String b) {
        return dsl.fetchOne("select count(*) from ((" + a + " except all " + b + ") union all (" + b
                + " except all " + a + "))").get(0, Integer.class);
    }

    private void loadReferenceMacros() throws IOException {
        for (String file : List.of("collection_reference", "aging_reference", "vacancy_reference",
                "workload_reference")) {
            try (InputStream in = getClass().getResourceAsStream("/sql-reference/" + file + ".sql")) {
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String statement : sql.split(";\\s*(\\n|$)")) {
                    if (!statement.replaceAll("(?m)--.*$", "").isBlank()) {
                        dsl.execute(statement);
                    }
                }
            }
        }
    }
}

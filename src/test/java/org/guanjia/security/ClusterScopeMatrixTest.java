package org.guanjia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestUsers;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.ArrearsService;
import org.guanjia.billing.LedgerService;
import org.guanjia.billing.NewPayment;
import org.guanjia.billing.Payment;
import org.guanjia.billing.PaymentFilter;
import org.guanjia.billing.PaymentService;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.LawyerLetterService;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintFilter;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.complaint.NewComplaint;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.Dashboard.Panel;
import org.guanjia.dashboard.DashboardCatalog;
import org.guanjia.dashboard.DashboardExports;
import org.guanjia.dashboard.Filters;
import org.guanjia.document.DocumentService;
import org.guanjia.document.NewDocument;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Owner;
import org.guanjia.estate.UnitFilter;
import org.guanjia.repair.NewRepair;
import org.guanjia.repair.Repair;
import org.guanjia.repair.RepairFilter;
import org.guanjia.repair.RepairService;
import org.guanjia.staff.StaffService;
import org.guanjia.visit.NewVisit;
import org.guanjia.visit.Visit;
import org.guanjia.visit.VisitFilter;
import org.guanjia.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The cluster half of the security matrix: a butler of cluster A, through every service method
 * that takes a record of a cluster, gets A's records and is refused (AccessDeniedException) or
 * gets nothing (empty, filtered) for B's. Each row runs the same call on A's and B's record.
 */
@SpringBootTest
@ActiveProfiles("test")
class ClusterScopeMatrixTest {

    @Autowired EstateService estates;
    @Autowired StaffService staff;
    @Autowired ComplaintService complaints;
    @Autowired RepairService repairs;
    @Autowired VisitService visits;
    @Autowired PaymentService payments;
    @Autowired AllocationService allocation;
    @Autowired ArrearsService arrears;
    @Autowired LedgerService ledgers;
    @Autowired CollectionService collection;
    @Autowired LawyerLetterService letters;
    @Autowired DocumentService documents;
    @Autowired DashboardExports exports;
    @Autowired DashboardCatalog catalog;
    @Autowired Clock clock;

    String p;
    /** Per cluster (index 0 = A, the butler's; 1 = B): a unit and the records written on it. */
    final Fixture[] side = new Fixture[2];

    record Fixture(String cluster, String unit, String owner, String complaint, String repair,
            String visit, String payment, String document) {
    }

    /**
     * What a row expects for the butler on B's record: AccessDeniedException; nothing (empty or
     * filtered); or, for a form, a refusal on the unit field ("outside your clusters") or a
     * "no such record" that does not even tell that B's record exists.
     */
    enum Refusal { DENIED, EMPTY, ON_FIELD, NOT_FOUND }

    /** A row: a call made with one side's fixture; its value counts as "got it" when non-empty. */
    record Row(String method, Refusal onB, Function<Fixture, Object> call) {
    }

    @BeforeEach
    void fixtures() {
        p = "Q" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("scope-admin", Role.ADMIN, null);
        LocalDateTime now = LocalDateTime.now(clock).minusHours(2);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 2; i++) {
            String cluster = p + "C" + (i + 1);
            String unit = cluster + "-B1-0101";
            String owner = p + "O" + i;
            estates.saveOwner(new Owner(owner, unit, "Owner " + i, "1380013800" + i, false, false, null,
                    false, LocalDate.of(2024, 1, 1)), true);
            Complaint c = complaints.intake(new NewComplaint(unit, now, "phone", Complaint.CATEGORIES.get(0),
                    "noise " + i));
            Repair r = repairs.report(new NewRepair(unit, null, now, "plumbing", "leak " + i));
            Visit v = visits.record(new NewVisit(unit, today, p + "S1", "chance", "hello", 5, null, false,
                    null, null, List.of()));
            Payment pay = payments.record(new NewPayment(unit, today, new BigDecimal("10.00"), "cash", null,
                    null));
            // documents are the service desk's (the admin keeps master data, not daily work)
            TestUsers.signIn("scope-desk", Role.SERVICE_DESK, null);
            String doc = documents.create(new NewDocument("statement", "Statement " + i, today, null, null, null,
                    cluster, null, Set.of())).no();
            TestUsers.signIn("scope-admin", Role.ADMIN, null);
            side[i] = new Fixture(cluster, unit, owner, c.no(), r.no(), v.no(), pay.paymentNo(), doc);
        }
        TestUsers.signIn("butler-a", Role.BUTLER, p + "S1");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    List<Row> rows() {
        Page page = Page.first(100);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("EstateService#unit", Refusal.EMPTY, f -> estates.unit(f.unit())));
        rows.add(new Row("EstateService#statusHistory", Refusal.DENIED, f -> estates.statusHistory(f.unit())));
        rows.add(new Row("EstateService#owner", Refusal.EMPTY, f -> estates.owner(f.owner())));
        rows.add(new Row("EstateService#owners(cluster)", Refusal.EMPTY,
                f -> estates.owners(new UnitFilter(null, null, f.cluster(), null, null), page)));
        rows.add(new Row("EstateService#units(cluster)", Refusal.EMPTY,
                f -> estates.units(new UnitFilter(null, null, f.cluster(), null, null), page, List.of())));
        rows.add(new Row("EstateService#buildings", Refusal.EMPTY, f -> estates.buildings(f.cluster())));
        rows.add(new Row("EstateService#setOwnerFlags", Refusal.DENIED,
                f -> estates.setOwnerFlags(f.unit(), true, null)));
        rows.add(new Row("ComplaintService#complaint", Refusal.EMPTY, f -> complaints.complaint(f.complaint())));
        rows.add(new Row("ComplaintService#list(cluster)", Refusal.EMPTY, f -> complaints.list(
                new ComplaintFilter(null, null, f.cluster(), false, null), page)));
        rows.add(new Row("ComplaintService#intake", Refusal.ON_FIELD, f -> complaints.intake(new NewComplaint(
                f.unit(), LocalDateTime.now(clock).minusMinutes(5), "phone", Complaint.CATEGORIES.get(0), "x"))));
        rows.add(new Row("ComplaintService#pdf", Refusal.NOT_FOUND,
                f -> complaints.pdf(f.complaint(), java.util.Locale.ENGLISH)));
        rows.add(new Row("RepairService#repair", Refusal.EMPTY, f -> repairs.repair(f.repair())));
        rows.add(new Row("RepairService#list(cluster)", Refusal.EMPTY,
                f -> repairs.list(new RepairFilter(null, null, f.cluster(), null), page)));
        rows.add(new Row("RepairService#report", Refusal.ON_FIELD, f -> repairs.report(new NewRepair(f.unit(),
                null, LocalDateTime.now(clock).minusMinutes(5), "plumbing", "x"))));
        rows.add(new Row("VisitService#visit", Refusal.EMPTY, f -> visits.visit(f.visit())));
        rows.add(new Row("VisitService#list(cluster)", Refusal.EMPTY, f -> visits.list(new VisitFilter(null,
                f.cluster(), null, null, false, false, false, null, null, null), page)));
        rows.add(new Row("VisitService#record", Refusal.ON_FIELD, f -> visits.record(new NewVisit(f.unit(),
                LocalDate.now(clock), p + "S1", "chance", "x", 4, null, false, null, null, List.of()))));
        rows.add(new Row("DocumentService#document", Refusal.EMPTY, f -> documents.document(f.document())));
        rows.add(new Row("DocumentService#deliveries", Refusal.EMPTY, f -> documents.deliveries(f.document())));
        rows.add(new Row("PaymentService#payments(unit)", Refusal.EMPTY, f -> payments.payments(
                new PaymentFilter(f.unit(), null, null, null, null, true), page, List.of())));
        rows.add(new Row("AllocationService#ledger", Refusal.EMPTY, f -> allocation.ledger(f.unit())));
        rows.add(new Row("LedgerService#account", Refusal.DENIED, f -> ledgers.account(f.unit(), null)));
        rows.add(new Row("ArrearsService#ofUnit", Refusal.DENIED, f -> arrears.ofUnit(f.unit(), null)));
        rows.add(new Row("CollectionService#unit", Refusal.DENIED, f -> collection.unit(f.unit())));
        rows.add(new Row("CollectionService#actions", Refusal.DENIED, f -> collection.actions(f.unit())));
        rows.add(new Row("LawyerLetterService#letters", Refusal.DENIED, f -> letters.letters(f.unit())));
        return rows;
    }

    @Test
    void a_butler_gets_the_records_of_their_cluster_and_not_those_of_another() {
        List<String> failures = new ArrayList<>();
        for (Row row : rows()) {
            String a = outcome(row, side[0]);
            // a refusing method may legitimately return nothing on A (no rows yet); a filtering
            // one must return A's record, or "empty on B" would prove nothing
            if (!a.equals("GOT") && !(a.equals("EMPTY") && row.onB() != Refusal.EMPTY)) {
                failures.add(row.method() + " on A: expected GOT, was " + a);
            }
            String b = outcome(row, side[1]);
            if (!b.equals(row.onB().name())) {
                failures.add(row.method() + " on B: expected " + row.onB() + ", was " + b);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_butler_cannot_record_a_payment_or_reverse_one_in_any_cluster() {
        assertThatThrownBy(() -> payments.record(new NewPayment(side[0].unit(), LocalDate.now(clock),
                BigDecimal.ONE, "cash", null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payments.reverse(side[1].payment(), "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_butlers_dashboard_export_holds_only_their_cluster_even_when_the_filter_names_another() {
        Dashboard d = catalog.find("service").orElseThrow();
        Panel byBuilding = d.panels().stream().filter(x -> x.id().equals("complaints-by-building")).findFirst()
                .orElseThrow();
        Filters f = Filters.defaults(d, LocalDate.now(clock));
        String a = p + "C1-B1";
        String b = p + "C2-B1";
        TestUsers.signIn("scope-manager", Role.MANAGER, null);
        assertThat(new String(exports.csv(d, byBuilding, f, Locale.ENGLISH), StandardCharsets.UTF_8))
                .contains(a, b);
        TestUsers.signIn("butler-a", Role.BUTLER, p + "S1");
        assertThat(new String(exports.csv(d, byBuilding, f, Locale.ENGLISH), StandardCharsets.UTF_8))
                .contains(a).doesNotContain(b);
        Filters crafted = new Filters(f.grain(), f.from(), f.to(), null, side[1].cluster(), null, null, null);
        assertThat(new String(exports.csv(d, byBuilding, crafted, Locale.ENGLISH), StandardCharsets.UTF_8))
                .doesNotContain(b);
    }

    private static String outcome(Row row, Fixture f) {
        try {
            return empty(row.call().apply(f)) ? "EMPTY" : "GOT";
        } catch (AccessDeniedException e) {
            return "DENIED";
        } catch (ValidationException e) {
            String key = e.problems().get(0).messageKey();
            return key.endsWith(".outOfScope") ? "ON_FIELD" : key.equals("validation.unknown") ? "NOT_FOUND"
                    : "ValidationException: " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static boolean empty(Object v) {
        return v == null || v instanceof Optional<?> o && o.isEmpty()
                || v instanceof Collection<?> c && c.isEmpty();
    }
}

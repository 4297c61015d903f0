package org.guanjia.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guanjia.agenda.AgendaService;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.Recomputed;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.user.UserService;
import org.guanjia.user.UserService.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.guanjia.base.TrustedInput;

/**
 * Fills an empty database with the demo company in one transaction, allocates its payments,
 * and makes sure the demo accounts exist (one per role, one per butler). Used by the demo-mode
 * start ({@link DemoStartup}) and the {@code demo} command line.
 */
@Service
@TrustedInput("generates its own data")
public class DemoService {

    private static final Logger log = LoggerFactory.getLogger(DemoService.class);
    static final int DEMO_BUTLERS = 10;

    private final DemoDataGenerator generator;
    private final TransactionTemplate transaction;
    private final EstateService estates;
    private final StaffService staff;
    private final UserService users;
    private final AllocationService allocations;
    private final AgendaService agenda;
    private final Clock clock;
    private final KpiSummaryMaintenance summaries;

    DemoService(DemoDataGenerator generator,
            PlatformTransactionManager transactionManager, EstateService estates, StaffService staff,
            UserService users, AllocationService allocations, AgendaService agenda, Clock clock,
            KpiSummaryMaintenance summaries) {
        this.generator = generator;
        this.transaction = new TransactionTemplate(transactionManager);
        this.estates = estates;
        this.staff = staff;
        this.users = users;
        this.allocations = allocations;
        this.agenda = agenda;
        this.clock = clock;
        this.summaries = summaries;
    }

    /**
     * Fills the database with the demo company up to today when it has no estate yet, as the
     * system; returns the report, or empty when the database already holds data.
     */
    public Optional<DemoReport> fillIfEmpty(long seed, double scale) {
        return CurrentUser.asSystem(() -> {
            // demo accounts (with their known password) only in a database the demo filled
            if (!estates.estates().isEmpty()) {
                return Optional.<DemoReport>empty();
            }
            DemoReport report = generate(seed, scale);
            users.ensureDemoAccounts(accounts());
            return Optional.of(report);
        });
    }

    private DemoReport generate(long seed, double scale) {
        LocalDate today = LocalDate.now(clock);
        log.info("Empty database: generating demo data (seed {}, scale {}, up to {})", seed, scale,
                today);
        long started = System.nanoTime();
        DemoReport report = transaction.execute(status -> generator.generate(seed, scale, today));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Demo data generated in {} ms:{}", took.toMillis(), report.summary());
        // payments are allocated to statements by the same engine the app uses for every change
        started = System.nanoTime();
        Recomputed allocated = allocations.recomputeAll();
        log.info("Payments allocated in {} ms: {}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                allocated);
        // units, status rows and inspections were written past the services, and the butlers'
        // records (counted per month for the workload figures, V033)
        summaries.rebuildVacancy();
        summaries.rebuildWork();
        // the butlers' agenda history (what fell due, when it was done) for the workload figures
        started = System.nanoTime();
        int items = agenda.record(today);
        log.info("Agenda recorded in {} ms: {} items", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                items);
        return report;
    }

    /** One account per role, and one per butler for the first ten butlers (by staff code). */
    List<DemoUser> accounts() {
        List<DemoUser> list = new ArrayList<>();
        list.add(new DemoUser("demo-admin", "演示管理员", Role.ADMIN, null));
        list.add(account("demo-manager", "manager", "经理", Role.MANAGER));
        list.add(account("demo-supervisor", "supervisor", "主管", Role.SUPERVISOR));
        list.add(account("demo-desk", "call_center", "服务台", Role.SERVICE_DESK));
        list.add(account("demo-finance", "finance", "财务", Role.FINANCE));
        List<Staff> butlers = staff.staff(null, "butler", Page.first(DEMO_BUTLERS));
        for (int i = 0; i < butlers.size(); i++) {
            Staff b = butlers.get(i);
            list.add(new DemoUser("demo-butler" + (i + 1), b.name() + "(管家)", Role.BUTLER, b.code()));
        }
        return list;
    }

    private DemoUser account(String username, String staffRole, String title, Role role) {
        List<Staff> first = staff.staff(null, staffRole, Page.first(1));
        if (first.isEmpty()) {
            return new DemoUser(username, "演示" + title, role, null);
        }
        return new DemoUser(username, first.get(0).name() + "(" + title + ")", role, first.get(0).code());
    }
}

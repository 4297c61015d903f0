package org.guanjia.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.GuanjiaProperties;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.Recomputed;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.Staff;
import org.guanjia.staff.StaffService;
import org.guanjia.user.UserService;
import org.guanjia.user.UserService.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode: on the first start (no estates yet) fills the database with the demo company in
 * one transaction, then makes sure the demo accounts exist (one per role, one per butler). Runs
 * before the admin bootstrap ({@code @Order(20)}).
 */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    static final int DEMO_BUTLERS = 10;

    private final GuanjiaProperties properties;
    private final DemoDataGenerator generator;
    private final TransactionTemplate transaction;
    private final EstateService estates;
    private final StaffService staff;
    private final UserService users;
    private final AllocationService allocations;
    private final Clock clock;

    DemoStartup(GuanjiaProperties properties, DemoDataGenerator generator,
            PlatformTransactionManager transactionManager, EstateService estates, StaffService staff,
            UserService users, AllocationService allocations, Clock clock) {
        this.properties = properties;
        this.generator = generator;
        this.transaction = new TransactionTemplate(transactionManager);
        this.estates = estates;
        this.staff = staff;
        this.users = users;
        this.allocations = allocations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        CurrentUser.asSystem(() -> {
            // demo accounts (with their known password) only in a database the demo filled
            if (estates.estates().isEmpty()) {
                generate();
                users.ensureDemoAccounts(accounts());
            }
            return null;
        });
    }

    private void generate() {
        LocalDate today = LocalDate.now(clock);
        log.info("Empty database in demo mode: generating demo data (seed {}, scale {}, up to {})",
                properties.demoSeed(), properties.demoScale(), today);
        long started = System.nanoTime();
        DemoReport report = transaction.execute(status ->
                generator.generate(properties.demoSeed(), properties.demoScale(), today));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Demo data generated in {} ms:{}", took.toMillis(), report.summary());
        // payments are allocated to statements by the same engine the app uses for every change
        started = System.nanoTime();
        Recomputed allocated = allocations.recomputeAll();
        log.info("Payments allocated in {} ms: {}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                allocated);
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

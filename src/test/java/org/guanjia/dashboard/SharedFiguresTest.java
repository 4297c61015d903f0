package org.guanjia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.guanjia.MasterDataFixtures;
import org.guanjia.TestClock;
import org.guanjia.TestUsers;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Dashboard openings share a computation only when everything the figures depend on is the
 * same: the dashboard, the filters, the role and scope (a butler never gets a manager's
 * figures), and the day.
 */
@Import(TestClock.Config.class)
// the context of DashboardViewTest (its estates must not show up in tests that count clusters)
@TestPropertySource(properties = "guanjia.test-context=dashboards")
class SharedFiguresTest extends KaribuTest {

    @Autowired
    DashboardService dashboards;
    @Autowired
    DashboardCatalog catalog;
    @Autowired
    EstateService estates;
    @Autowired
    StaffService staff;

    @AfterEach
    void out() {
        TestUsers.signOut();
    }

    @Test
    void the_key_of_shared_figures_holds_the_dashboard_filters_role_scope_and_day() {
        Dashboard overview = catalog.find("overview").orElseThrow();
        Dashboard collection = catalog.find("collection").orElseThrow();
        Filters f = Filters.defaults(overview, dashboards.today());
        TestUsers.signIn("manager-a", Role.MANAGER, null);
        DashboardService.SharedKey managerA = dashboards.sharedKey(overview, f);
        TestUsers.signIn("manager-b", Role.MANAGER, null);
        // two managers (every estate) asking for the same figures share them
        assertThat(dashboards.sharedKey(overview, f)).isEqualTo(managerA);
        assertThat(dashboards.sharedKey(collection, Filters.defaults(collection, dashboards.today())))
                .isNotEqualTo(managerA);
        assertThat(dashboards.sharedKey(overview, f.with("grain", "quarter", overview)))
                .isNotEqualTo(managerA);
        TestUsers.signIn("finance-a", Role.FINANCE, null);
        assertThat(dashboards.sharedKey(overview, f)).isNotEqualTo(managerA);
        TestUsers.signIn("butler-x", Role.BUTLER, "NO-SUCH-STAFF");
        DashboardService.SharedKey butler = dashboards.sharedKey(overview, f);
        assertThat(butler).isNotEqualTo(managerA);
        assertThat(butler.scope().all()).isFalse();
        // a butler of another cluster: the same role, another scope
        String p = "SF" + UUID.randomUUID().toString().substring(0, 5) + "-";
        MasterDataFixtures.create(p, estates, staff);
        TestUsers.signIn("butler-y", Role.BUTLER, p + "S1");
        DashboardService.SharedKey other = dashboards.sharedKey(overview, f);
        assertThat(other.scope().clusterCodes()).containsExactly(p + "C1");
        assertThat(other).isNotEqualTo(butler);
        assertThat(butler.today()).isEqualTo(dashboards.today());
        assertThat(managerA.today()).isEqualTo(dashboards.today());
        assertThat(new DashboardService.SharedKey(managerA.dashboard(), f, managerA.role(),
                managerA.scope(), LocalDate.of(2000, 1, 1))).isNotEqualTo(managerA);
    }
}

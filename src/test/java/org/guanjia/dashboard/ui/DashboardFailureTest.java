package org.guanjia.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.guanjia.analytics.KpiViews;
import org.guanjia.base.Role;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A dashboard whose figures cannot be computed (here: a KPI macro missing from the real
 * database) says so in every panel in plain words, and shows none of the database's message
 * (which carries the query's SQL); the panels carry the class the load test looks for.
 */
// a context of its own: the macro is dropped from its database
@TestPropertySource(properties = "guanjia.test-context=dashboard-failure")
class DashboardFailureTest extends KaribuTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_dashboard_that_fails_shows_a_plain_message_and_no_sql() throws Exception {
        login("manager0", Role.MANAGER, null);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop macro table kpi_workload");
        }
        try {
            UI.getCurrent().navigate("dashboards/workload");
            DashboardViewTest.awaitFigures();
            List<Span> errors = _find(Span.class, s -> s.withClasses("dash-error"));
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(e -> assertThat(e.getText())
                    .isEqualTo("This panel could not be computed: an internal error (logged for the"
                            + " administrator). Refresh the page to try again."));
        } finally {
            try (Connection c = dataSource.getConnection()) {
                KpiViews.apply(c);
            }
        }
    }
}

package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.guanjia.user.UserService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** First start in demo mode: the demo company, allocated payments and the demo accounts. */
@TestPropertySource(properties = {"guanjia.demo=true", "guanjia.demo-scale=0.05"})
class DemoModeTest extends KaribuTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    UserService users;

    @Test
    void the_login_page_lists_the_demo_accounts_by_role() {
        UI.getCurrent().navigate("login");
        String text = _get(Div.class, s -> s.withId("demo-accounts")).getElement().getTextRecursively();
        assertThat(text).contains("demo-admin", "demo-manager", "demo-butler1", "demo-finance")
                .contains("Butler: demo-butler1 … demo-butler");
    }

    @Test
    void demo_accounts_sign_in_and_butlers_have_a_staff_code() {
        assertThat(users.loadUserByUsername("demo-butler1").isEnabled()).isTrue();
        assertThat(dsl.fetchValue("select count(*) from app_users where demo and role = 'BUTLER' "
                + "and staff_code is null")).hasToString("0");
    }

    @Test
    void the_demo_company_is_there_with_its_payments_allocated() {
        assertThat(dsl.fetchValue("select count(*) from estates")).hasToString("2");
        Number allocated = (Number) dsl.fetchValue("select count(*) from payment_allocations");
        assertThat(allocated.intValue()).isPositive();
        // allocations never exceed a statement's amount
        assertThat(dsl.fetchValue("select count(*) from (select s.statement_no from statements s "
                + "join payment_allocations a using (statement_no) group by s.statement_no, s.amount "
                + "having sum(a.amount) > s.amount)")).hasToString("0");
    }

    @Test
    void a_units_account_shows_its_statements_newest_first_with_what_is_owed() {
        String unit = dsl.fetchValue("select min(unit_code) from statements").toString();
        login("finance1", org.guanjia.base.Role.FINANCE, null);
        UI.getCurrent().navigate("ledger/" + unit);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<org.guanjia.billing.LedgerLine> grid =
                _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("ledger-grid"));
        int rows = com.github.mvysny.kaributesting.v10.GridKt._size(grid);
        Number statements = (Number) dsl.fetchValue(
                "select count(*) from statements where unit_code = ? and issued_on <= current_date", unit);
        assertThat(rows).isEqualTo(statements.intValue()).isPositive();
        var first = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0);
        var last = com.github.mvysny.kaributesting.v10.GridKt._get(grid, rows - 1);
        assertThat(first.period()).isGreaterThanOrEqualTo(last.period());
        assertThat(first.collected().add(first.outstanding())).isEqualByComparingTo(first.amount());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("ledger-summary")).getText())
                .startsWith(unit + ": owed ");
    }

    @Test
    void a_butler_sees_no_account_of_a_unit_outside_their_clusters() {
        String unit = dsl.fetchValue("select min(unit_code) from statements").toString();
        login("butler-x", org.guanjia.base.Role.BUTLER, "NO-SUCH-STAFF");
        UI.getCurrent().navigate("ledger/" + unit);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("ledger-summary")).getText())
                .contains("not in your area");
    }
}

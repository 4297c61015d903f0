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
}

package org.guanjia.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import org.guanjia.base.Role;
import org.guanjia.mail.Subscription;
import org.guanjia.mail.SubscriptionService;
import org.guanjia.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The subscriptions view: a manager adds one (the address is checked); a butler cannot open it. */
class SubscriptionsViewTest extends KaribuTest {

    @Autowired
    SubscriptionService service;

    @Test
    @SuppressWarnings("unchecked")
    void a_manager_subscribes_to_the_summaries() {
        login("sv-mgr", Role.MANAGER, null);
        UI.getCurrent().navigate("subscriptions");
        // no SMTP host in the tests: the view says that nothing is sent
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("mail-state")).getText())
                .contains("not configured");
        _click(_get(Button.class, s -> s.withId("new-subscription-button")));
        _get(Select.class, s -> s.withId("sub-kind")).setValue("summaries");
        _get(Select.class, s -> s.withId("sub-frequency")).setValue("weekly");
        EmailField email = _get(EmailField.class, s -> s.withId("sub-email"));
        _setValue(email, "not an address");
        _click(_get(Button.class, s -> s.withId("sub-save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(service.list()).isEmpty();

        _setValue(email, "boss@example.com");
        _click(_get(Button.class, s -> s.withId("sub-save")));
        assertThat(service.list()).extracting(Subscription::email, Subscription::kind, Subscription::frequency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("boss@example.com", "summaries", "weekly"));
        Grid<Subscription> grid = _get(Grid.class, s -> s.withId("subscriptions-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }

    @Test
    void a_butler_cannot_open_it() {
        login("sv-butler", Role.BUTLER, "NOBODY");
        try {
            UI.getCurrent().navigate("subscriptions");
        } catch (AssertionError e) {
            // Karibu's access-denied error route may fail the navigation itself
            assertThat(e).hasMessageContaining("AccessDeniedException");
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(c -> c instanceof SubscriptionsView);
        // and the service refuses too
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.list())
                .isInstanceOf(org.guanjia.base.AccessDeniedException.class);
    }
}

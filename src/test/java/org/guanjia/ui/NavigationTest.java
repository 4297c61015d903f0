package org.guanjia.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.guanjia.base.Role;
import org.guanjia.base.security.LoginView;
import org.junit.jupiter.api.Test;

class NavigationTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.guanjia.user.UserService users;

    private List<String> menuPaths() {
        return _get(SideNav.class, s -> s.withId("side-nav")).getItems().stream()
                .map(SideNavItem::getPath).toList();
    }

    private Class<?> currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
    }

    @Test
    void without_sign_in_every_view_leads_to_the_login_page() {
        UI.getCurrent().navigate("units");
        assertThat(currentView()).isEqualTo(LoginView.class);
        assertThat(_find(LoginForm.class)).hasSize(1);
    }

    @Test
    void the_login_page_lists_no_demo_accounts_outside_demo_mode() {
        UI.getCurrent().navigate("login");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("demo-accounts")))
                .isEmpty();
    }

    @Test
    void an_admin_sees_the_admin_views_in_the_menu() {
        login("admin1", Role.ADMIN, null);
        UI.getCurrent().navigate("");
        assertThat(menuPaths()).contains("", "units", "owners", "estates", "staff", "admin/users",
                "admin/audit");
    }

    @Test
    void a_butler_does_not_see_the_admin_views() {
        login("butler1", Role.BUTLER, "NOBODY");
        UI.getCurrent().navigate("");
        assertThat(menuPaths()).contains("", "units", "owners")
                .doesNotContain("admin/users", "admin/audit", "estates", "staff", "assignments");
    }

    @Test
    void a_butler_cannot_reach_an_admin_view_by_url() {
        login("butler1", Role.BUTLER, "NOBODY");
        UI.getCurrent().navigate("admin/users");
        // Vaadin answers with its error view (access denied), never the users view
        assertThat(currentView().getSimpleName()).isNotEqualTo("UsersView");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("Last sign-in");
        // and the service behind it refuses too
        assertThatThrownBy(() -> users.users(null, org.guanjia.base.Page.first(10)))
                .isInstanceOf(org.guanjia.base.AccessDeniedException.class);
    }
}

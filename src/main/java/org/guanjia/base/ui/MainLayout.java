package org.guanjia.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.i18n.LocalePreference;

/**
 * The shell around every signed-in view: a side navigation with only the views the user's role
 * may open (from each view's {@code @Menu} and access annotations), the page title, the
 * language switch and sign-out. On a phone the navigation becomes a drawer.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 title = new H1();
    /**
     * The menu's entries for this user, read once: {@link MenuConfiguration#getMenuEntries()}
     * collects every route and checks its access each time it is called (7 ms of the server's
     * time for each navigation, the title below included, when it was read again each time).
     */
    private List<MenuEntry> entries = List.of();

    public MainLayout(CurrentUser currentUser, AuthenticationContext auth,
            LocalePreference localePreference) {
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE,
                LumoUtility.Whitespace.NOWRAP, LumoUtility.Overflow.HIDDEN,
                LumoUtility.TextOverflow.ELLIPSIS);
        title.setId("page-title");

        String username = currentUser.usernameOrSystem();
        LanguageSelect language = new LanguageSelect(l -> localePreference.saveLocale(username, l));
        Button logout = new Button(new Icon(VaadinIcon.SIGN_OUT), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout-button");
        logout.setTooltipText(getTranslation("nav.logout"));
        logout.setAriaLabel(getTranslation("nav.logout"));

        HorizontalLayout bar = new HorizontalLayout(toggle, title, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(title);
        bar.addClassNames(LumoUtility.Padding.End.SMALL);
        addToNavbar(true, bar);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        Span who = new Span(currentUser.principal()
                .map(p -> p.displayName() + " · " + getTranslation("role." + p.role().name()))
                .orElse(""));
        who.setId("current-user");
        who.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div header = new Div(appName, new Div(who), language);
        header.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        addToDrawer(header, new Scroller(navigation()));
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        entries = MenuConfiguration.getMenuEntries();
        for (MenuEntry entry : entries) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String text = entries.stream()
                .filter(e -> getContent() != null && e.menuClass() == getContent().getClass())
                .map(e -> getTranslation(e.title()))
                .findFirst()
                .orElse(getContent() instanceof com.vaadin.flow.router.HasDynamicTitle t ? t.getPageTitle() : "");
        title.setText(text);
        UI.getCurrent().getPage().setTitle(text.isEmpty() ? getTranslation("app.name")
                : text + " · " + getTranslation("app.name"));
    }
}

package org.guanjia.estate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ui.Formats;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.EstateSummary;

/**
 * The start page: each estate in the user's scope with its unit counts by status. A butler's
 * start page is their agenda (Today).
 */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(EstateService estates, CurrentUser currentUser) {
        this.currentUser = currentUser;
        setId("home-view");
        setPadding(true);
        var summaries = estates.summary();
        if (summaries.isEmpty()) {
            add(new Span(getTranslation("home.empty")));
        }
        for (EstateSummary s : summaries) {
            H2 name = new H2(s.estateName());
            name.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.Bottom.SMALL);
            FlexLayout tiles = new FlexLayout(
                    tile("home.clusters", s.clusters()), tile("home.buildings", s.buildings()),
                    tile("home.units", s.units()), tile("home.delivered", s.delivered()),
                    tile("home.occupied", s.occupied()), tile("home.decorating", s.decorating()),
                    tile("home.vacant", s.vacant()));
            tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            tiles.addClassNames(LumoUtility.Gap.MEDIUM);
            tiles.setId("estate-" + s.estateCode());
            add(name, tiles);
        }
    }

    private Div tile(String key, int value) {
        Span number = new Span(Formats.integer(value));
        number.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span label = new Span(getTranslation(key));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div tile = new Div(number, new Div(label));
        tile.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Background.CONTRAST_5);
        tile.setMinWidth("8rem");
        return tile;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.hasRole(Role.BUTLER)) {
            event.forwardTo("today");
        }
    }
}

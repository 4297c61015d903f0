package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardService;

/** The dashboards the user's role may open, as links. */
@Route("dashboards")
@Menu(title = "dash.nav", order = 5, icon = "vaadin:chart")
@PermitAll
class DashboardsView extends VerticalLayout {

    DashboardsView(DashboardService service) {
        setId("dashboards-view");
        H2 title = new H2(getTranslation("dash.index.title"));
        title.addClassNames(LumoUtility.FontSize.XLARGE);
        add(title);
        if (service.visible().isEmpty()) {
            add(new Span(getTranslation("dash.index.none")));
        }
        for (Dashboard d : service.visible()) {
            RouterLink link = new RouterLink(d.title(getLocale()), DashboardView.class,
                    new RouteParameters("id", d.id()));
            link.setId("dashboard-link-" + d.id());
            link.addClassNames(LumoUtility.FontSize.LARGE);
            Span panels = new Span(getTranslation("dash.index.panels", d.panels().size()));
            panels.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            Div row = new Div(link, new Div(panels));
            row.addClassNames(LumoUtility.Padding.SMALL);
            add(row);
        }
    }
}

package org.guanjia.activity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.activity.Activity;
import org.guanjia.activity.ActivityService;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;

/** Community activities (社区文化活动), latest first; a tap opens the activity with its sign-ups. */
@Route("activities")
@Menu(title = "nav.activities", order = 52, icon = "vaadin:group")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class ActivitiesView extends VerticalLayout {

    private final ActivityService service;
    private final Grid<Activity> grid = new Grid<>(Activity.class, false);
    private final Select<String> status = new Select<>();
    private final ComboBox<String> estate = new ComboBox<>();
    private String text = "";

    ActivitiesView(ActivityService service) {
        this.service = service;
        setId("activities-view");
        setSizeFull();
        status.setId("status-filter");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("activity.allStatuses"));
        status.setItems(Activity.STATUSES);
        status.setItemLabelGenerator(s -> s == null ? getTranslation("activity.allStatuses")
                : Formats.enumLabel("activity.status", s));
        status.setWidth("10rem");
        status.addValueChangeListener(e -> refresh());
        estate.setId("estate-filter");
        estate.setPlaceholder(getTranslation("field.estate"));
        estate.setItems(service.estates());
        estate.setClearButtonVisible(true);
        estate.setWidth("9rem");
        estate.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(status, estate);
        if (service.canOrganise()) {
            PlanForm form = new PlanForm(service, a -> UI.getCurrent().navigate("activities/" + a.no()));
            bar.newButton("new-activity-button", form::openNew);
        }
        add(bar, grid());
        refresh();
    }

    private Grid<Activity> grid() {
        grid.setId("activities-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var phone = grid.addComponentColumn(ActivitiesView::phoneCell).setHeader(getTranslation("nav.activities"))
                .setFlexGrow(1);
        phone.setVisible(false);
        var when = grid.addColumn(a -> Formats.dateTime(a.startsAt())).setHeader(getTranslation("activity.field.startsAt"))
                .setAutoWidth(true);
        var title = grid.addColumn(Activity::title).setHeader(getTranslation("activity.field.title")).setFlexGrow(2);
        var place = grid.addColumn(Activity::place).setHeader(getTranslation("activity.field.place")).setAutoWidth(true);
        var state = grid.addComponentColumn(ActivitiesView::statusBadge).setHeader(getTranslation("field.status"))
                .setAutoWidth(true);
        var heads = grid.addColumn(ActivitiesView::heads).setHeader(getTranslation("activity.field.heads")).setAutoWidth(true);
        var score = grid.addColumn(a -> a.meanScore() == null ? "" : Formats.decimal(a.meanScore(), 2))
                .setHeader(getTranslation("activity.field.score")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(when, title, place, state, heads, score));
        grid.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(
                d -> phone.setVisible(d.getWindowInnerWidth() < Responsive.PHONE_WIDTH)));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("activities/" + e.getItem().no()));
        return grid;
    }

    static String heads(Activity a) {
        return a.capacity() == null ? Formats.integer(a.heads())
                : Formats.integer(a.heads()) + " / " + Formats.integer(a.capacity());
    }

    static Component statusBadge(Activity a) {
        String theme = switch (a.status()) {
            case "announced" -> "";
            case "held" -> "success";
            case "cancelled" -> "error";
            default -> "contrast";
        };
        return org.guanjia.base.ui.Badges.badge(Formats.enumLabel("activity.status", a.status()), theme);
    }

    private static Component phoneCell(Activity a) {
        Div top = new Div(new Span(a.title()));
        top.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div bottom = new Div(new Span(Formats.dateTime(a.startsAt()) + " · " + heads(a) + " "), statusBadge(a));
        bottom.addClassNames(LumoUtility.FontSize.SMALL);
        Div cell = new Div(top, bottom);
        cell.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    private void refresh() {
        String s = status.getValue();
        String e = estate.getValue();
        grid.setItems(q -> service.list(s, e, text, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.count(s, e, text));
    }
}

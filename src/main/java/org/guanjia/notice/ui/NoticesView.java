package org.guanjia.notice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.Page;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.notice.Notice;
import org.guanjia.notice.NoticeFilter;
import org.guanjia.notice.NoticeService;

/**
 * Notices on the boards of the user's clusters. The morning filter "to take down today" lists
 * expired notices still up, each with a one-tap "taken down"; a tap on a row opens the notice.
 */
@Route("notices")
@Menu(title = "nav.notices", order = 49, icon = "vaadin:clipboard-text")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class NoticesView extends VerticalLayout {

    private final NoticeService service;
    private final Grid<Notice> grid = new Grid<>(Notice.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox dueOnly = new Checkbox();
    private final Checkbox upOnly = new Checkbox();
    private final NoticeDialog dialog;
    private String text = "";

    NoticesView(NoticeService service, EstateService estates) {
        this.service = service;
        setId("notices-view");
        setSizeFull();
        dialog = new NoticeDialog(service, n -> refresh());
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        add(toolbar(clusters), grid());
        dueOnly.setValue(!service.takeDownList(null).isEmpty());
        refresh();
    }

    private ListToolbar toolbar(List<String> clusters) {
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        dueOnly.setId("due-filter");
        dueOnly.setLabel(getTranslation("notice.dueToday"));
        dueOnly.addValueChangeListener(e -> refresh());
        upOnly.setId("up-filter");
        upOnly.setLabel(getTranslation("notice.upOnly"));
        upOnly.addValueChangeListener(e -> refresh());
        Button boards = new Button(getTranslation("notice.boards"), VaadinIcon.CLIPBOARD.create(),
                e -> UI.getCurrent().navigate(BoardsView.class));
        boards.setId("boards-button");
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, dueOnly, upOnly, boards);
        if (service.canWrite()) {
            bar.newButton("new-notice-button", dialog::openNew);
        }
        return bar;
    }

    private Grid<Notice> grid() {
        grid.setId("notices-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::titleCell).setHeader(getTranslation("notice.field.title")).setFlexGrow(3);
        var posted = grid.addColumn(n -> Formats.date(n.postedOn())).setHeader(getTranslation("notice.field.postedOn"))
                .setAutoWidth(true);
        var expires = grid.addColumn(n -> n.expiresOn() == null ? getTranslation("notice.noExpiry")
                : Formats.date(n.expiresOn())).setHeader(getTranslation("notice.field.expiresOn")).setAutoWidth(true);
        var boards = grid.addColumn(n -> String.join(", ", n.boardCodes())).setHeader(getTranslation("notice.field.boards"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::statusCell).setKey("action").setHeader(getTranslation("field.status")).setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.hideOnPhone(grid, List.of(posted, expires, boards));
        grid.addItemClickListener(e -> dialog.openEdit(e.getItem()));
        return grid;
    }

    private Component titleCell(Notice n) {
        Div title = new Div(new Span(n.title()));
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div meta = new Div(new Span(n.no() + " · " + Formats.date(n.postedOn()) + " → "
                + (n.expiresOn() == null ? getTranslation("notice.noExpiry") : Formats.date(n.expiresOn()))));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(title, meta);
    }

    private Component statusCell(Notice n) {
        if (n.isTakenDown()) {
            String by = n.takenDownByName() != null ? n.takenDownByName() : n.takenDownBy();
            return Badges.badge(getTranslation("notice.takenDownOn", Formats.date(n.takenDownOn()),
                    by == null ? "" : by), "contrast");
        }
        if (n.isDue(service.today()) && service.canWrite()) {
            Button down = new Button(getTranslation("notice.takeDown"), VaadinIcon.CHECK.create(), e -> takeDown(n));
            down.setId("take-down-" + n.no());
            down.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            return down;
        }
        return n.isDue(service.today()) ? Badges.badge(getTranslation("notice.expired"), "error")
                : Badges.badge(getTranslation("notice.up"), "success");
    }

    private void takeDown(Notice n) {
        try {
            service.takeDown(n.no());
            Notifications.saved();
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
        refresh();
    }

    private void refresh() {
        NoticeFilter filter = new NoticeFilter(clusterFilter.getValue(), dueOnly.getValue(), upOnly.getValue(), text);
        grid.setItems(query -> service.notices(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }
}

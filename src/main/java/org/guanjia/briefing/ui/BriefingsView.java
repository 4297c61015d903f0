package org.guanjia.briefing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
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
import org.guanjia.briefing.Briefing;
import org.guanjia.briefing.BriefingFilter;
import org.guanjia.briefing.BriefingService;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/**
 * The 9:30 morning briefings, newest first; "Today's briefing" opens (or begins) the day's
 * briefing of a cluster, and a tap opens a briefing with its items.
 */
@Route("briefings")
@Menu(title = "nav.briefings", order = 47, icon = "vaadin:coffee")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class BriefingsView extends VerticalLayout {

    private final BriefingService service;
    private final Grid<Briefing> grid = new Grid<>(Briefing.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox openOnly = new Checkbox();

    BriefingsView(BriefingService service, EstateService estates) {
        this.service = service;
        setId("briefings-view");
        setSizeFull();
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        add(toolbar(clusters), grid());
        refresh();
    }

    private ListToolbar toolbar(List<String> clusters) {
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        openOnly.setId("open-only");
        openOnly.setLabel(getTranslation("brief.openOnly"));
        openOnly.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> { }).filters(clusterFilter, openOnly);
        bar.search().setVisible(false);
        if (service.canWrite()) {
            bar.newButton("today-button", () -> today(clusters)).setText(getTranslation("brief.today"));
        }
        return bar;
    }

    /** Opens the day's briefing straight away for a butler of one cluster, else asks which. */
    private void today(List<String> clusters) {
        if (clusters.size() == 1) {
            open(clusters.get(0), null);
            return;
        }
        Dialog d = new Dialog();
        d.setId("today-dialog");
        d.setHeaderTitle(getTranslation("brief.today"));
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"), clusters);
        cluster.setId("briefing-cluster");
        cluster.setWidthFull();
        d.add(cluster);
        Button go = new Button(getTranslation("brief.open"), e -> open(cluster.getValue(), d));
        go.setId("save-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> d.close());
        d.getFooter().add(cancel, go);
        d.open();
    }

    private void open(String cluster, Dialog d) {
        try {
            Briefing b = service.today(cluster);
            if (d != null) {
                d.close();
            }
            UI.getCurrent().navigate("briefings/" + b.no());
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    private Grid<Briefing> grid() {
        grid.setId("briefings-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(b -> Formats.date(b.briefingOn())).setHeader(getTranslation("brief.field.day")).setAutoWidth(true);
        grid.addColumn(Briefing::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var held = grid.addColumn(b -> b.heldAt() == null ? "" : Formats.dateTime(b.heldAt()))
                .setHeader(getTranslation("brief.field.heldAt")).setAutoWidth(true);
        var chair = grid.addColumn(b -> b.staffName() != null ? b.staffName() : b.staffCode())
                .setHeader(getTranslation("brief.field.chair")).setAutoWidth(true);
        grid.addComponentColumn(b -> b.items() == 0 ? Badges.badge(getTranslation("brief.nothing"), "success")
                        : Badges.badge(getTranslation("brief.itemsCount", b.items(), b.openFollowUps()),
                        b.openFollowUps() > 0 ? "error" : "contrast"))
                .setHeader(getTranslation("brief.items")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(held, chair));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("briefings/" + e.getItem().no()));
        return grid;
    }

    private void refresh() {
        BriefingFilter filter = new BriefingFilter(clusterFilter.getValue(), null, null, openOnly.getValue());
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }
}

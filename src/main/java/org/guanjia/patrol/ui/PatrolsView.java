package org.guanjia.patrol.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.patrol.Patrol;
import org.guanjia.patrol.PatrolFilter;
import org.guanjia.patrol.PatrolService;

/**
 * Cluster patrols, newest first; "Start patrol" begins one (or carries on with the butler's
 * unfinished one) and a tap opens the patrol's checklist.
 */
@Route("patrols")
@Menu(title = "nav.patrols", order = 46, icon = "vaadin:road")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class PatrolsView extends VerticalLayout {

    private final PatrolService service;
    private final Grid<Patrol> grid = new Grid<>(Patrol.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox withFindings = new Checkbox();
    private String text = "";

    PatrolsView(PatrolService service, EstateService estates) {
        this.service = service;
        setId("patrols-view");
        setSizeFull();
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        add(toolbar(clusters), grid());
        refresh();
    }

    private ListToolbar toolbar(List<String> clusters) {
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        withFindings.setId("with-findings");
        withFindings.setLabel(getTranslation("patrol.withFindings"));
        withFindings.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, withFindings);
        if (service.canWalk()) {
            StartDialog start = new StartDialog(service, clusters,
                    p -> UI.getCurrent().navigate("patrols/" + p.no()));
            bar.newButton("start-patrol-button", start::open).setText(getTranslation("patrol.start"));
        }
        return bar;
    }

    private Grid<Patrol> grid() {
        grid.setId("patrols-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> Formats.date(p.patrolOn())).setHeader(getTranslation("patrol.field.date"))
                .setAutoWidth(true);
        var no = grid.addColumn(Patrol::no).setHeader(getTranslation("patrol.field.no")).setAutoWidth(true);
        var cluster = grid.addColumn(Patrol::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var butler = grid.addColumn(p -> p.staffName() != null ? p.staffName() : p.staffCode())
                .setHeader(getTranslation("patrol.field.butler")).setAutoWidth(true);
        var times = grid.addColumn(p -> Formats.dateTime(p.startedAt()))
                .setHeader(getTranslation("patrol.field.startedAt")).setAutoWidth(true);
        grid.addComponentColumn(p -> p.findings() == 0 ? Badges.badge(getTranslation("patrol.allOk"), "success")
                        : Badges.badge(getTranslation("patrol.findingsCount", p.findings(), p.openFollowUps()),
                        p.openFollowUps() > 0 ? "error" : "contrast"))
                .setHeader(getTranslation("patrol.findings")).setAutoWidth(true);
        grid.addComponentColumn(p -> Badges.badge(getTranslation(p.isFinished() ? "patrol.finished" : "patrol.inProgress"),
                        p.isFinished() ? "" : "warning"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, cluster, butler, times));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("patrols/" + e.getItem().no()));
        return grid;
    }

    private void refresh() {
        PatrolFilter filter = new PatrolFilter(clusterFilter.getValue(), null, null, withFindings.getValue(), text);
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }
}

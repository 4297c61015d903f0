package org.guanjia.followup.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.OpenParameter;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.followup.FollowUp;
import org.guanjia.followup.FollowUpFilter;
import org.guanjia.followup.FollowUpService;
import org.guanjia.staff.Department;
import org.guanjia.staff.StaffService;

/**
 * Follow-ups (跟进单) to departments, open ones first by default, filtered by cluster,
 * department and source; a tap opens the ticket to note progress, resolve it and record the
 * reply to the owner.
 */
@Route("follow-ups")
@Menu(title = "followup.nav", order = 41, icon = "vaadin:tasks")
@PermitAll
class FollowUpsView extends VerticalLayout implements BeforeEnterObserver {

    private final FollowUpService service;
    private final Clock clock;
    private final Grid<FollowUp> grid = new Grid<>(FollowUp.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final ComboBox<String> departmentFilter = new ComboBox<>();
    private final Select<String> sourceFilter = new Select<>();
    private final Checkbox openOnly = new Checkbox();
    private final FollowUpDialog dialog;
    private final Map<String, String> departments = new LinkedHashMap<>();
    private String text = "";

    FollowUpsView(FollowUpService service, EstateService estates, StaffService staff,
            CurrentUser user, Clock clock) {
        this.service = service;
        this.clock = clock;
        setId("follow-ups-view");
        setSizeFull();
        for (Department d : staff.departments()) {
            departments.put(d.code(), d.name());
        }
        boolean worker = List.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.SERVICE_DESK,
                Role.BUTLER).stream().anyMatch(user::hasRole);
        dialog = new FollowUpDialog(service, worker, this::refresh);
        add(toolbar(estates), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates) {
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        departmentFilter.setId("department-filter");
        departmentFilter.setPlaceholder(getTranslation("field.department"));
        departmentFilter.setItems(departments.keySet());
        departmentFilter.setItemLabelGenerator(c -> departments.getOrDefault(c, c));
        departmentFilter.setClearButtonVisible(true);
        departmentFilter.setWidth("11rem");
        departmentFilter.addValueChangeListener(e -> refresh());
        sourceFilter.setId("source-filter");
        sourceFilter.setPlaceholder(getTranslation("followup.source"));
        sourceFilter.setEmptySelectionAllowed(true);
        sourceFilter.setEmptySelectionCaption(getTranslation("followup.allSources"));
        sourceFilter.setItems(FollowUp.SOURCES);
        sourceFilter.setItemLabelGenerator(s -> s == null ? getTranslation("followup.allSources")
                : Formats.enumLabel("followup.source", s));
        sourceFilter.setWidth("11rem");
        sourceFilter.addValueChangeListener(e -> refresh());
        openOnly.setId("open-only");
        openOnly.setLabel(getTranslation("followup.openOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        return new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, departmentFilter, sourceFilter, openOnly);
    }

    private Grid<FollowUp> grid() {
        grid.setId("follow-ups-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var no = grid.addColumn(FollowUp::no).setHeader(getTranslation("followup.field.no"))
                .setAutoWidth(true);
        var raised = grid.addColumn(f -> Formats.dateTime(f.raisedAt()))
                .setHeader(getTranslation("followup.field.raisedAt")).setAutoWidth(true);
        grid.addColumn(f -> f.unitCode() != null ? f.unitCode() : f.clusterCode())
                .setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var dept = grid.addColumn(f -> f.departmentName() != null ? f.departmentName() : f.departmentCode())
                .setHeader(getTranslation("field.department")).setAutoWidth(true);
        var source = grid.addColumn(f -> Formats.enumLabel("followup.source", f.source()))
                .setHeader(getTranslation("followup.source")).setAutoWidth(true);
        grid.addColumn(FollowUp::description).setHeader(getTranslation("followup.field.description"))
                .setFlexGrow(3).setWidth("8rem");
        var due = grid.addComponentColumn(f -> f.dueOn() == null ? new Span()
                        : Badges.badge(Formats.date(f.dueOn()),
                                f.isOpen() && f.dueOn().isBefore(LocalDate.now(clock)) ? "error" : "contrast"))
                .setHeader(getTranslation("field.dueOn")).setAutoWidth(true);
        grid.addComponentColumn(f -> Badges.badge(Formats.enumLabel("followup.status", f.status()),
                        f.isOpen() ? "error" : "success"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, raised, dept, source, due));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    private void refresh() {
        FollowUpFilter filter = new FollowUpFilter(openOnly.getValue(), clusterFilter.getValue(),
                departmentFilter.getValue(), sourceFilter.getValue(), null, text);
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }

    /** {@code ?open=<number>} (links from the agenda) opens the record's dialog. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OpenParameter.of(event).flatMap(service::followUp).ifPresent(dialog::open);
    }
}

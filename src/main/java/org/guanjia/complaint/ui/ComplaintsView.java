package org.guanjia.complaint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ui.OpenParameter;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.complaint.Complaint;
import org.guanjia.complaint.ComplaintFilter;
import org.guanjia.complaint.ComplaintService;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;

/**
 * Complaints (投诉), newest first, with the time taken against the response and resolution
 * levels and late ones marked; a tap opens the complaint with its next workflow step.
 */
@Route("complaints")
@Menu(title = "complaint.nav", order = 42, icon = "vaadin:comments-o")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class ComplaintsView extends VerticalLayout implements BeforeEnterObserver {

    private final ComplaintService service;
    private final Grid<Complaint> grid = new Grid<>(Complaint.class, false);
    private final Select<String> statusFilter = new Select<>();
    private final Select<String> categoryFilter = new Select<>();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox breachedOnly = new Checkbox();
    private final ComplaintDialog dialog;
    private final IntakeDialog intake;
    private String text = "";

    ComplaintsView(ComplaintService service, EstateService estates, StaffService staff,
            CurrentUser user) {
        this.service = service;
        setId("complaints-view");
        setSizeFull();
        dialog = new ComplaintDialog(service, staff, this::refresh);
        intake = new IntakeDialog(service, estates, c -> {
            refresh();
            dialog.open(c);
        });
        add(toolbar(estates, user), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates, CurrentUser user) {
        statusFilter.setId("status-filter");
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("complaint.allStatuses"));
        statusFilter.setItems(Complaint.STATUSES);
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("complaint.allStatuses")
                : Formats.enumLabel("complaint.status", s));
        statusFilter.setWidth("10rem");
        statusFilter.addValueChangeListener(e -> refresh());
        categoryFilter.setId("category-filter");
        categoryFilter.setEmptySelectionAllowed(true);
        categoryFilter.setEmptySelectionCaption(getTranslation("complaint.allCategories"));
        categoryFilter.setItems(Complaint.CATEGORIES);
        categoryFilter.setItemLabelGenerator(s -> s == null ? getTranslation("complaint.allCategories")
                : Formats.enumLabel("complaint.category", s));
        categoryFilter.setWidth("10rem");
        categoryFilter.addValueChangeListener(e -> refresh());
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        breachedOnly.setId("breached-only");
        breachedOnly.setLabel(getTranslation("complaint.breachedOnly"));
        breachedOnly.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(statusFilter, categoryFilter, clusterFilter, breachedOnly);
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER)) {
            Button levels = new Button(getTranslation("complaint.levels"), VaadinIcon.TIMER.create(),
                    e -> new ServiceLevelsDialog(service).open());
            levels.setId("levels-button");
            bar.filters(levels);
        }
        bar.newButton("new-complaint-button", intake::openNew);
        return bar;
    }

    private Grid<Complaint> grid() {
        grid.setId("complaints-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var no = grid.addColumn(Complaint::no).setHeader(getTranslation("complaint.field.no"))
                .setAutoWidth(true);
        var received = grid.addColumn(c -> Formats.dateTime(c.receivedAt()))
                .setHeader(getTranslation("complaint.field.receivedAt")).setAutoWidth(true);
        grid.addColumn(Complaint::unitCode).setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var category = grid.addColumn(c -> Formats.enumLabel("complaint.category", c.category()))
                .setHeader(getTranslation("complaint.field.category")).setAutoWidth(true);
        var description = grid.addColumn(Complaint::description)
                .setHeader(getTranslation("complaint.field.description")).setFlexGrow(3).setWidth("8rem");
        grid.addComponentColumn(this::levels).setHeader(getTranslation("complaint.field.response")
                + " / " + getTranslation("complaint.field.resolution")).setAutoWidth(true);
        grid.addComponentColumn(c -> Badges.badge(Formats.enumLabel("complaint.status", c.status()),
                        c.isOpen() ? "" : "success"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, received, category, description));
        grid.addItemClickListener(e -> dialog.open(e.getItem()));
        return grid;
    }

    /** Elapsed time against both levels; red when late, grey while still running. */
    private Component levels(Complaint c) {
        LocalDateTime now = service.now();
        Span response = Badges.badge(ComplaintFormat.minutes(c.responseElapsed(now), c.responseMinutes()),
                c.responseBreached(now) ? "error" : c.firstResponseAt() == null ? "contrast" : "success");
        response.setId("response-" + c.no());
        Span resolution = Badges.badge(ComplaintFormat.hours(c.resolutionElapsed(now), c.resolutionHours()),
                c.resolutionBreached(now) ? "error" : c.resolvedAt() == null ? "contrast" : "success");
        resolution.setId("resolution-" + c.no());
        Div d = new Div(response, resolution);
        // stacked, so the column stays narrow enough for the status beside it on a phone
        d.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.AlignItems.START, LumoUtility.Gap.XSMALL, LumoUtility.Padding.Vertical.XSMALL);
        return d;
    }

    private void refresh() {
        ComplaintFilter filter = new ComplaintFilter(statusFilter.getValue(), categoryFilter.getValue(),
                clusterFilter.getValue(), breachedOnly.getValue(), text);
        grid.setItems(query -> service.list(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
    }

    /** Durations as the badges show them. */
    static final class ComplaintFormat {

        private ComplaintFormat() {
        }

        static String minutes(Duration elapsed, int level) {
            var ui = com.vaadin.flow.component.UI.getCurrent();
            return ui.getTranslation("complaint.field.elapsed",
                    ui.getTranslation("complaint.minutes", Formats.integer(elapsed.toMinutes())),
                    ui.getTranslation("complaint.minutes", level));
        }

        static String hours(Duration elapsed, int level) {
            var ui = com.vaadin.flow.component.UI.getCurrent();
            String h = Formats.decimal(java.math.BigDecimal.valueOf(elapsed.toMinutes())
                    .divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP), 1);
            return ui.getTranslation("complaint.field.elapsed", ui.getTranslation("complaint.hours", h),
                    ui.getTranslation("complaint.hours", level));
        }
    }

    /** {@code ?open=<number>} (links from the agenda) opens the record's dialog. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OpenParameter.of(event).flatMap(service::complaint).ifPresent(dialog::open);
    }
}

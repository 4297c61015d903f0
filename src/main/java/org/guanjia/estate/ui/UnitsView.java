package org.guanjia.estate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.Sort;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Building;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitFilter;
import org.guanjia.estate.UnitRow;
import org.guanjia.estate.UnitStatus;

/** Units (户): a lazily loaded, filterable list; the dialog shows the status history. */
@Route("units")
@Menu(title = "nav.units", order = 13, icon = "vaadin:home-o")
@PermitAll
class UnitsView extends VerticalLayout {

    private final EstateService service;
    private final Clock clock;
    private final boolean editor;
    private final boolean statusEditor;
    private final Grid<UnitRow> grid = new Grid<>(UnitRow.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final ComboBox<String> buildingFilter = new ComboBox<>();
    private final Select<String> statusFilter = new Select<>();
    private final TextField code = new TextField();
    private final Grid<UnitStatus> history = new Grid<>(UnitStatus.class, false);
    private final EditDialog<Unit> dialog;
    private final HorizontalLayout addStatus = new HorizontalLayout();
    private String text = "";
    private String currentUnit;

    UnitsView(EstateService service, CurrentUser user, Clock clock) {
        this.service = service;
        this.clock = clock;
        setId("units-view");
        setSizeFull();
        editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER);
        statusEditor = editor || user.hasRole(Role.SERVICE_DESK);
        dialog = unitDialog();
        add(toolbar(), grid());
        refresh();
    }

    private ListToolbar toolbar() {
        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setItems(service.clusters().stream().map(Cluster::code).toList());
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.setId("cluster-filter");
        clusterFilter.setWidth("9rem");
        clusterFilter.addValueChangeListener(e -> {
            buildingFilter.clear();
            buildingFilter.setItems(service.buildings(e.getValue()).stream().map(Building::code).toList());
            refresh();
        });
        buildingFilter.setPlaceholder(getTranslation("field.building"));
        buildingFilter.setItems(service.buildings(null).stream().map(Building::code).toList());
        buildingFilter.setClearButtonVisible(true);
        buildingFilter.setId("building-filter");
        buildingFilter.setWidth("9rem");
        buildingFilter.addValueChangeListener(e -> refresh());
        statusFilter.setId("status-filter");
        statusFilter.setPlaceholder(getTranslation("field.status"));
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("common.all"));
        statusFilter.setItems(UnitStatus.STATUSES);
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("common.all")
                : Formats.enumLabel("status", s));
        statusFilter.setWidth("9rem");
        statusFilter.addValueChangeListener(e -> refresh());
        ListToolbar toolbar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, buildingFilter, statusFilter);
        if (editor) {
            toolbar.newButton("new-button", () -> edit(new Unit(null, buildingFilter.getValue(), null,
                    null, null, "residential", null), true));
        }
        return toolbar;
    }

    private Grid<UnitRow> grid() {
        grid.setId("units-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addColumn(UnitRow::code).setHeader(getTranslation("field.code")).setKey("code")
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        var building = grid.addColumn(UnitRow::buildingCode).setHeader(getTranslation("field.building"))
                .setKey("buildingCode").setSortable(true).setAutoWidth(true);
        var cluster = grid.addColumn(UnitRow::clusterCode).setHeader(getTranslation("field.cluster"))
                .setKey("clusterCode").setSortable(true).setAutoWidth(true);
        var floor = grid.addColumn(UnitRow::floor).setHeader(getTranslation("field.floor"))
                .setKey("floor").setSortable(true);
        var room = grid.addColumn(UnitRow::room).setHeader(getTranslation("field.room")).setKey("room");
        var area = grid.addColumn(u -> Formats.decimal(u.areaSqm(), 2)).setHeader(getTranslation("field.areaSqm"))
                .setKey("areaSqm").setSortable(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        var delivered = grid.addColumn(u -> Formats.date(u.deliveredOn()))
                .setHeader(getTranslation("field.deliveredOn")).setKey("deliveredOn").setSortable(true)
                .setAutoWidth(true);
        grid.addComponentColumn(u -> Badges.badge(u.status() == null ? getTranslation("status.undelivered")
                        : Formats.enumLabel("status", u.status()), theme(u.status())))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        var owner = grid.addColumn(UnitRow::ownerName).setHeader(getTranslation("field.owner"))
                .setFlexGrow(1);
        Responsive.hideOnPhone(grid, List.of(building, cluster, floor, room, area, delivered, owner));
        grid.addItemClickListener(e -> edit(e.getItem().unit(), false));
        return grid;
    }

    private static String theme(String status) {
        if (status == null) {
            return "contrast";
        }
        return switch (status) {
            case "occupied" -> "success";
            case "vacant" -> "error";
            default -> "";
        };
    }

    private EditDialog<Unit> unitDialog() {
        code.setLabel(getTranslation("field.code"));
        code.setId("code-field");
        ComboBox<String> building = new ComboBox<>(getTranslation("field.building"));
        building.setItems(service.buildings(null).stream().map(Building::code).toList());
        building.setId("building-field");
        IntegerField floor = new IntegerField(getTranslation("field.floor"));
        TextField room = new TextField(getTranslation("field.room"));
        BigDecimalField area = new BigDecimalField(getTranslation("field.areaSqm"));
        area.setId("area-field");
        Select<String> type = new Select<>();
        type.setLabel(getTranslation("field.unitType"));
        type.setItems(Unit.TYPES);
        type.setItemLabelGenerator(t -> Formats.enumLabel("unitType", t));
        DatePicker delivered = new DatePicker(getTranslation("field.deliveredOn"));
        Binder<Unit> binder = new Binder<>(Unit.class);
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(building).asRequired(getTranslation("validation.required")).bind("buildingCode");
        binder.forField(floor).bind("floor");
        binder.forField(room).bind("room");
        binder.forField(area).asRequired(getTranslation("validation.required"))
                .withValidator(a -> a.signum() > 0, getTranslation("validation.positive"))
                .withValidator(a -> a.stripTrailingZeros().scale() <= 2, getTranslation("validation.decimals", 2))
                .bind("areaSqm");
        binder.forField(type).bind("unitType");
        binder.forField(delivered).bind("deliveredOn");
        EditDialog<Unit> d = new EditDialog<>("unit", binder,
                new FormLayout(code, building, floor, room, area, type, delivered),
                (u, isNew) -> service.saveUnit(u, isNew, null), saved -> refresh());
        d.setEditable(editor);
        d.addBelow(statusSection());
        return d;
    }

    private VerticalLayout statusSection() {
        history.setId("status-history");
        history.setAllRowsVisible(true);
        history.addColumn(s -> Formats.date(s.fromDate())).setHeader(getTranslation("field.fromDate"))
                .setAutoWidth(true);
        history.addColumn(s -> Formats.enumLabel("status", s.status())).setHeader(getTranslation("field.status"));
        history.addColumn(UnitStatus::note).setHeader(getTranslation("field.note")).setFlexGrow(1);
        DatePicker from = new DatePicker(getTranslation("field.fromDate"));
        from.setValue(LocalDate.now(clock));
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("field.status"));
        status.setItems(UnitStatus.STATUSES);
        status.setItemLabelGenerator(s -> Formats.enumLabel("status", s));
        status.setId("new-status");
        Button add = new Button(getTranslation("unit.addStatus"), e -> {
            try {
                service.saveStatus(new UnitStatus(currentUnit, from.getValue(), status.getValue(), null));
                history.setItems(service.statusHistory(currentUnit));
                Notifications.saved();
                refresh();
            } catch (ValidationException ex) {
                var p = ex.problems().get(0);
                Notifications.error("common.fieldError", getTranslation("field." + p.field()),
                        getTranslation(p.messageKey(), p.args().toArray()));
            } catch (org.guanjia.base.AccessDeniedException ex) {
                Notifications.error(ex.messageKey(), ex.args());
            }
        });
        add.setId("add-status-button");
        addStatus.add(from, status, add);
        addStatus.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        addStatus.setWrap(true);
        addStatus.setVisible(statusEditor);
        Button ledger = new Button(getTranslation("unit.ledger"), e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate("ledger/" + currentUnit));
        });
        ledger.setId("ledger-button");
        VerticalLayout section = new VerticalLayout(ledger, new H3(getTranslation("unit.statusHistory")),
                history, addStatus);
        section.setPadding(false);
        return section;
    }

    private void edit(Unit u, boolean isNew) {
        code.setReadOnly(!isNew);
        currentUnit = u.code();
        history.setItems(isNew ? List.of() : service.statusHistory(u.code()));
        history.getParent().ifPresent(p -> p.setVisible(!isNew));
        dialog.open(getTranslation(isNew ? "unit.new" : "unit.edit"), u, isNew);
    }

    private void refresh() {
        UnitFilter filter = new UnitFilter(text, null, clusterFilter.getValue(),
                buildingFilter.getValue(), statusFilter.getValue());
        grid.setItems(query -> {
            List<Sort> sort = query.getSortOrders().stream()
                    .map(o -> new Sort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                    .toList();
            return service.units(filter, new Page(query.getOffset(), query.getLimit()), sort).stream();
        }, query -> service.countUnits(filter));
    }
}

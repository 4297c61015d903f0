package org.guanjia.notice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.notice.Facility;
import org.guanjia.notice.NoticeService;

/**
 * Recreation and sports facilities of the user's clusters with their latest check; "Check"
 * records today's check (a problem becomes a follow-up). Supervisors and managers add and
 * change facilities.
 */
@Route("facilities")
@Menu(title = "nav.facilities", order = 49.5, icon = "vaadin:child")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class FacilitiesView extends VerticalLayout {

    private final NoticeService service;
    private final Grid<Facility> grid = new Grid<>(Facility.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final CheckDialog checkDialog;
    private final EditDialog<Facility> editDialog;
    private String text = "";

    FacilitiesView(NoticeService service, EstateService estates) {
        this.service = service;
        setId("facilities-view");
        setSizeFull();
        checkDialog = new CheckDialog(service, this::refresh);
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        editDialog = editDialog(clusters);
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter);
        if (service.canSetUp()) {
            bar.newButton("new-facility-button", () -> editDialog.open(getTranslation("notice.facility.new"),
                    new Facility(null, clusterFilter.getValue(), null, "playground", true, null, null), true));
        }
        add(bar, grid());
        refresh();
    }

    private Grid<Facility> grid() {
        grid.setId("facilities-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("field.name")).setFlexGrow(3);
        var cluster = grid.addColumn(Facility::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var kind = grid.addColumn(f -> Formats.enumLabel("notice.facilityKind", f.kind()))
                .setHeader(getTranslation("notice.field.kind")).setAutoWidth(true);
        grid.addComponentColumn(this::lastCheck).setHeader(getTranslation("notice.check.last")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("action").setAutoWidth(true).setFlexGrow(0);
        Responsive.hideOnPhone(grid, List.of(cluster, kind));
        return grid;
    }

    private Component nameCell(Facility f) {
        Div name = new Div(new Span(f.name()));
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div meta = new Div(new Span(f.code() + " · " + f.clusterCode()));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(name, meta);
    }

    private Component lastCheck(Facility f) {
        if (f.lastCheckedOn() == null) {
            return Badges.badge(getTranslation("notice.check.never"), "contrast");
        }
        return Badges.badge(Formats.date(f.lastCheckedOn()) + " · " + getTranslation(Boolean.TRUE.equals(f.lastCheckOk())
                ? "notice.check.ok" : "notice.check.problem"), Boolean.TRUE.equals(f.lastCheckOk()) ? "success" : "error");
    }

    private Component actions(Facility f) {
        Div d = new Div();
        Button check = new Button(getTranslation("notice.check.button"), VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> checkDialog.open(f));
        check.setId("check-" + f.code());
        check.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        check.setEnabled(f.active());
        d.add(check);
        if (service.canSetUp()) {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> editDialog.open(
                    getTranslation("notice.facility.edit", f.code()), f, false));
            edit.setId("edit-" + f.code());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("aria-label", getTranslation("notice.facility.edit", f.code()));
            d.add(edit);
        }
        return d;
    }

    private EditDialog<Facility> editDialog(List<String> clusters) {
        Binder<Facility> binder = new Binder<>(Facility.class);
        TextField code = new TextField(getTranslation("field.code"));
        code.setId("code-field");
        code.setMaxLength(32);
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"));
        cluster.setId("cluster-field");
        cluster.setItems(clusters);
        TextField name = new TextField(getTranslation("field.name"));
        name.setId("name-field");
        name.setMaxLength(200);
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("notice.field.kind"));
        kind.setId("kind-field");
        kind.setItems(Facility.KINDS);
        kind.setItemLabelGenerator(k -> Formats.enumLabel("notice.facilityKind", k));
        Checkbox active = new Checkbox(getTranslation("field.active"));
        active.setId("active-field");
        binder.forField(code).asRequired(getTranslation("validation.required")).bind("code");
        binder.forField(cluster).asRequired(getTranslation("validation.required")).bind("clusterCode");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(kind).asRequired(getTranslation("validation.required")).bind("kind");
        binder.forField(active).bind("active");
        return new EditDialog<>("facility", binder, new FormLayout(code, cluster, name, kind, active),
                (f, isNew) -> service.saveFacility(f, isNew), f -> refresh()) {
            @Override
            public void open(String title, Facility record, boolean isNew) {
                code.setReadOnly(!isNew);
                super.open(title, record, isNew);
            }
        };
    }

    private void refresh() {
        grid.setItems(service.facilities(clusterFilter.getValue(), text));
    }
}

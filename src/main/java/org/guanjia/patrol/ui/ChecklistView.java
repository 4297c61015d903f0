package org.guanjia.patrol.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.patrol.ChecklistItem;
import org.guanjia.patrol.PatrolChecklistService;

/**
 * The patrol checklist for administrators and managers: add items (company-wide or for one
 * cluster), rename them in the three languages, move them up and down, deactivate them. An item
 * a patrol used cannot be deleted, only deactivated.
 */
@Route("patrol-checklist")
@Menu(title = "nav.patrolChecklist", order = 89, icon = "vaadin:check-square-o")
@RolesAllowed({"ADMIN", "MANAGER"})
class ChecklistView extends VerticalLayout {

    private final PatrolChecklistService service;
    private final Grid<ChecklistItem> grid = new Grid<>(ChecklistItem.class, false);
    private final EditDialog<ItemForm> dialog;
    private final TextField code = new TextField();
    private final Button delete = new Button();
    private String text = "";

    ChecklistView(PatrolChecklistService service, EstateService estates) {
        this.service = service;
        setId("checklist-view");
        setSizeFull();
        dialog = dialog(estates.clusters().stream().map(Cluster::code).toList());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        });
        bar.newButton("new-item-button", () -> open(new ChecklistItem(null, null, null, null, null, null, 0, false,
                null, true), true));
        add(bar, grid());
        refresh();
    }

    private EditDialog<ItemForm> dialog(List<String> clusters) {
        code.setLabel(getTranslation("patrol.checklist.field.code"));
        code.setId("item-code");
        code.setHelperText(getTranslation("patrol.checklist.codeHelp"));
        TextField labelZhCn = new TextField(getTranslation("patrol.checklist.field.labelZhCn"));
        labelZhCn.setId("item-label-zh-cn");
        TextField labelZhTw = new TextField(getTranslation("patrol.checklist.field.labelZhTw"));
        labelZhTw.setId("item-label-zh-tw");
        TextField labelEn = new TextField(getTranslation("patrol.checklist.field.labelEn"));
        labelEn.setId("item-label-en");
        Select<String> category = new Select<>();
        category.setId("item-category");
        category.setLabel(getTranslation("patrol.checklist.field.category"));
        category.setItems(ChecklistItem.CATEGORIES);
        category.setItemLabelGenerator(c -> Formats.enumLabel("patrol.category", c));
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"), clusters);
        cluster.setId("item-cluster");
        cluster.setClearButtonVisible(true);
        cluster.setHelperText(getTranslation("patrol.checklist.clusterHelp"));
        Select<String> department = new Select<>();
        department.setId("item-department-kind");
        department.setLabel(getTranslation("patrol.checklist.field.departmentKind"));
        department.setItems(PatrolChecklistService.DEPARTMENT_KINDS);
        department.setItemLabelGenerator(k -> k == null ? "" : Formats.enumLabel("patrol.departmentKind", k));
        department.setEmptySelectionAllowed(true);
        IntegerField order = new IntegerField(getTranslation("patrol.checklist.field.sortOrder"));
        order.setId("item-order");
        Checkbox needsUnit = new Checkbox(getTranslation("patrol.checklist.field.needsUnit"));
        needsUnit.setId("item-needs-unit");
        Checkbox active = new Checkbox(getTranslation("patrol.checklist.field.active"));
        active.setId("item-active");
        FormLayout form = new FormLayout(code, category, labelZhCn, labelZhTw, labelEn, cluster, department, order,
                needsUnit, active);
        Binder<ItemForm> binder = new Binder<>(ItemForm.class);
        String required = getTranslation("validation.required");
        binder.forField(code).asRequired(required).bind("code");
        binder.forField(category).asRequired(required).bind("category");
        binder.forField(labelZhCn).asRequired(required).bind("labelZhCn");
        binder.forField(labelZhTw).asRequired(required).bind("labelZhTw");
        binder.forField(labelEn).asRequired(required).bind("labelEn");
        binder.forField(cluster).bind("clusterCode");
        binder.forField(department).bind("departmentKind");
        binder.forField(order).bind("sortOrder");
        binder.forField(needsUnit).bind("needsUnit");
        binder.forField(active).bind("active");
        EditDialog<ItemForm> d = new EditDialog<>("checklist-item", binder, form,
                (f, isNew) -> ItemForm.of(service.save(f.toItem(), isNew)), saved -> refresh());
        delete.setText(getTranslation("patrol.checklist.delete"));
        delete.setId("delete-button");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> delete());
        d.getFooter().addComponentAsFirst(delete);
        return d;
    }

    private void open(ChecklistItem item, boolean isNew) {
        code.setReadOnly(!isNew);
        delete.setVisible(!isNew && !service.inUse(item.code()));
        dialog.open(getTranslation(isNew ? "patrol.checklist.new" : "patrol.checklist.edit"), ItemForm.of(item), isNew);
    }

    private void delete() {
        try {
            service.delete(code.getValue());
            dialog.close();
            Notifications.saved();
            refresh();
        } catch (ValidationException e) {
            var p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        }
    }

    private Grid<ChecklistItem> grid() {
        grid.setId("checklist-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(this::moveButtons).setHeader(getTranslation("patrol.checklist.order"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.label(getLocale())).setHeader(getTranslation("patrol.checklist.field.label"))
                .setFlexGrow(3).setWidth("10rem");
        var codeCol = grid.addColumn(ChecklistItem::code).setHeader(getTranslation("patrol.checklist.field.code"))
                .setAutoWidth(true);
        var cat = grid.addColumn(i -> Formats.enumLabel("patrol.category", i.category()))
                .setHeader(getTranslation("patrol.checklist.field.category")).setAutoWidth(true);
        var cluster = grid.addColumn(i -> i.clusterCode() == null ? getTranslation("patrol.checklist.allClusters")
                : i.clusterCode()).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        grid.addComponentColumn(i -> Badges.badge(getTranslation(i.active() ? "patrol.checklist.active"
                        : "patrol.checklist.inactive"), i.active() ? "success" : "contrast"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(codeCol, cat, cluster));
        grid.addItemClickListener(e -> open(e.getItem(), false));
        return grid;
    }

    private HorizontalLayout moveButtons(ChecklistItem i) {
        Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(i, -1));
        up.setId("up-" + i.code());
        up.setAriaLabel(getTranslation("patrol.checklist.up"));
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(i, 1));
        down.setId("down-" + i.code());
        down.setAriaLabel(getTranslation("patrol.checklist.down"));
        up.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        down.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout h = new HorizontalLayout(up, down);
        h.setSpacing(false);
        return h;
    }

    private void move(ChecklistItem i, int direction) {
        service.move(i.code(), direction);
        refresh();
    }

    private void refresh() {
        String t = text == null ? "" : text.trim().toLowerCase();
        grid.setItems(service.all().stream().filter(i -> t.isEmpty() || i.code().contains(t)
                || i.labelEn().toLowerCase().contains(t) || i.labelZhCn().contains(t) || i.labelZhTw().contains(t))
                .toList());
    }
}

package org.guanjia.workplan.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.workplan.Period;
import org.guanjia.workplan.WorkPlan;
import org.guanjia.workplan.WorkPlanFilter;
import org.guanjia.workplan.WorkPlanService;

/**
 * The plans and summaries (F11): a butler's own, or for supervisors all of them with a "to
 * review" switch; filters by kind, period type and status; "new draft" makes the draft of a
 * period from its records and opens it in the editor.
 */
@Route("work-plans")
@Menu(title = "nav.workPlans", order = 53, icon = "vaadin:notebook")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class WorkPlansView extends VerticalLayout {

    private final WorkPlanService service;
    private final boolean butler;
    private final Grid<WorkPlan> grid = new Grid<>(WorkPlan.class, false);
    private final Select<String> kind = new Select<>();
    private final Select<String> grain = new Select<>();
    private final Select<String> status = new Select<>();
    private final Checkbox toReview = new Checkbox();

    WorkPlansView(WorkPlanService service, EstateService estates, CurrentUser user) {
        this.service = service;
        this.butler = user.hasRole(Role.BUTLER);
        setId("work-plans-view");
        setSizeFull();
        H2 title = new H2(getTranslation("plan.title"));
        title.addClassNames(LumoUtility.FontSize.XLARGE);
        add(title, toolbar(estates), grid());
        refresh();
    }

    private FlexLayout toolbar(EstateService estates) {
        filter(kind, "kind-filter", WorkPlan.KINDS, "plan.kind", "plan.allKinds");
        filter(grain, "grain-filter", WorkPlan.GRAINS, "plan.grain", "plan.allGrains");
        filter(status, "status-filter", WorkPlan.STATUSES, "plan.status", "plan.allStatuses");
        toReview.setId("to-review");
        toReview.setLabel(getTranslation("plan.toReview"));
        toReview.setVisible(service.canReview());
        toReview.addValueChangeListener(e -> {
            status.setEnabled(!e.getValue());
            refresh();
        });
        Button create = new Button(getTranslation("plan.new"), VaadinIcon.PLUS.create());
        create.setId("new-plan-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> newDraft(estates));
        FlexLayout bar = new FlexLayout(create, kind, grain, status, toReview);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        bar.setWidthFull();
        return bar;
    }

    private void filter(Select<String> s, String id, List<String> values, String prefix, String all) {
        s.setId(id);
        s.setEmptySelectionAllowed(true);
        s.setEmptySelectionCaption(getTranslation(all));
        s.setItems(values);
        s.setItemLabelGenerator(v -> v == null ? getTranslation(all) : getTranslation(prefix + "." + v));
        s.setWidth("9rem");
        s.addValueChangeListener(e -> refresh());
    }

    private Grid<WorkPlan> grid() {
        grid.setId("work-plans-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> new Period(p.grain(), p.periodStart(), p.periodEnd()).label())
                .setHeader(getTranslation("plan.field.period")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> getTranslation("plan.grain." + p.grain()) + " "
                        + getTranslation("plan.kind." + p.kind()))
                .setHeader(getTranslation("plan.field.kind")).setAutoWidth(true);
        var who = grid.addColumn(p -> p.staffName() != null ? p.staffName() : p.clusterCode())
                .setHeader(getTranslation("plan.field.butler")).setAutoWidth(true);
        who.setVisible(!butler);
        var cluster = grid.addColumn(WorkPlan::clusterCode)
                .setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        var no = grid.addColumn(WorkPlan::no).setHeader(getTranslation("plan.field.no")).setAutoWidth(true);
        grid.addComponentColumn(p -> Badges.badge(getTranslation("plan.status." + p.status()),
                        switch (p.status()) {
                            case "approved" -> "success";
                            case "returned" -> "error";
                            case "submitted" -> "";
                            default -> "contrast";
                        }))
                .setHeader(getTranslation("plan.field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(cluster, no));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("work-plans/" + e.getItem().no()));
        grid.setEmptyStateText(getTranslation("plan.empty"));
        return grid;
    }

    private void refresh() {
        WorkPlanFilter f = toReview.getValue() ? new WorkPlanFilter(kind.getValue(), grain.getValue(),
                "submitted", null, false)
                : new WorkPlanFilter(kind.getValue(), grain.getValue(), status.getValue(), null, false);
        grid.setItems(q -> service.list(f, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.count(f));
    }

    /** Kind, period type, a day of the period (and the cluster, for a cluster plan) → the draft. */
    private void newDraft(EstateService estates) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("plan.newTitle"));
        d.setId("new-plan-dialog");
        Select<String> k = new Select<>();
        k.setId("new-kind");
        k.setLabel(getTranslation("plan.field.kind"));
        k.setItems(WorkPlan.KINDS);
        k.setItemLabelGenerator(v -> getTranslation("plan.kind." + v));
        k.setValue("summary");
        Select<String> g = new Select<>();
        g.setId("new-grain");
        g.setLabel(getTranslation("plan.field.grain"));
        g.setItems(WorkPlan.GRAINS);
        g.setItemLabelGenerator(v -> getTranslation("plan.grain." + v));
        g.setValue("week");
        DatePicker day = new DatePicker(getTranslation("plan.field.day"));
        day.setId("new-day");
        day.setValue(service.today());
        ComboBox<String> cluster = new ComboBox<>(getTranslation("field.cluster"));
        cluster.setId("new-cluster");
        cluster.setVisible(!butler);
        if (!butler) {
            cluster.setItems(estates.clusters().stream().map(Cluster::code).toList());
        }
        // a changed choice clears the previous refusal
        k.addValueChangeListener(e -> day.setInvalid(false));
        g.addValueChangeListener(e -> day.setInvalid(false));
        day.addValueChangeListener(e -> day.setInvalid(false));
        cluster.addValueChangeListener(e -> cluster.setInvalid(false));
        FormLayout form = new FormLayout(k, g, day, cluster);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("500px", 2));
        d.add(form);
        Button ok = new Button(getTranslation("plan.create"), e -> {
            try {
                WorkPlan p = service.createDraft(k.getValue(), g.getValue(), day.getValue(),
                        cluster.getValue(), UI.getCurrent().getLocale());
                d.close();
                UI.getCurrent().navigate("work-plans/" + p.no());
            } catch (ValidationException ex) {
                for (ValidationException.Problem pr : ex.problems()) {
                    String msg = getTranslation(pr.messageKey(), pr.args().toArray());
                    switch (pr.field()) {
                        case "cluster" -> {
                            cluster.setErrorMessage(msg);
                            cluster.setInvalid(true);
                        }
                        default -> {
                            day.setErrorMessage(msg);
                            day.setInvalid(true);
                        }
                    }
                }
            } catch (AccessDeniedException ex) {
                Notifications.error("error.forbidden");
            }
        });
        ok.setId("create-plan-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> d.close());
        d.getFooter().add(cancel, ok);
        d.open();
    }
}

package org.guanjia.visit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.ui.UnitPicker;
import org.guanjia.visit.NewVisitPlan;
import org.guanjia.visit.VisitPlan;
import org.guanjia.visit.VisitService;

/** Visits by appointment: planned ones soonest first (overdue marked), recorded as done or cancelled. */
class PlanList extends VerticalLayout {

    /** What the plan form edits; the staff is the signed-in butler. */
    public record PlanDraft(String unitCode, LocalDate plannedOn, String topic) {
    }

    /** The reason a plan is cancelled. */
    public record Cancellation(String note) {
    }

    private final VisitService service;
    private final VisitForm form;
    private final Grid<VisitPlan> grid = new Grid<>(VisitPlan.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Checkbox openOnly = new Checkbox();
    private final EditDialog<PlanDraft> planForm;
    private final EditDialog<Cancellation> cancelForm;
    private final Dialog detail = new Dialog();
    private VisitPlan current;
    private String text = "";

    PlanList(VisitService service, EstateService estates, VisitForm form) {
        this.service = service;
        this.form = form;
        setId("plan-list");
        setSizeFull();
        setPadding(false);
        planForm = planForm(estates);
        cancelForm = cancelForm();
        detail.setId("plan-dialog");
        detail.setWidth("min(32rem, 100vw)");
        add(toolbar(estates), grid());
        refresh();
    }

    private ListToolbar toolbar(EstateService estates) {
        ListToolbar.clusterFilter(clusterFilter, "plan-cluster-filter",
                estates.clusters().stream().map(Cluster::code).toList(), this::refresh);
        openOnly.setId("plans-open-only");
        openOnly.setLabel(getTranslation("visit.plansOpenOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, openOnly);
        bar.search().setId("plan-search-field");
        if (service.canWrite()) {
            bar.newButton("new-plan-button", () -> planForm.open(getTranslation("visit.newPlan"),
                    new PlanDraft(null, service.today().plusDays(1), null), true));
        }
        return bar;
    }

    private Grid<VisitPlan> grid() {
        grid.setId("plans-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        var no = grid.addColumn(VisitPlan::no).setHeader(getTranslation("visit.field.planNo")).setAutoWidth(true);
        grid.addComponentColumn(p -> Badges.badge(Formats.date(p.plannedOn()),
                        p.overdue(service.today()) ? "error" : "contrast"))
                .setHeader(getTranslation("visit.field.plannedOn")).setAutoWidth(true);
        grid.addColumn(p -> p.ownerName() == null ? p.unitCode() : p.unitCode() + " · " + p.ownerName())
                .setHeader(getTranslation("field.unit")).setAutoWidth(true);
        var staff = grid.addColumn(p -> p.staffName() != null ? p.staffName() : p.staffCode())
                .setHeader(getTranslation("visit.field.staff")).setAutoWidth(true);
        var topic = grid.addColumn(VisitPlan::topic).setHeader(getTranslation("visit.field.topic"))
                .setFlexGrow(3).setWidth("8rem");
        var status = grid.addComponentColumn(p -> Badges.badge(Formats.enumLabel("visit.planStatus", p.status()),
                        p.isOpen() ? "" : "done".equals(p.status()) ? "success" : "contrast"))
                .setHeader(getTranslation("field.status")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, staff, topic, status));
        grid.addItemClickListener(e -> open(e.getItem()));
        return grid;
    }

    private void open(VisitPlan p) {
        current = p;
        detail.removeAll();
        detail.getFooter().removeAll();
        detail.setHeaderTitle(getTranslation("visit.planTitle", p.no()));
        VerticalLayout info = new VerticalLayout();
        info.setPadding(false);
        info.setSpacing(false);
        line(info, "field.unit", p.ownerName() == null ? p.unitCode() : p.unitCode() + " · " + p.ownerName());
        line(info, "visit.field.plannedOn", Formats.date(p.plannedOn()));
        line(info, "visit.field.staff", p.staffName() != null ? p.staffName() : p.staffCode());
        line(info, "visit.field.topic", p.topic());
        line(info, "field.status", Formats.enumLabel("visit.planStatus", p.status()));
        line(info, "visit.field.visitNo", p.visitNo());
        line(info, "field.note", p.note());
        detail.add(info);
        Button close = new Button(getTranslation("visit.close"), e -> detail.close());
        close.setId("plan-close");
        detail.getFooter().add(close);
        if (p.isOpen() && service.canWrite()) {
            Button cancel = new Button(getTranslation("visit.cancelPlan"), e -> cancelForm.open(
                    getTranslation("visit.cancelPlan"), new Cancellation(null), false));
            cancel.setId("cancel-plan-button");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button done = new Button(getTranslation("visit.recordPlanned"), e -> {
                detail.close();
                form.openFor(current);
            });
            done.setId("record-plan-button");
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            detail.getFooter().add(cancel, done);
        }
        detail.open();
    }

    private static void line(VerticalLayout info, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(info.getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        info.add(new Div(label, new Span(value)));
    }

    private EditDialog<PlanDraft> planForm(EstateService estates) {
        ComboBox<String> unit = UnitPicker.create(estates, "plan-unit");
        DatePicker on = new DatePicker(getTranslation("visit.field.plannedOn"));
        on.setId("plan-date");
        TextArea topic = new TextArea(getTranslation("visit.field.topic"));
        topic.setId("plan-topic");
        topic.setMaxLength(4000);
        FormLayout f = new FormLayout(unit, on, topic);
        f.setColspan(unit, 2);
        f.setColspan(topic, 2);
        Binder<PlanDraft> binder = new Binder<>(PlanDraft.class);
        String required = getTranslation("validation.required");
        binder.forField(unit).asRequired(required).bind("unitCode");
        binder.forField(on).asRequired(required).bind("plannedOn");
        binder.forField(topic).bind("topic");
        return new EditDialog<>("plan", binder, f, (d, isNew) -> {
            service.plan(new NewVisitPlan(d.unitCode(), d.plannedOn(), null, d.topic()));
            return d;
        }, d -> refresh());
    }

    private EditDialog<Cancellation> cancelForm() {
        TextArea reason = new TextArea(getTranslation("visit.cancelReason"));
        reason.setId("cancel-reason");
        reason.setMaxLength(4000);
        reason.setWidthFull();
        Binder<Cancellation> binder = new Binder<>(Cancellation.class);
        binder.forField(reason).asRequired(getTranslation("validation.required")).bind("note");
        return new EditDialog<>("cancel-plan", binder, new FormLayout(reason), (c, isNew) -> {
            service.cancelPlan(current.no(), c.note());
            return c;
        }, c -> {
            detail.close();
            refresh();
        });
    }

    void refresh() {
        boolean open = openOnly.getValue();
        String cluster = clusterFilter.getValue();
        String t = text;
        grid.setItems(q -> service.plans(open, cluster, t, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countPlans(open, cluster, t));
    }
}

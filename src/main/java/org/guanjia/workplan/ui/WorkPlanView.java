package org.guanjia.workplan.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.ValueFormat;
import org.guanjia.workplan.PlanFigure;
import org.guanjia.workplan.PlanItem;
import org.guanjia.workplan.PlanReport;
import org.guanjia.workplan.WorkPlan;
import org.guanjia.workplan.WorkPlanExports;
import org.guanjia.workplan.WorkPlanService;

/**
 * One plan or summary: header, the KPI table (read-only, as computed from the records), the
 * editable text with save and submit for its author, the supervisor's comment with approve and
 * return, the open issues and events, and PDF / Word downloads.
 */
@Route("work-plans/:no")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class WorkPlanView extends VerticalLayout implements BeforeEnterObserver {

    private final WorkPlanService service;
    private final WorkPlanExports exports;
    private final CurrentUser user;
    private final H2 title = new H2();
    private final FlexLayout info = new FlexLayout();
    private final FlexLayout downloads = new FlexLayout();
    private final Grid<PlanFigure> figures = new Grid<>(PlanFigure.class, false);
    private final TextArea body = new TextArea();
    private final Button save = new Button();
    private final Button submit = new Button();
    private final TextArea comment = new TextArea();
    private final Button approve = new Button();
    private final Button sendBack = new Button();
    private final Div review = new Div();
    private final Details open = new Details();
    private final Details events = new Details();
    private String no;

    WorkPlanView(WorkPlanService service, WorkPlanExports exports, CurrentUser user) {
        this.service = service;
        this.exports = exports;
        this.user = user;
        setId("work-plan-view");
        setWidthFull();
        Anchor back = new Anchor("work-plans", getTranslation("plan.back"));
        back.setId("plans-back");
        title.setId("plan-title");
        title.addClassNames(LumoUtility.FontSize.LARGE);
        info.setId("plan-info");
        info.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        info.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.FontSize.SMALL);
        downloads.addClassNames(LumoUtility.Gap.MEDIUM);
        add(back, title, info, downloads, figuresGrid(), editor(), reviewPanel(), open, events);
        open.setId("plan-open-items");
        events.setId("plan-events");
        open.setWidthFull();
        events.setWidthFull();
    }

    private Grid<PlanFigure> figuresGrid() {
        figures.setId("plan-figures");
        figures.setWidthFull();
        figures.setAllRowsVisible(true);
        figures.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        figures.addColumn(f -> getTranslation(WorkPlanService.label(f)))
                .setHeader(getTranslation("plan.col.figure")).setFlexGrow(2);
        figures.addColumn(f -> fmt(f, f.value())).setHeader(getTranslation("plan.col.value"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        figures.addColumn(f -> fmt(f, f.previous())).setHeader(getTranslation("plan.col.previous"))
                .setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        var target = figures.addColumn(f -> f.target() == null ? "" : fmt(f, f.target()))
                .setHeader(getTranslation("plan.col.target")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        Responsive.hideOnPhone(figures, List.of(target));
        return figures;
    }

    private String fmt(PlanFigure f, java.math.BigDecimal v) {
        return ValueFormat.format(Dashboard.Format.valueOf(f.format().toUpperCase(Locale.ROOT)), v,
                UI.getCurrent().getLocale());
    }

    private VerticalLayout editor() {
        body.setId("plan-body");
        body.setLabel(getTranslation("plan.field.body"));
        body.setWidthFull();
        body.setMinHeight("16rem");
        body.setMaxLength(20000);
        save.setText(getTranslation("common.save"));
        save.setId("save-button");
        save.addClickListener(e -> act(() -> service.save(no, body.getValue()), "common.saved"));
        submit.setText(getTranslation("plan.submit"));
        submit.setId("submit-button");
        submit.setIcon(VaadinIcon.PAPERPLANE.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> act(() -> service.submit(no, body.getValue()), "plan.submitted"));
        FlexLayout bar = new FlexLayout(save, submit);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        VerticalLayout v = new VerticalLayout(body, bar);
        v.setPadding(false);
        return v;
    }

    private Div reviewPanel() {
        comment.setId("review-comment");
        comment.setLabel(getTranslation("plan.field.comment"));
        comment.setWidthFull();
        comment.setMaxLength(4000);
        approve.setText(getTranslation("plan.approve"));
        approve.setId("approve-button");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> act(() -> service.approve(no, comment.getValue()), "plan.approved"));
        sendBack.setText(getTranslation("plan.sendBack"));
        sendBack.setId("return-button");
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        sendBack.addClickListener(e -> act(() -> service.sendBack(no, comment.getValue()), "plan.returned"));
        FlexLayout bar = new FlexLayout(approve, sendBack);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        review.setId("plan-review");
        review.setWidthFull();
        review.add(comment, bar);
        return review;
    }

    /** Runs a write; field problems go to the text areas, other refusals to a notification. */
    private void act(Supplier<WorkPlan> write, String done) {
        body.setInvalid(false);
        comment.setInvalid(false);
        try {
            write.get();
            com.vaadin.flow.component.notification.Notification.show(getTranslation(done), 2500,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
            show();
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                TextArea target = p.field().equals("comment") ? comment : body;
                target.setErrorMessage(getTranslation(p.messageKey(), p.args().toArray()));
                target.setInvalid(true);
            }
        } catch (AccessDeniedException e) {
            Notifications.error("error.forbidden");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        no = event.getRouteParameters().get("no").orElse("");
        try {
            show();
        } catch (AccessDeniedException | ValidationException e) {
            event.forwardTo("work-plans");
        }
    }

    private void show() {
        PlanReport r = service.report(no);
        WorkPlan p = r.plan();
        Locale locale = UI.getCurrent().getLocale();
        title.setText(exports.title(p, locale));
        info.removeAll();
        info.add(Badges.badge(getTranslation("plan.status." + p.status()), switch (p.status()) {
            case "approved" -> "success";
            case "returned" -> "error";
            default -> "contrast";
        }));
        info.add(new Span(p.no()), new Span(p.periodStart() + " – " + p.periodEnd()),
                new Span(getTranslation("plan.field.clusters") + ": " + String.join(", ", r.clusters())),
                new Span(getTranslation("plan.field.asOf") + ": " + r.asOf()));
        info.setAlignItems(FlexComponent.Alignment.BASELINE);
        downloads.removeAll();
        Anchor pdf = new Anchor(download(WorkPlanExports.fileName(p) + ".pdf", "application/pdf",
                () -> exports.pdf(no, locale)), AttachmentType.DOWNLOAD, getTranslation("plan.pdf"));
        pdf.setId("plan-pdf");
        Anchor docx = new Anchor(download(WorkPlanExports.fileName(p) + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                () -> exports.docx(no, locale)), AttachmentType.DOWNLOAD, getTranslation("plan.docx"));
        docx.setId("plan-docx");
        downloads.add(pdf, docx);
        figures.setItems(r.figures());
        figures.getColumns().get(1).setHeader(getTranslation("plan.col.value") + " " + r.kpiPeriod());
        figures.getColumns().get(2).setHeader(getTranslation("plan.col.previous") + " " + r.prevPeriod());

        boolean author = p.staffCode() != null
                ? user.principal().map(x -> p.staffCode().equals(x.staffCode())).orElse(false)
                : service.canReview();
        boolean editable = author && p.editable();
        body.setValue(p.body() == null ? "" : p.body());
        body.setReadOnly(!editable);
        body.setHelperText(editable ? getTranslation("plan.bodyHelp") : null);
        save.setVisible(editable);
        submit.setVisible(editable);

        boolean reviewing = service.canReview() && p.status().equals("submitted");
        comment.setValue(p.reviewComment() == null ? "" : p.reviewComment());
        comment.setReadOnly(!reviewing);
        approve.setVisible(reviewing);
        sendBack.setVisible(reviewing);
        review.setVisible(reviewing || p.reviewComment() != null);

        open.setSummaryText(getTranslation("plan.export.open", r.openItems().size()));
        open.removeAll();
        open.add(items(r.openItems(), locale));
        events.setSummaryText(getTranslation("plan.export.events", r.events().size()));
        events.removeAll();
        events.add(items(r.events(), locale));
    }

    private VerticalLayout items(List<PlanItem> list, Locale locale) {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        v.setSpacing(false);
        for (PlanItem i : list) {
            Span s = new Span(service.itemLine(i, locale));
            s.addClassNames(LumoUtility.FontSize.SMALL);
            v.add(s);
        }
        return v;
    }

    private static DownloadHandler download(String fileName, String mime, Supplier<byte[]> content) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mime, bytes.length);
        });
    }
}

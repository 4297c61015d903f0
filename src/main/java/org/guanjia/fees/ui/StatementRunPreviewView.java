package org.guanjia.fees.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.estate.Estate;
import org.guanjia.estate.EstateService;
import org.guanjia.fees.RunLine;
import org.guanjia.fees.RunPreview;
import org.guanjia.fees.RunTotal;
import org.guanjia.fees.RunWindow;
import org.guanjia.fees.StatementRun;
import org.guanjia.fees.StatementRunService;

/**
 * A new statement run: choose the period (next month by default) and the estate, see what the
 * run would bill with its totals per cluster and fee, then generate it for the butlers' review.
 */
@Route("statement-runs/new")
@RolesAllowed({"ADMIN", "FINANCE", "SERVICE_DESK"})
class StatementRunPreviewView extends VerticalLayout implements HasDynamicTitle {

    private final StatementRunService service;
    private final ComboBox<YearMonth> period = new ComboBox<>();
    private final ComboBox<String> estate = new ComboBox<>();
    private final Checkbox override = new Checkbox();
    private final Span summary = new Span();
    private final Grid<RunTotal> totals = new Grid<>(RunTotal.class, false);
    private final Grid<RunLine> lines = new Grid<>(RunLine.class, false);
    private final Button generate = new Button();
    private RunPreview preview;

    StatementRunPreviewView(StatementRunService service, EstateService estates, CurrentUser user) {
        this.service = service;
        setId("statement-run-preview-view");
        setSizeFull();
        RunWindow w = service.window();
        Anchor back = new Anchor("statement-runs", getTranslation("fees.run.back"));
        back.setId("runs-back");
        Span window = new Span(getTranslation(w.open() ? "fees.run.windowOpen" : "fees.run.windowClosed",
                Formats.date(w.opens()), Formats.date(w.closes()), w.nextPeriod().toString()));
        window.addClassNames(LumoUtility.TextColor.SECONDARY);
        window.setId("run-window");
        FlexLayout head = new FlexLayout(back, window);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.addClassNames(LumoUtility.Gap.LARGE);
        add(head, form(w, estates, user.hasRole(Role.ADMIN)), summary, totals(), lines());
        summary.setId("preview-summary");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    }

    private FlexLayout form(RunWindow w, EstateService estates, boolean admin) {
        List<YearMonth> periods = new ArrayList<>();
        for (int i = -1; i <= 2; i++) {
            periods.add(w.nextPeriod().plusMonths(i));
        }
        period.setLabel(getTranslation("field.period"));
        period.setItems(periods);
        period.setItemLabelGenerator(YearMonth::toString);
        period.setValue(w.nextPeriod());
        period.setId("period-field");
        period.setWidth("9rem");
        estate.setLabel(getTranslation("field.estate"));
        estate.setItems(estates.estates().stream().map(Estate::code).toList());
        estate.setPlaceholder(getTranslation("fees.run.allEstates"));
        estate.setClearButtonVisible(true);
        estate.setId("estate-field");
        estate.setWidth("12rem");
        override.setLabel(getTranslation("fees.run.override"));
        override.setId("override-field");
        override.setVisible(admin);
        Button show = new Button(getTranslation("fees.run.preview"), VaadinIcon.EYE.create(), e -> preview());
        show.setId("preview-button");
        generate.setText(getTranslation("fees.run.generate"));
        generate.setIcon(VaadinIcon.CHECK.create());
        generate.setId("generate-button");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.setEnabled(false);
        generate.addClickListener(e -> generate());
        period.addValueChangeListener(e -> clear());
        estate.addValueChangeListener(e -> clear());
        FlexLayout form = new FlexLayout(period, estate, show, generate, override);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassNames(LumoUtility.Gap.MEDIUM);
        form.setWidthFull();
        return form;
    }

    private Grid<RunTotal> totals() {
        totals.setId("totals-grid");
        totals.setAllRowsVisible(true);
        totals.setWidthFull();
        totals.setMaxWidth("44rem");
        totals.addColumn(RunTotal::clusterCode).setHeader(getTranslation("field.cluster")).setAutoWidth(true);
        totals.addColumn(t -> Formats.enumLabel("feeType", t.feeType())).setHeader(getTranslation("field.feeType"))
                .setAutoWidth(true);
        var count = totals.addColumn(t -> Formats.integer(t.lines()))
                .setHeader(getTranslation("fees.field.statements")).setTextAlign(ColumnTextAlign.END);
        totals.addColumn(t -> Formats.decimal(t.amount(), 2)).setHeader(getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        Responsive.hideOnPhone(totals, List.of(count));
        totals.setVisible(false);
        return totals;
    }

    private Grid<RunLine> lines() {
        lines.setId("preview-grid");
        lines.setWidthFull();
        lines.setMinHeight("16rem");
        lines.setHeight("24rem");
        LineColumns.add(lines);
        lines.setVisible(false);
        return lines;
    }

    private void clear() {
        preview = null;
        generate.setEnabled(false);
        summary.setText("");
        totals.setVisible(false);
        lines.setVisible(false);
    }

    private void preview() {
        if (period.getValue() == null) {
            period.setInvalid(true);
            period.setErrorMessage(getTranslation("validation.required"));
            return;
        }
        period.setInvalid(false);
        try {
            preview = service.preview(period.getValue(), estate.getValue());
        } catch (ValidationException e) {
            RunLabels.show(e);
            return;
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
            return;
        }
        summary.setText(getTranslation("fees.run.previewSummary", Formats.integer(preview.lines().size()),
                Formats.integer(preview.units()), Formats.decimal(preview.total(), 2),
                Formats.integer(preview.alreadyBilled())));
        List<RunTotal> rows = new ArrayList<>(preview.totals());
        totals.setItems(rows);
        totals.setVisible(!rows.isEmpty());
        lines.setItems(preview.lines());
        lines.setVisible(!preview.lines().isEmpty());
        generate.setEnabled(!preview.lines().isEmpty());
    }

    private void generate() {
        try {
            StatementRun run = service.generate(preview.period(), preview.estateCode(), override.getValue());
            Notifications.saved();
            getUI().ifPresent(ui -> ui.navigate("statement-runs/" + run.runNo()));
        } catch (ValidationException e) {
            RunLabels.show(e);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("fees.run.new");
    }
}

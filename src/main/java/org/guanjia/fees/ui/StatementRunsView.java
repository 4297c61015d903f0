package org.guanjia.fees.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.fees.RunWindow;
import org.guanjia.fees.StatementRun;
import org.guanjia.fees.StatementRunService;

/**
 * The monthly statement runs (F12): each run with its status and figures (for a butler, those of
 * their clusters). The service desk starts a new run; a click opens the run for review and
 * release.
 */
@Route("statement-runs")
@Menu(title = "fees.nav.runs", order = 31, icon = "vaadin:calc-book")
@RolesAllowed({"ADMIN", "FINANCE", "SERVICE_DESK", "MANAGER", "SUPERVISOR", "BUTLER"})
class StatementRunsView extends VerticalLayout {

    private final Grid<StatementRun> grid = new Grid<>(StatementRun.class, false);

    StatementRunsView(StatementRunService service, CurrentUser user) {
        setId("statement-runs-view");
        setSizeFull();
        RunWindow w = service.window();
        Span window = new Span(getTranslation(w.open() ? "fees.run.windowOpen" : "fees.run.windowClosed",
                Formats.date(w.opens()), Formats.date(w.closes()), w.nextPeriod().toString()));
        window.setId("run-window");
        window.addClassNames(LumoUtility.TextColor.SECONDARY);
        FlexLayout bar = new FlexLayout(window);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        bar.setWidthFull();
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.FINANCE) || user.hasRole(Role.SERVICE_DESK)) {
            Button start = new Button(getTranslation("fees.run.new"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(StatementRunPreviewView.class)));
            start.setId("new-run-button");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Span spacer = new Span();
            bar.setFlexGrow(1, spacer);
            bar.add(spacer, start);
        }
        add(bar, grid());
        grid.setItems(service.runs());
    }

    private Grid<StatementRun> grid() {
        grid.setId("runs-grid");
        grid.setSizeFull();
        grid.addColumn(StatementRun::period).setHeader(getTranslation("field.period")).setAutoWidth(true)
                .setFrozen(true);
        var no = grid.addColumn(StatementRun::runNo).setHeader(getTranslation("fees.field.runNo"))
                .setAutoWidth(true);
        var estate = grid.addColumn(r -> RunLabels.estate(r.estateCode())).setHeader(getTranslation("field.estate"))
                .setAutoWidth(true);
        grid.addComponentColumn(RunLabels::status).setHeader(getTranslation("field.status")).setAutoWidth(true);
        var count = grid.addColumn(r -> Formats.integer(r.released() ? r.statements() : r.lines()))
                .setHeader(getTranslation("fees.field.statements")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.decimal(r.released() ? r.statementsAmount() : r.linesAmount(), 2))
                .setHeader(getTranslation("field.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        var reviewed = grid.addColumn(r -> r.clusters() == 0 ? "—"
                        : getTranslation("fees.run.reviewedOf", r.reviewedClusters(), r.clusters()))
                .setHeader(getTranslation("fees.field.reviews")).setAutoWidth(true);
        var generated = grid.addColumn(r -> Formats.dateTime(r.generatedAt()))
                .setHeader(getTranslation("fees.field.generatedAt")).setAutoWidth(true);
        var released = grid.addColumn(r -> Formats.dateTime(r.releasedAt()))
                .setHeader(getTranslation("fees.field.releasedAt")).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(no, estate, count, reviewed, generated, released));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("statement-runs/"
                + e.getItem().runNo())));
        return grid;
    }
}

package org.guanjia.fees.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.fees.ClusterReview;
import org.guanjia.fees.RunLine;
import org.guanjia.fees.StatementRun;
import org.guanjia.fees.StatementRunService;

/**
 * One statement run: its figures, each cluster's share with the butler's review (a butler sees
 * only their clusters, with a large "reviewed" button for the phone), the lines, and the release
 * for the service desk and finance once every cluster is reviewed.
 */
@Route("statement-runs/:run")
@RolesAllowed({"ADMIN", "FINANCE", "SERVICE_DESK", "MANAGER", "SUPERVISOR", "BUTLER"})
class StatementRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StatementRunService service;
    private final boolean reviewer;
    private final boolean releaser;
    private final Span summary = new Span();
    private final FlexLayout clusters = new FlexLayout();
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Grid<RunLine> lines = new Grid<>(RunLine.class, false);
    private final ReleasePanel release;
    private String runNo = "";

    StatementRunView(StatementRunService service, CurrentUser user) {
        this.service = service;
        setId("statement-run-view");
        setSizeFull();
        reviewer = user.hasRole(Role.BUTLER) || user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN);
        releaser = user.hasRole(Role.ADMIN) || user.hasRole(Role.FINANCE) || user.hasRole(Role.SERVICE_DESK);
        release = new ReleasePanel(service, this::load);
        Anchor back = new Anchor("statement-runs", getTranslation("fees.run.back"));
        back.setId("runs-back");
        summary.setId("run-summary");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        FlexLayout head = new FlexLayout(back, summary);
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassNames(LumoUtility.Gap.LARGE);
        clusters.setId("cluster-reviews");
        clusters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        clusters.addClassNames(LumoUtility.Gap.MEDIUM);
        clusters.setWidthFull();
        clusterFilter.setId("line-cluster-filter");
        clusterFilter.setPlaceholder(getTranslation("field.cluster"));
        clusterFilter.setClearButtonVisible(true);
        clusterFilter.addValueChangeListener(e -> refreshLines());
        lines.setId("run-lines-grid");
        lines.setWidthFull();
        lines.setMinHeight("16rem");
        LineColumns.add(lines);
        release.setVisible(false);
        H3 linesTitle = new H3(getTranslation("fees.run.lines"));
        linesTitle.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        add(head, release, clusters, linesTitle, clusterFilter, lines);
        setFlexGrow(1, lines);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runNo = event.getRouteParameters().get("run").orElse("");
        load();
    }

    private void load() {
        Optional<StatementRun> found = service.run(runNo);
        if (found.isEmpty()) {
            summary.setText(getTranslation("fees.run.unknown", runNo));
            clusters.removeAll();
            lines.setItems(List.of());
            release.setVisible(false);
            return;
        }
        StatementRun run = found.get();
        summary.setText(getTranslation(run.released() ? "fees.run.summaryReleased" : "fees.run.summary",
                run.runNo(), run.period(), RunLabels.estate(run.estateCode()),
                Formats.integer(run.released() ? run.statements() : run.lines()),
                Formats.decimal(run.released() ? run.statementsAmount() : run.linesAmount(), 2)));
        List<ClusterReview> reviews = service.clusterReviews(runNo);
        clusters.removeAll();
        reviews.forEach(r -> clusters.add(card(run, r)));
        clusterFilter.setItems(reviews.stream().map(ClusterReview::clusterCode).toList());
        release.show(run, releaser);
        refreshLines();
    }

    /** A cluster's share of the run and its review; for its reviewer a note and a big button. */
    private Div card(StatementRun run, ClusterReview r) {
        Span title = new Span(r.clusterCode() + " · " + r.clusterName());
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span figures = new Span(getTranslation("fees.run.clusterFigures", Formats.integer(r.lines()),
                Formats.decimal(r.amount(), 2)));
        Span state = r.reviewed()
                ? Badges.badge(getTranslation("fees.run.reviewedBy", r.reviewedBy(), Formats.dateTime(r.reviewedAt())),
                        "success")
                : Badges.badge(getTranslation("fees.run.awaitingReview"), "contrast");
        state.setId("review-state-" + r.clusterCode());
        Div card = new Div(title, new Div(figures), new Div(state));
        card.setId("cluster-" + r.clusterCode());
        card.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Background.CONTRAST_5, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL);
        card.setWidth("min(22rem, 100%)");
        boolean editable = reviewer && !run.released();
        if (r.note() != null && !editable) {
            Span note = new Span(r.note());
            note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            card.add(note);
        }
        if (editable) {
            TextArea note = new TextArea(getTranslation("field.note"));
            note.setId("note-" + r.clusterCode());
            note.setWidthFull();
            note.setMaxLength(4000);
            note.setValue(r.note() == null ? "" : r.note());
            Button done = new Button(getTranslation(r.reviewed() ? "fees.run.reviewAgain" : "fees.run.markReviewed"),
                    VaadinIcon.CHECK.create(), e -> review(r.clusterCode(), note.getValue()));
            done.setId("review-" + r.clusterCode());
            if (r.reviewed()) {
                done.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            } else {
                // the butler's one action on the phone: large and unmistakable
                done.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_SUCCESS,
                        ButtonVariant.LUMO_PRIMARY);
                done.setWidthFull();
            }
            card.add(note, done);
        }
        return card;
    }

    private void review(String cluster, String note) {
        try {
            service.review(runNo, cluster, note);
            Notifications.saved();
            load();
        } catch (ValidationException e) {
            RunLabels.show(e);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }

    private void refreshLines() {
        String cluster = clusterFilter.getValue();
        lines.setItems(q -> service.lines(runNo, cluster, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.countLines(runNo, cluster));
    }

    @Override
    public String getPageTitle() {
        return UI.getCurrent() == null ? runNo : getTranslation("fees.run.title", runNo);
    }
}

package org.guanjia.fees.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.fees.Released;
import org.guanjia.fees.StatementRun;
import org.guanjia.fees.StatementRunService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The release of a run: ready or waiting for reviews, the button, and while the statements are
 * written (a few seconds for 2,000 units) a progress bar. The app has no server push, so the
 * release runs on its own thread (with the user's sign-in) and the page polls for its progress.
 */
class ReleasePanel extends FlexLayout {

    private static final Logger log = LoggerFactory.getLogger(ReleasePanel.class);

    private final StatementRunService service;
    private final Runnable onReleased;
    private final Span state = new Span();
    private final Button release = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private StatementRun run;

    ReleasePanel(StatementRunService service, Runnable onReleased) {
        this.service = service;
        this.onReleased = onReleased;
        setId("release-panel");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Background.PRIMARY_10, LumoUtility.BoxSizing.BORDER);
        setWidthFull();
        state.setId("release-state");
        release.setText(getTranslation("fees.run.release"));
        release.setIcon(VaadinIcon.PAPERPLANE.create());
        release.setId("release-button");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.addClickListener(e -> confirm());
        progress.setId("release-progress");
        progress.setWidth("min(20rem, 100%)");
        progress.setVisible(false);
        progressText.setId("release-progress-text");
        progressText.addClassNames(LumoUtility.FontSize.SMALL);
        add(state, release, progress, progressText);
    }

    void show(StatementRun r, boolean releaser) {
        run = r;
        setVisible(releaser && !r.released());
        state.setText(r.readyToRelease() ? getTranslation("fees.run.readyToRelease")
                : getTranslation("fees.run.waitingForReviews", r.reviewedClusters(), r.clusters()));
        release.setEnabled(r.readyToRelease());
    }

    private void confirm() {
        Dialog d = new Dialog();
        d.setId("release-dialog");
        d.setHeaderTitle(getTranslation("fees.run.release"));
        d.add(new Paragraph(getTranslation("fees.run.releaseConfirm", Formats.integer(run.lines()),
                Formats.decimal(run.linesAmount(), 2), run.period())));
        Button ok = new Button(getTranslation("fees.run.release"), e -> {
            d.close();
            start();
        });
        ok.setId("release-confirm-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), ok);
        d.open();
    }

    private void start() {
        UI ui = UI.getCurrent();
        String runNo = run.runNo();
        release.setEnabled(false);
        progress.setIndeterminate(true);
        progress.setVisible(true);
        progressText.setText(getTranslation("fees.run.releasing"));
        ui.setPollInterval(500);
        Runnable job = new DelegatingSecurityContextRunnable(() -> {
            try {
                Released r = service.release(runNo, (done, total) -> ui.access(() -> {
                    progress.setIndeterminate(false);
                    progress.setMax(Math.max(1, total));
                    progress.setValue(done);
                    progressText.setText(getTranslation("fees.run.releaseStep", done, total));
                }));
                ui.access(() -> {
                    stop(ui);
                    Notification n = Notification.show(getTranslation("fees.run.releasedMessage",
                            Formats.integer(r.statements()), Formats.decimal(r.amount(), 2),
                            Formats.integer(r.skipped())), 6000, Notification.Position.BOTTOM_CENTER);
                    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    onReleased.run();
                });
            } catch (ValidationException e) {
                ui.access(() -> {
                    stop(ui);
                    RunLabels.show(e);
                });
            } catch (AccessDeniedException e) {
                ui.access(() -> {
                    stop(ui);
                    Notifications.error(e.messageKey(), e.args());
                });
            } catch (RuntimeException e) {
                log.error("Release of statement run {} failed", runNo, e);
                ui.access(() -> {
                    stop(ui);
                    Notifications.error("fees.run.releaseFailed", runNo);
                });
            }
        });
        Thread thread = new Thread(job, "release-" + runNo);
        thread.setDaemon(true);
        thread.start();
    }

    private void stop(UI ui) {
        ui.setPollInterval(-1);
        progress.setVisible(false);
        progressText.setText("");
        release.setEnabled(run.readyToRelease());
    }
}

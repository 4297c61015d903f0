package org.guanjia.patrol.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Notifications;
import org.guanjia.patrol.Patrol;
import org.guanjia.patrol.PatrolService;

/** Picks the cluster and starts the patrol, or carries on with the butler's unfinished one. */
class StartDialog extends Dialog {

    private final PatrolService service;
    private final ComboBox<String> cluster = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final Consumer<Patrol> onStarted;

    StartDialog(PatrolService service, List<String> clusters, Consumer<Patrol> onStarted) {
        this.service = service;
        this.onStarted = onStarted;
        setId("start-patrol-dialog");
        setHeaderTitle(getTranslation("patrol.start"));
        setWidth("min(28rem, 100vw)");
        cluster.setId("patrol-cluster");
        cluster.setLabel(getTranslation("field.cluster"));
        cluster.setItems(clusters);
        cluster.setWidthFull();
        if (clusters.size() == 1) {
            cluster.setValue(clusters.get(0));
        }
        note.setId("patrol-note");
        note.setLabel(getTranslation("field.note"));
        note.setWidthFull();
        add(new FormLayout(cluster, note));
        Button go = new Button(getTranslation("patrol.start"), e -> start());
        go.setId("save-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, go);
    }

    void start() {
        var unfinished = service.unfinished(cluster.getValue());
        if (unfinished.isPresent()) {
            close();
            onStarted.accept(unfinished.get());
            return;
        }
        try {
            Patrol p = service.start(cluster.getValue(), note.getValue());
            close();
            onStarted.accept(p);
        } catch (ValidationException e) {
            FieldErrors.show(e, Map.<String, HasValidation>of("clusterCode", cluster, "note", note));
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

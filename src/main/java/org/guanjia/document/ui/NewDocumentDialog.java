package org.guanjia.document.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.document.Document;
import org.guanjia.document.DocumentService;
import org.guanjia.document.NewDocument;
import org.guanjia.estate.Building;
import org.guanjia.estate.EstateService;

/**
 * A new document batch: kind, title, issue date, the outage window for outage notices, and the
 * units it goes to (a cluster, a building or unit codes); each unit's method follows the rule.
 */
class NewDocumentDialog extends Dialog {

    static final List<String> TARGETS = List.of("cluster", "building", "units");

    private final DocumentService service;
    private final Consumer<Document> onSaved;
    private final Select<String> kind = new Select<>();
    private final TextField title = new TextField();
    private final DatePicker issuedOn = new DatePicker();
    private final DateTimePicker outageFrom = new DateTimePicker();
    private final DateTimePicker outageTo = new DateTimePicker();
    private final RadioButtonGroup<String> target = new RadioButtonGroup<>();
    private final ComboBox<String> cluster = new ComboBox<>();
    private final ComboBox<String> building = new ComboBox<>();
    private final TextField units = new TextField();
    private final TextArea note = new TextArea();
    private final Map<String, HasValidation> fields;

    NewDocumentDialog(DocumentService service, EstateService estates, List<String> clusters,
            Consumer<Document> onSaved) {
        this.service = service;
        this.onSaved = onSaved;
        setId("document-dialog");
        setWidth("min(40rem, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        setHeaderTitle(getTranslation("doc.new"));
        kind.setLabel(getTranslation("doc.field.kind"));
        kind.setId("kind-field");
        kind.setItems(Document.KINDS);
        kind.setItemLabelGenerator(k -> Formats.enumLabel("doc.kind", k));
        kind.addValueChangeListener(e -> showOutage());
        title.setLabel(getTranslation("doc.field.title"));
        title.setId("title-field");
        title.setMaxLength(200);
        issuedOn.setLabel(getTranslation("doc.field.issuedOn"));
        issuedOn.setId("issued-field");
        outageFrom.setLabel(getTranslation("doc.field.outageFrom"));
        outageFrom.setId("outage-from-field");
        outageTo.setLabel(getTranslation("doc.field.outageTo"));
        outageTo.setId("outage-to-field");
        target.setLabel(getTranslation("doc.field.target"));
        target.setId("target-field");
        target.setItems(TARGETS);
        target.setItemLabelGenerator(t -> getTranslation("doc.target." + t));
        target.addValueChangeListener(e -> showTarget());
        cluster.setLabel(getTranslation("field.cluster"));
        cluster.setId("cluster-field");
        cluster.setItems(clusters);
        building.setLabel(getTranslation("field.building"));
        building.setId("building-field");
        List<Building> buildings = estates.buildings(null);
        building.setItems(buildings.stream().map(Building::code).toList());
        Map<String, String> names = new java.util.HashMap<>();
        buildings.forEach(b -> names.put(b.code(), b.name()));
        building.setItemLabelGenerator(c -> names.getOrDefault(c, "") + " (" + c + ")");
        units.setLabel(getTranslation("doc.field.units"));
        units.setId("units-field");
        units.setHelperText(getTranslation("doc.field.unitsHelp"));
        note.setLabel(getTranslation("field.note"));
        note.setId("note-field");
        note.setMaxLength(4000);
        FormLayout form = new FormLayout(kind, issuedOn, title, outageFrom, outageTo, target, cluster, building, units,
                note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(title, 2);
        form.setColspan(target, 2);
        form.setColspan(units, 2);
        form.setColspan(note, 2);
        add(form);
        fields = Map.of("kind", kind, "title", title, "issuedOn", issuedOn, "outageFrom", outageFrom,
                "outageTo", outageTo, "target", target, "clusterCode", cluster, "buildingCode", building,
                "unitCodes", units, "note", note);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-button");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, save);
    }

    void openNew() {
        kind.setValue("statement");
        title.clear();
        issuedOn.setValue(service.today());
        outageFrom.clear();
        outageTo.clear();
        target.setValue("cluster");
        cluster.clear();
        building.clear();
        units.clear();
        note.clear();
        FieldErrors.clear(fields);
        showOutage();
        showTarget();
        open();
    }

    private void showOutage() {
        boolean outage = Document.isOutage(kind.getValue());
        outageFrom.setVisible(outage);
        outageTo.setVisible(outage);
    }

    private void showTarget() {
        cluster.setVisible("cluster".equals(target.getValue()));
        building.setVisible("building".equals(target.getValue()));
        units.setVisible("units".equals(target.getValue()));
    }

    private Set<String> unitCodes() {
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(units.getValue().split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(codes::add);
        return codes;
    }

    void save() {
        String t = target.getValue();
        try {
            Document d = service.create(new NewDocument(kind.getValue(), title.getValue(), issuedOn.getValue(),
                    outageFrom.getValue(), outageTo.getValue(), note.getValue(),
                    "cluster".equals(t) ? cluster.getValue() : null,
                    "building".equals(t) ? building.getValue() : null,
                    "units".equals(t) ? unitCodes() : Set.of()));
            close();
            Notifications.saved();
            onSaved.accept(d);
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
    }
}

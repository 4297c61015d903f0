package org.guanjia.visit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.visit.NewVisitRequest;

/**
 * The requests and questions of a visit being recorded, as an editable list: each one answered
 * on the spot or escalated; rows are added and removed with large buttons.
 */
class RequestsEditor extends VerticalLayout {

    private final Departments departments;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<RequestFields> fields = new ArrayList<>();
    private int serial;

    RequestsEditor(Departments departments) {
        this.departments = departments;
        setId("visit-requests-editor");
        setPadding(false);
        rows.setPadding(false);
        Button add = new Button(getTranslation("visit.addRequest"), VaadinIcon.PLUS.create(), e -> addRow());
        add.setId("add-request-row");
        add.addThemeVariants(ButtonVariant.LUMO_LARGE);
        add(new H4(getTranslation("visit.requests")), rows, add);
    }

    void clear() {
        rows.removeAll();
        fields.clear();
        serial = 0;
    }

    /** Adds an empty row; ids are request-0, request-1 … in the order the rows were added. */
    RequestFields addRow() {
        RequestFields f = new RequestFields(departments, "request-" + serial++);
        fields.add(f);
        Div row = new Div();
        row.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.SMALL, LumoUtility.BoxSizing.BORDER);
        row.setWidthFull();
        Button remove = new Button(getTranslation("visit.removeRequest"), VaadinIcon.TRASH.create(), e -> {
            fields.remove(f);
            rows.remove(row);
        });
        remove.setId(f.request.getId().orElse("") + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var form = f.form();
        form.setResponsiveSteps(new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("0", 1),
                new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("30rem", 2));
        row.add(form, remove);
        rows.add(row);
        return f;
    }

    List<NewVisitRequest> value() {
        return fields.stream().map(f -> new NewVisitRequest(f.request.getValue(), Boolean.TRUE.equals(f.escalate.getValue()),
                f.answer.getValue(), f.department.getValue(), f.dueOn.getValue())).toList();
    }

    void clearErrors() {
        for (RequestFields f : fields) {
            f.request.setInvalid(false);
            f.answer.setInvalid(false);
            f.department.setInvalid(false);
            f.dueOn.setInvalid(false);
        }
    }

    /** Shows a service problem named "requests.{i}.{field}" on that row's field; false if not such a name. */
    boolean showError(String name, String message) {
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !parts[0].equals("requests")) {
            return false;
        }
        int i = Integer.parseInt(parts[1]);
        if (i >= fields.size()) {
            return false;
        }
        RequestFields f = fields.get(i);
        com.vaadin.flow.component.HasValidation target = switch (parts[2]) {
            case "request" -> f.request;
            case "answer" -> f.answer;
            case "departmentCode" -> f.department;
            case "dueOn" -> f.dueOn;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }
}

package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import org.guanjia.base.photo.PhotoStore;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.EditDialog;
import org.guanjia.base.ui.Formats;
import org.guanjia.vacancy.Inspection;
import org.guanjia.vacancy.OwnerInformed;
import org.guanjia.vacancy.VacancyService;

/** One inspection: its checks, note, photo, the engineering follow-up and whether the owner was told. */
class InspectionDialog extends Dialog {

    private final VacancyService service;
    private final Runnable onChange;
    private final Consumer<String> showUnit;
    private final VerticalLayout body = new VerticalLayout();
    private final FlexLayout actions = new FlexLayout();
    private final EditDialog<OwnerInformed> inform;
    private Inspection current;

    InspectionDialog(VacancyService service, Runnable onChange, Consumer<String> showUnit) {
        this.service = service;
        this.onChange = onChange;
        this.showUnit = showUnit;
        setId("inspection-view-dialog");
        setWidth("min(36rem, 100vw)");
        setMaxHeight("100vh");
        body.setPadding(false);
        body.setSpacing(false);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Margin.Top.MEDIUM);
        add(body, actions);
        inform = informForm();
        Button close = new Button(getTranslation("vacancy.close"), e -> close());
        close.setId("inspection-close");
        getFooter().add(close);
    }

    void open(Inspection i) {
        current = i;
        setHeaderTitle(getTranslation("vacancy.inspectionTitle", i.no()));
        body.removeAll();
        line("field.unit", i.ownerName() == null ? i.unitCode() : i.unitCode() + " · " + i.ownerName());
        line("vacancy.field.inspectedOn", Formats.date(i.inspectedOn()));
        line("vacancy.field.staff", i.staffName() != null ? i.staffName() : i.staffCode());
        Div checks = new Div();
        checks.setId("inspection-checks");
        checks.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL,
                LumoUtility.Margin.Vertical.SMALL);
        for (String c : Inspection.CHECKS) {
            boolean failed = i.failedChecks().contains(c);
            checks.add(Badges.badge((failed ? "✗ " : "✓ ") + getTranslation("vacancy.check." + c),
                    failed ? "error" : "success"));
        }
        body.add(checks);
        line("field.note", i.note());
        if (i.followUpNo() != null) {
            Div f = new Div(Badges.badge(Formats.enumLabel("followup.status", i.followUpStatus()),
                    "open".equals(i.followUpStatus()) || "in_progress".equals(i.followUpStatus()) ? "error" : "success"),
                    new Span(" " + getTranslation("vacancy.followUpTo", i.followUpNo())));
            f.setId("inspection-follow-up");
            body.add(f);
        }
        Span told = new Span(i.ownerInformed()
                ? getTranslation("vacancy.ownerInformed", Formats.date(i.ownerInformedOn()),
                        Formats.enumLabel("vacancy.method", i.ownerInformedMethod()))
                : getTranslation("vacancy.ownerNotInformed"));
        told.setId("inspection-owner-informed");
        told.addClassNames(LumoUtility.Margin.Top.SMALL, LumoUtility.Display.BLOCK);
        body.add(told);
        if (i.photoKey() != null) {
            String no = i.no();
            String key = i.photoKey();
            Image img = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = service.photo(no).orElse(new byte[0]);
                return new DownloadResponse(new ByteArrayInputStream(bytes), "inspection-" + no,
                        PhotoStore.mimeType(key), bytes.length);
            }), getTranslation("photo.alt"));
            img.setId("inspection-photo-image");
            img.setMaxWidth("100%");
            img.setMaxHeight("14rem");
            img.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.Margin.Top.SMALL, LumoUtility.BorderRadius.SMALL);
            body.add(img);
        }
        actions.removeAll();
        Button history = new Button(getTranslation("vacancy.unitHistory"), e -> {
            close();
            showUnit.accept(current.unitCode());
        });
        history.setId("inspection-history-button");
        actions.add(history);
        if (service.canInspect()) {
            Button informButton = new Button(getTranslation(i.ownerInformed() ? "vacancy.changeInformed"
                    : "vacancy.recordInformed"), e -> inform.open(getTranslation("vacancy.recordInformed"),
                    new OwnerInformed(current.ownerInformedOn() != null ? current.ownerInformedOn() : service.today(),
                            current.ownerInformedMethod()), false));
            informButton.setId("inform-owner-button");
            informButton.addThemeVariants(i.ownerInformed() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
            actions.add(informButton);
        }
        open();
    }

    private void line(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        body.add(new Div(label, new Span(value)));
    }

    private EditDialog<OwnerInformed> informForm() {
        DatePicker on = new DatePicker(getTranslation("vacancy.field.ownerInformedOn"));
        on.setId("informed-on");
        Select<String> method = Fields.informMethod("informed-method");
        Binder<OwnerInformed> binder = new Binder<>(OwnerInformed.class);
        binder.forField(on).bind("ownerInformedOn");
        binder.forField(method).bind("ownerInformedMethod");
        Inspection[] saved = new Inspection[1];
        return new EditDialog<>("inform", binder, new FormLayout(method, on), (o, isNew) -> {
            saved[0] = service.informOwner(current.no(), o);
            return o;
        }, o -> {
            onChange.run();
            open(saved[0]);
        });
    }
}

package org.guanjia.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.ValidationException;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Notifications;
import org.guanjia.base.ui.Responsive;
import org.guanjia.document.Delivery;
import org.guanjia.document.Document;
import org.guanjia.document.DocumentService;

/**
 * One document batch: what and when, and its copy per unit with the method, the dates and the
 * next step as a button (send out, delivered, collected, record call).
 */
@Route("documents/:no")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class DocumentView extends VerticalLayout implements BeforeEnterObserver {

    private final DocumentService service;
    private final H3 title = new H3();
    private final Div info = new Div();
    private final FlexLayout actions = new FlexLayout();
    private final Select<String> methodFilter = new Select<>();
    private final Grid<Delivery> grid = new Grid<>(Delivery.class, false);
    private final CallDialog callDialog;
    private Document document;

    DocumentView(DocumentService service) {
        this.service = service;
        setId("document-view");
        setSizeFull();
        callDialog = new CallDialog(service, this::reload);
        RouterLink back = new RouterLink(getTranslation("doc.back"), DocumentsView.class);
        back.setId("back-link");
        title.addClassNames(LumoUtility.Margin.NONE);
        info.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames(LumoUtility.Gap.SMALL);
        actions.setAlignItems(Alignment.BASELINE);
        methodFilter.setId("method-filter");
        methodFilter.setItems(Delivery.METHODS);
        methodFilter.setEmptySelectionAllowed(true);
        methodFilter.setEmptySelectionCaption(getTranslation("doc.allMethods"));
        methodFilter.setItemLabelGenerator(m -> m == null ? getTranslation("doc.allMethods") : Formats.enumLabel("doc.method", m));
        methodFilter.setWidth("11rem");
        methodFilter.addValueChangeListener(e -> reload());
        add(back, title, info, actions, grid());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String no = event.getRouteParameters().get("no").orElse("");
        document = service.document(no).orElse(null);
        if (document == null) {
            title.setText(getTranslation("doc.notFound", no));
            grid.setVisible(false);
            return;
        }
        reload();
    }

    private void reload() {
        document = service.document(document.no()).orElse(document);
        title.setText(document.title());
        String outage = document.outageFrom() == null ? "" : " · " + getTranslation("doc.outageWindow",
                Formats.dateTime(document.outageFrom()), Formats.dateTime(document.outageTo()));
        info.setText(document.no() + " · " + Formats.enumLabel("doc.kind", document.kind()) + " · "
                + Formats.date(document.issuedOn()) + outage);
        List<Delivery> all = service.deliveries(document.no());
        actions.removeAll();
        actions.add(Badges.badge(getTranslation("doc.receivedOf", document.received(), document.units()), "contrast"));
        if (document.unclaimed() > 0) {
            actions.add(Badges.badge(getTranslation("doc.unclaimedCount", document.unclaimed()), "error"));
        }
        actions.add(methodFilter);
        List<String> waiting = all.stream().filter(d -> d.dispatchedOn() == null).map(Delivery::unitCode).toList();
        if (service.canWrite() && !waiting.isEmpty()) {
            Button dispatch = new Button(getTranslation("doc.dispatchAll", waiting.size()), VaadinIcon.TRUCK.create(),
                    e -> act(() -> service.dispatch(document.no(), waiting, service.today())));
            dispatch.setId("dispatch-all-button");
            dispatch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(dispatch);
        }
        grid.setItems(all.stream().filter(d -> methodFilter.getValue() == null
                || methodFilter.getValue().equals(d.method())).toList());
    }

    private Grid<Delivery> grid() {
        grid.setId("deliveries-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::unitCell).setHeader(getTranslation("field.unit")).setFlexGrow(2);
        var method = grid.addColumn(d -> Formats.enumLabel("doc.method", d.method()))
                .setHeader(getTranslation("doc.field.method")).setAutoWidth(true);
        var dispatched = grid.addColumn(d -> Formats.date(d.dispatchedOn()))
                .setHeader(getTranslation("doc.field.dispatchedOn")).setAutoWidth(true);
        var delivered = grid.addColumn(d -> Formats.date(d.deliveredOn()))
                .setHeader(getTranslation("doc.field.deliveredOn")).setAutoWidth(true);
        var collected = grid.addColumn(d -> Formats.date(d.collectedOn()))
                .setHeader(getTranslation("doc.field.collectedOn")).setAutoWidth(true);
        var call = grid.addColumn(d -> d.callOn() == null ? "" : Formats.date(d.callOn()) + " " + d.callNote())
                .setHeader(getTranslation("doc.field.callOn")).setFlexGrow(1);
        grid.addComponentColumn(this::next).setKey("action").setAutoWidth(true).setFlexGrow(0);
        Responsive.hideOnPhone(grid, List.of(method, dispatched, delivered, collected, call));
        return grid;
    }

    private Component unitCell(Delivery d) {
        Div unit = new Div(new Span(d.unitCode() + (d.ownerName() == null ? "" : " · " + d.ownerName())));
        unit.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        String where = Delivery.POST.equals(d.method()) && d.mailingAddress() != null ? " · " + d.mailingAddress() : "";
        Div meta = new Div(new Span(Formats.enumLabel("doc.method", d.method()) + where + " · " + state(d)));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(unit, meta);
    }

    private String state(Delivery d) {
        if (d.collectedOn() != null) {
            return getTranslation("doc.state.collected", Formats.date(d.collectedOn()));
        }
        if (d.deliveredOn() != null) {
            return getTranslation("doc.state.delivered", Formats.date(d.deliveredOn()));
        }
        if (d.dispatchedOn() != null) {
            return getTranslation("doc.state.dispatched", Formats.date(d.dispatchedOn()));
        }
        return getTranslation("doc.state.waiting");
    }

    /** The next step of the copy as one button, for users who may write. */
    private Component next(Delivery d) {
        if (!service.canWrite()) {
            return new Span();
        }
        LocalDate today = service.today();
        String id = d.unitCode();
        if (d.isCallDue(today, service.unclaimedDays())) {
            Button b = button("doc.call.button", VaadinIcon.PHONE, "call-" + id, () -> callDialog.open(d));
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return b;
        }
        if (d.dispatchedOn() == null) {
            return button("doc.action.dispatch", VaadinIcon.TRUCK, "dispatch-" + id,
                    () -> act(() -> service.dispatch(d.documentNo(), List.of(d.unitCode()), today)));
        }
        if (d.deliveredOn() == null && d.collectedOn() == null) {
            return button("doc.action.delivered", VaadinIcon.CHECK, "delivered-" + id,
                    () -> act(() -> service.delivered(d.documentNo(), d.unitCode(), today)));
        }
        if (d.collectedOn() == null && Delivery.WITH_SECURITY.equals(d.method())) {
            return button("doc.action.collected", VaadinIcon.HANDSHAKE, "collected-" + id,
                    () -> act(() -> service.collected(d.documentNo(), d.unitCode(), today)));
        }
        return Badges.badge(getTranslation("doc.done"), "success");
    }

    private Button button(String key, VaadinIcon icon, String id, Runnable action) {
        Button b = new Button(getTranslation(key), icon.create(), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void act(Supplier<?> action) {
        try {
            action.get();
            Notifications.saved();
        } catch (ValidationException e) {
            ValidationException.Problem p = e.problems().get(0);
            Notifications.error(p.messageKey(), p.args().toArray());
        } catch (AccessDeniedException e) {
            Notifications.error(e.messageKey(), e.args());
        }
        reload();
    }
}

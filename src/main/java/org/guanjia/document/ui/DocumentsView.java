package org.guanjia.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Badges;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;
import org.guanjia.base.ui.Responsive;
import org.guanjia.document.Delivery;
import org.guanjia.document.Document;
import org.guanjia.document.DocumentFilter;
import org.guanjia.document.DocumentService;
import org.guanjia.estate.Cluster;
import org.guanjia.estate.EstateService;

/**
 * Documents to owners: the batches (a tap opens one with its copies per unit) and the call
 * list of copies unclaimed for more than two weeks, each with a "record call".
 */
@Route("documents")
@Menu(title = "nav.documents", order = 50, icon = "vaadin:envelopes")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class DocumentsView extends VerticalLayout implements BeforeEnterObserver {

    private final DocumentService service;
    private final Grid<Document> batches = new Grid<>(Document.class, false);
    private final Grid<Delivery> calls = new Grid<>(Delivery.class, false);
    private final ComboBox<String> clusterFilter = new ComboBox<>();
    private final Select<String> kindFilter = new Select<>();
    private final Tab batchesTab = new Tab();
    private final Tab callsTab = new Tab();
    private Tabs tabs;
    private final CallDialog callDialog;
    private String text = "";

    DocumentsView(DocumentService service, EstateService estates) {
        this.service = service;
        setId("documents-view");
        setSizeFull();
        List<String> clusters = estates.clusters().stream().map(Cluster::code).toList();
        callDialog = new CallDialog(service, this::refresh);
        NewDocumentDialog dialog = new NewDocumentDialog(service, estates, clusters,
                d -> UI.getCurrent().navigate("documents/" + d.no()));
        ListToolbar.clusterFilter(clusterFilter, "cluster-filter", clusters, this::refresh);
        kindFilter.setId("kind-filter");
        kindFilter.setItems(Document.KINDS);
        kindFilter.setEmptySelectionAllowed(true);
        kindFilter.setEmptySelectionCaption(getTranslation("doc.allKinds"));
        kindFilter.setItemLabelGenerator(k -> k == null ? getTranslation("doc.allKinds") : Formats.enumLabel("doc.kind", k));
        kindFilter.setWidth("10rem");
        kindFilter.addValueChangeListener(e -> refresh());
        ListToolbar bar = new ListToolbar(t -> {
            text = t;
            refresh();
        }).filters(clusterFilter, kindFilter);
        if (service.canWrite()) {
            bar.newButton("new-document-button", dialog::openNew);
        }
        batchesTab.setId("batches-tab");
        callsTab.setId("calls-tab");
        batchesTab.add(getTranslation("doc.batches"));
        tabs = new Tabs(batchesTab, callsTab);
        tabs.setId("documents-tabs");
        tabs.addSelectedChangeListener(e -> showTab());
        add(tabs, bar, batches(), calls());
        refresh();
        if (service.callListCount(null) > 0) {
            tabs.setSelectedTab(callsTab);
        }
        showTab();
    }

    private void showTab() {
        boolean callList = callsTab.isSelected();
        batches.setVisible(!callList);
        calls.setVisible(callList);
        kindFilter.setVisible(!callList);
    }

    private Grid<Document> batches() {
        batches.setId("documents-grid");
        batches.setSizeFull();
        batches.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        batches.addComponentColumn(this::titleCell).setHeader(getTranslation("doc.field.title")).setFlexGrow(3);
        var kind = batches.addColumn(d -> Formats.enumLabel("doc.kind", d.kind())).setHeader(getTranslation("doc.field.kind"))
                .setAutoWidth(true);
        var issued = batches.addColumn(d -> Formats.date(d.issuedOn())).setHeader(getTranslation("doc.field.issuedOn"))
                .setAutoWidth(true);
        batches.addComponentColumn(this::progress).setHeader(getTranslation("doc.received")).setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.hideOnPhone(batches, List.of(kind, issued));
        batches.addItemClickListener(e -> UI.getCurrent().navigate("documents/" + e.getItem().no()));
        return batches;
    }

    private Component titleCell(Document d) {
        Div title = new Div(new Span(d.title()));
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        String outage = d.outageFrom() == null ? "" : " · " + Formats.dateTime(d.outageFrom()) + " – "
                + Formats.dateTime(d.outageTo());
        Div meta = new Div(new Span(d.no() + " · " + Formats.date(d.issuedOn()) + outage));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(title, meta);
    }

    private Component progress(Document d) {
        Div box = new Div(Badges.badge(getTranslation("doc.receivedOf", d.received(), d.units()),
                d.received() == d.units() ? "success" : "contrast"));
        if (d.unclaimed() > 0) {
            box.add(new Span(" "), Badges.badge(getTranslation("doc.unclaimedCount", d.unclaimed()), "error"));
        }
        return box;
    }

    private Grid<Delivery> calls() {
        calls.setId("calls-grid");
        calls.setSizeFull();
        calls.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        calls.addComponentColumn(this::callCell).setHeader(getTranslation("field.unit")).setFlexGrow(3);
        var doc = calls.addColumn(Delivery::documentTitle).setHeader(getTranslation("doc.field.title")).setFlexGrow(2);
        var method = calls.addColumn(d -> Formats.enumLabel("doc.method", d.method()))
                .setHeader(getTranslation("doc.field.method")).setAutoWidth(true);
        var days = calls.addColumn(d -> getTranslation("doc.daysOut",
                        ChronoUnit.DAYS.between(d.dispatchedOn(), service.today())))
                .setHeader(getTranslation("doc.field.dispatchedOn")).setAutoWidth(true);
        calls.addComponentColumn(this::callButton).setKey("action").setAutoWidth(true).setFlexGrow(0);
        Responsive.hideOnPhone(calls, List.of(doc, method, days));
        return calls;
    }

    private Component callCell(Delivery d) {
        Div unit = new Div(new Span(d.unitCode() + (d.ownerName() == null ? "" : " · " + d.ownerName())));
        unit.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Div meta = new Div(new Span((d.ownerPhone() == null ? "" : d.ownerPhone() + " · ") + d.documentTitle() + " · "
                + getTranslation("doc.daysOut", ChronoUnit.DAYS.between(d.dispatchedOn(), service.today()))));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(unit, meta);
    }

    private Component callButton(Delivery d) {
        Button call = new Button(getTranslation("doc.call.button"), VaadinIcon.PHONE.create(), e -> callDialog.open(d));
        call.setId("call-" + d.documentNo() + "-" + d.unitCode());
        call.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        call.setVisible(service.canWrite());
        return call;
    }

    private void refresh() {
        DocumentFilter filter = new DocumentFilter(clusterFilter.getValue(), kindFilter.getValue(), text);
        batches.setItems(query -> service.documents(filter, new Page(query.getOffset(), query.getLimit())).stream(),
                query -> service.count(filter));
        List<Delivery> list = service.callList(clusterFilter.getValue()).stream()
                .filter(d -> text == null || text.isBlank() || d.unitCode().contains(text.trim())
                        || d.documentTitle().contains(text.trim()))
                .toList();
        calls.setItems(list);
        callsTab.removeAll();
        callsTab.add(getTranslation("doc.callList", list.size()));
    }

    /** {@code ?tab=calls} opens the call list (the link from the butler's agenda). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getSingleParameter("tab")
                .filter("calls"::equals).isPresent()) {
            tabs.setSelectedTab(callsTab);
        }
    }
}

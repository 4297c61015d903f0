package org.guanjia.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.guanjia.audit.AuditEntry;
import org.guanjia.audit.AuditService;
import org.guanjia.base.Page;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.ListToolbar;

/** The audit log, newest first (ADMIN only). */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 91, icon = "vaadin:clipboard-text")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout {

    private final AuditService service;
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private String text = "";

    AuditLogView(AuditService service) {
        this.service = service;
        setId("audit-view");
        setSizeFull();
        grid.setId("audit-grid");
        grid.setSizeFull();
        grid.addColumn(a -> Formats.dateTime(a.at())).setHeader(getTranslation("field.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader(getTranslation("field.username")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("action." + a.action())).setHeader(getTranslation("field.action"));
        grid.addColumn(AuditEntry::entity).setHeader(getTranslation("field.entity"));
        grid.addColumn(AuditEntry::entityKey).setHeader(getTranslation("field.key")).setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader(getTranslation("field.details")).setFlexGrow(1);
        add(new ListToolbar(t -> {
            text = t;
            refresh();
        }), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(q -> service.list(text, new Page(q.getOffset(), q.getLimit())).stream(),
                q -> service.count(text));
    }
}

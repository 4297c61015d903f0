package org.guanjia.visit.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;
import org.guanjia.staff.StaffService;
import org.guanjia.visit.VisitService;

/**
 * Customer visits (客戶拜訪 / 回訪): the visits made, newest first, with filters and the figures
 * the butler reports to the supervisor, and the appointments planned ahead. A tap opens a visit
 * with its requests and the state of each escalated one.
 */
@Route("visits")
@Menu(title = "nav.visits", order = 42.5, icon = "vaadin:handshake")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER", "SERVICE_DESK"})
class VisitsView extends VerticalLayout {

    VisitsView(VisitService service, EstateService estates, StaffService staff, CurrentUser user) {
        setId("visits-view");
        setSizeFull();
        setPadding(false);
        // a butler records their own visits and sees their clusters' ones: picking a butler (in the
        // form and as a filter) is for those who see every cluster
        boolean pickButler = !user.hasRole(Role.BUTLER);
        VisitForm form = new VisitForm(service, estates, staff, pickButler && service.canWrite());
        VisitList visits = new VisitList(service, estates, staff, form, pickButler);
        PlanList plans = new PlanList(service, estates, form);
        form.onSaved(v -> {
            visits.refresh();
            plans.refresh();
        });
        TabSheet tabs = new TabSheet();
        tabs.setId("visit-tabs");
        tabs.setSizeFull();
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_MINIMAL);
        tabs.add(getTranslation("visit.tab.visits"), visits).setId("visits-tab");
        tabs.add(getTranslation("visit.tab.plans"), plans).setId("plans-tab");
        add(tabs);
    }
}

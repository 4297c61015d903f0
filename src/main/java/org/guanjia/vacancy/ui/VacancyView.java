package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.guanjia.vacancy.VacancyService;

/**
 * Vacant units (空置房巡视): first the units still to inspect this month (one tap opens the
 * form), then the inspections recorded with each unit's history, then the weekly move-in and
 * monthly vacancy figures.
 */
@Route("vacancy")
@Menu(title = "nav.vacancy", order = 51, icon = "vaadin:key-o")
@RolesAllowed({"ADMIN", "MANAGER", "SUPERVISOR", "BUTLER"})
class VacancyView extends VerticalLayout {

    VacancyView(VacancyService service) {
        setId("vacancy-view");
        setSizeFull();
        setPadding(false);
        TabSheet tabs = new TabSheet();
        InspectionList[] list = new InspectionList[1];
        DueList[] due = new DueList[1];
        InspectionDialog dialog = new InspectionDialog(service, () -> {
            list[0].refresh();
            due[0].refresh();
        }, unit -> {
            list[0].showUnit(unit);
            tabs.setSelectedIndex(1);
        });
        InspectionForm form = new InspectionForm(service, saved -> {
            due[0].refresh();
            list[0].refresh();
            dialog.open(saved);
        });
        due[0] = new DueList(service, form);
        list[0] = new InspectionList(service, dialog);
        tabs.setId("vacancy-tabs");
        tabs.setSizeFull();
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_MINIMAL);
        tabs.add(getTranslation("vacancy.tab.due"), due[0]).setId("due-tab");
        tabs.add(getTranslation("vacancy.tab.inspections"), list[0]).setId("inspections-tab");
        tabs.add(getTranslation("vacancy.tab.stats"), new StatsPanel(service)).setId("stats-tab");
        add(tabs);
    }
}

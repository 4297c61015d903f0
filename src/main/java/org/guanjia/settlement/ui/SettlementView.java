package org.guanjia.settlement.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.estate.Estate;
import org.guanjia.settlement.SettlementService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

/**
 * Year-end service-charge settlement (F13): pick an estate and a year; the budget and actual
 * costs by category with their keys and the prepayment rate they imply, the persons per unit for
 * the head-count key, and the settlement with its lines and letters. Butlers see the settlement
 * lines and letters of their clusters and the budget read-only.
 */
@Route("settlement")
@Menu(title = "settle.nav", order = 48, icon = "vaadin:scale")
@RolesAllowed({"ADMIN", "FINANCE", "MANAGER", "SUPERVISOR", "BUTLER"})
class SettlementView extends VerticalLayout {

    private final SettlementService service;
    private final Select<Estate> estate = new Select<>();
    private final Select<Integer> year = new Select<>();
    private final BudgetPanel budget;
    private final PersonsPanel persons;
    final SettlementPanel settlement;
    private final TabSheet tabs = new TabSheet();
    private final boolean showPersons;

    SettlementView(SettlementService service, CurrentUser user, Clock clock,
            // Boot's executor for background work; the backup scheduler is a TaskExecutor too
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.service = service;
        setId("settlement-view");
        setSizeFull();
        setPadding(true);
        boolean writer = user.hasRole(Role.ADMIN) || user.hasRole(Role.FINANCE);
        budget = new BudgetPanel(service, writer, clock);
        persons = new PersonsPanel(service, writer);
        settlement = new SettlementPanel(service, writer, clock, executor);
        add(selectors(clock));
        tabs.setId("settle-tabs");
        tabs.setWidthFull();
        tabs.addThemeVariants(TabSheetVariant.LUMO_NO_PADDING);
        tabs.add(getTranslation("settle.tab.settlement"), settlement);
        tabs.add(getTranslation("settle.tab.budget"), budget);
        showPersons = !user.hasRole(Role.BUTLER);
        if (showPersons) {
            tabs.add(getTranslation("settle.tab.persons"), persons);
        }
        addAndExpand(tabs);
        settlement.onChange(this::refresh);
        budget.onChange(this::refresh);
        persons.onChange(this::refresh);
        refresh();
    }

    private FlexLayout selectors(Clock clock) {
        estate.setId("settle-estate");
        estate.setLabel(getTranslation("field.estate"));
        List<Estate> estates = service.estates();
        estate.setItems(estates);
        estate.setItemLabelGenerator(e -> e.name() + " (" + e.code() + ")");
        if (!estates.isEmpty()) {
            estate.setValue(estates.get(0));
        }
        estate.addValueChangeListener(e -> refresh());
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear + 1; y >= thisYear - 4; y--) {
            years.add(y);
        }
        year.setId("settle-year");
        year.setLabel(getTranslation("settle.field.year"));
        year.setItems(years);
        year.setItemLabelGenerator(String::valueOf);
        // the last completed year is the one to settle
        year.setValue(thisYear - 1);
        year.setWidth("8rem");
        year.addValueChangeListener(e -> refresh());
        Span hint = new Span(getTranslation("settle.hint"));
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        FlexLayout bar = new FlexLayout(estate, year, hint);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.MEDIUM);
        bar.setWidthFull();
        return bar;
    }

    private void refresh() {
        Estate e = estate.getValue();
        Integer y = year.getValue();
        if (e == null || y == null) {
            return;
        }
        budget.show(e, y);
        if (showPersons) {
            persons.show(e, y);
        }
        settlement.show(e, y);
    }
}

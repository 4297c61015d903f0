package org.guanjia.bankdebit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.guanjia.bankdebit.BankDebitService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.estate.EstateService;

/**
 * Bank auto-debit (交通银行代扣): owners' enrolments, the weekly debit lists with their files for
 * the bank and the bank's results, and the failed debits the butlers must phone about. A butler
 * starts on the call list; {@code ?tab=failed|lists|enrolments} opens a tab directly.
 */
@Route("bank-debit")
@Menu(title = "debit.menu", order = 45, icon = "vaadin:credit-card")
@PermitAll
class BankDebitView extends VerticalLayout implements BeforeEnterObserver {

    private final TabSheet tabs = new TabSheet();
    private final Map<String, Tab> byName = new HashMap<>();
    private final FailedDebitsPanel failed;

    BankDebitView(BankDebitService service, EstateService estates, CurrentUser user, Clock clock) {
        setId("bank-debit-view");
        setSizeFull();
        setPadding(false);
        tabs.setSizeFull();
        failed = new FailedDebitsPanel(service, estates, clock);
        boolean butler = user.hasRole(Role.BUTLER);
        if (butler) {
            add("failed", "debit.tab.failed", failed);
        }
        add("enrolments", "debit.tab.enrolments", new EnrolmentsPanel(service, estates, clock));
        if (service.canReadBatches()) {
            add("lists", "debit.tab.batches", new BatchesPanel(service, clock));
        }
        if (!butler) {
            add("failed", "debit.tab.failed", failed);
        }
        // the call list changes when results are imported in another tab
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == byName.get("failed")) {
                failed.refresh();
            }
        });
        add(tabs);
    }

    private void add(String name, String titleKey, Component content) {
        Tab tab = tabs.add(getTranslation(titleKey), content);
        tab.setId(name + "-tab");
        byName.put(name, tab);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("tab")
                .map(byName::get)
                .ifPresent(tabs::setSelectedTab);
    }
}

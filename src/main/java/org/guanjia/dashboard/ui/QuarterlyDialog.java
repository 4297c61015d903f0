package org.guanjia.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanjia.dashboard.Dashboard;
import org.guanjia.dashboard.DashboardService;
import org.guanjia.dashboard.FilterChoice;

/**
 * "Quarterly report": pick a quarter and an estate; the management overview opens for that
 * quarter (grain quarter, so tiles compare with the quarter before) and its PDF is made at once.
 */
class QuarterlyDialog extends Dialog {

    QuarterlyDialog(DashboardService service, Dashboard overview) {
        setHeaderTitle(getTranslation("dash.quarterly"));
        setId("quarterly-dialog");
        List<String> quarters = new ArrayList<>();
        YearMonth m = YearMonth.from(service.today());
        for (int i = 0; i < 12; i++) {
            quarters.add(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1));
            m = m.minusMonths(3);
        }
        ComboBox<String> quarter = new ComboBox<>(getTranslation("dash.quarterly.quarter"),
                quarters);
        quarter.setValue(quarters.size() > 1 ? quarters.get(1) : quarters.get(0));
        quarter.setId("quarterly-quarter");
        ComboBox<FilterChoice> estate = new ComboBox<>(getTranslation("dash.filter.estate"),
                service.choices("estate"));
        estate.setItemLabelGenerator(FilterChoice::label);
        estate.setClearButtonVisible(true);
        estate.setPlaceholder(getTranslation("dash.filter.all"));
        estate.setId("quarterly-estate");
        add(new FormLayout(quarter, estate));
        Button make = new Button(getTranslation("dash.quarterly.make"), e -> {
            if (quarter.getValue() == null) {
                return;
            }
            int y = Integer.parseInt(quarter.getValue().substring(0, 4));
            int q = quarter.getValue().charAt(6) - '0';
            YearMonth from = YearMonth.of(y, q * 3 - 2);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("grain", "quarter");
            params.put("from", from.toString());
            params.put("to", from.plusMonths(2).toString());
            if (estate.getValue() != null) {
                params.put("estate", estate.getValue().code());
            }
            params.put("report", "pdf");
            close();
            UI.getCurrent().navigate(DashboardView.class, new RouteParameters("id",
                    overview.id()), QueryParameters.simple(params));
        });
        make.setId("quarterly-make");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("dash.cancel"), e -> close()), make);
    }
}

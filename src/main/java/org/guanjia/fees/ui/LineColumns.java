package org.guanjia.fees.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.guanjia.base.ui.Formats;
import org.guanjia.base.ui.Responsive;
import org.guanjia.fees.RunLine;

/** The columns of a run's lines: unit, cluster, area, fee, rate, amount (phone: unit, fee, amount). */
final class LineColumns {

    private LineColumns() {
    }

    static void add(Grid<RunLine> grid) {
        UI ui = UI.getCurrent();
        grid.addColumn(RunLine::unitCode).setHeader(ui.getTranslation("field.unit")).setAutoWidth(true)
                .setFrozen(true);
        var cluster = grid.addColumn(RunLine::clusterCode).setHeader(ui.getTranslation("field.cluster"))
                .setAutoWidth(true);
        var area = grid.addColumn(l -> Formats.decimal(l.areaSqm(), 2)).setHeader(ui.getTranslation("field.areaSqm"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.enumLabel("feeType", l.feeType())).setHeader(ui.getTranslation("field.feeType"))
                .setAutoWidth(true);
        var rate = grid.addColumn(l -> FeeSchedulesView.rate(l.rate())).setHeader(ui.getTranslation("fees.field.rate"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.decimal(l.amount(), 2)).setHeader(ui.getTranslation("field.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        Responsive.hideOnPhone(grid, List.of(cluster, area, rate));
    }
}

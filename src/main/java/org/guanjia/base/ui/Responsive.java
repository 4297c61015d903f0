package org.guanjia.base.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/** Hides secondary grid columns on a phone-sized window (narrower than 640 px). */
public final class Responsive {

    public static final int PHONE_WIDTH = 640;

    private Responsive() {
    }

    public static void hideOnPhone(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        grid.addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(details -> {
            boolean phone = details.getWindowInnerWidth() < PHONE_WIDTH;
            columns.forEach(c -> c.setVisible(!phone));
        }));
    }
}

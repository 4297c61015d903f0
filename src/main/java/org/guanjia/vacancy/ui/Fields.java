package org.guanjia.vacancy.ui;

import com.vaadin.flow.component.select.Select;
import org.guanjia.base.ui.Formats;
import org.guanjia.vacancy.Inspection;

/** Fields the vacancy forms share. */
final class Fields {

    private Fields() {
    }

    /** How the owner was told; empty = not yet. */
    static Select<String> informMethod(String id) {
        Select<String> s = new Select<>();
        s.setId(id);
        s.setLabel(s.getTranslation("vacancy.field.ownerInformedMethod"));
        s.setEmptySelectionAllowed(true);
        s.setEmptySelectionCaption(s.getTranslation("vacancy.notInformed"));
        s.setItems(Inspection.INFORM_METHODS);
        s.setItemLabelGenerator(m -> m == null ? s.getTranslation("vacancy.notInformed")
                : Formats.enumLabel("vacancy.method", m));
        return s;
    }
}
